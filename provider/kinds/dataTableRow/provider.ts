import type { ApiClient } from "../../client/apiClient";
import { kindProvider } from "../../kindProvider";
import { bodyMatches } from "../../lifecycle/bodyMatches";
import { readConfirmingGone } from "../../lifecycle/confirmGone";
import { createAdoptingOrphan } from "../../lifecycle/createAdoptingOrphan";
import { updateUnversioned } from "../../lifecycle/updateUnversioned";
import { completeData, type TableField } from "../dataTable/schema";
import { dataFromLive, dataTableRowApi as api, type RowBody, rowBody, valuesOf } from "./api";
import { type DataTableRowInputs, dataTableRowInputs, dataTableRowRules } from "./schema";

const LABEL = "data table row";

type Props = Record<string, unknown>;

/** The resource id names the table and the row (`<datatableId>/<key>`): `read` and `delete` get only the id. */
export function rowResourceId(tableId: string, key: string): string {
    return `${tableId}/${key}`;
}

/** Table ids hold no `/` (they are platform ids); a key may. */
export function parseRowId(id: string): { tableId: string; key: string } {
    const slash = id.indexOf("/");
    if (slash <= 0) throw new Error(`"${id}" is not a data table row id (expected <datatableId>/<key>)`);
    return { tableId: id.slice(0, slash), key: id.slice(slash + 1) };
}

/** A row with the table it lives in, which the platform's row body does not carry. */
export interface HeldRow {
    tableId: string;
    row: RowBody;
}

function inputsFromLive(live: HeldRow, oldInputs: Props): Props {
    const fields = Array.isArray(oldInputs.fields) ? (oldInputs.fields as TableField[]) : undefined;
    return {
        datatableId: live.tableId,
        fields: oldInputs.fields,
        clientValidation: oldInputs.clientValidation,
        key: live.row.key,
        data: dataFromLive(live.row, oldInputs.data as Record<string, unknown> | undefined, fields),
    };
}

async function read(client: ApiClient, id: string): Promise<HeldRow | undefined> {
    const { tableId, key } = parseRowId(id);
    const row = await api.get(client, tableId, key);
    return row && { tableId, row };
}

/** Creates a row by POST; after a lost response, adopts the row under its key only when it holds what was sent. */
export async function createRow(
    client: ApiClient,
    inputs: Pick<DataTableRowInputs, "datatableId" | "fields" | "key" | "data">,
): Promise<HeldRow> {
    const sent = completeData(inputs.fields, inputs.data);
    const row = await createAdoptingOrphan({
        name: rowResourceId(inputs.datatableId, inputs.key),
        post: () => api.create(client, inputs.datatableId, rowBody(inputs.key, inputs.data)),
        // After a lost response the row may be ours; a row under the key holding other data is someone else's. A row
        // just written may still read as missing: waiting out that window keeps a second POST from meeting it (409).
        async findByName() {
            const live = await readConfirmingGone(
                () => api.get(client, inputs.datatableId, inputs.key),
                client.readAfterWriteMs,
            );
            if (live === undefined || bodyMatches(sent, valuesOf(live))) return live;
            throw new Error(
                `table ${inputs.datatableId} already holds a row with key ${JSON.stringify(inputs.key)} and other data; ` +
                    "choose another key, or delete that row if it should be managed here",
            );
        },
    });
    return { tableId: inputs.datatableId, row };
}

/**
 * One row of an Architect data table, keyed by its `key` (`/api/v2/flows/datatables/{id}/rows/{key}`). Rows carry
 * no version: an update reads the row first and refuses to overwrite a change made outside Pulumi.
 */
export const dataTableRowProvider = kindProvider<DataTableRowInputs, HeldRow>({
    label: LABEL,
    schema: dataTableRowInputs,
    rules: dataTableRowRules,
    // The key is the row's id; a row cannot move to another table.
    replaceOn: ["datatableId", "key"],
    checkOnly: ["fields", "clientValidation"],

    create: createRow,
    read,
    // An unconfirmed create is recorded under the row's own id: it is found where it would be.
    resolveUnconfirmed: read,
    async update(client, id, olds, inputs) {
        const oldFields = Array.isArray(olds.fields) ? (olds.fields as TableField[]) : inputs.fields;
        const row = await updateUnversioned({
            label: LABEL,
            id,
            known: completeData(oldFields, (olds.data ?? {}) as Record<string, unknown>),
            sent: completeData(inputs.fields, inputs.data),
            get: () => api.get(client, inputs.datatableId, inputs.key),
            readAfterWriteMs: client.readAfterWriteMs,
            put: () => api.put(client, inputs.datatableId, rowBody(inputs.key, inputs.data)),
            fieldsOf: valuesOf,
        });
        return { tableId: inputs.datatableId, row };
    },
    delete(client, id) {
        const { tableId, key } = parseRowId(id);
        return api.delete(client, tableId, key);
    },
    idOf: (live) => rowResourceId(live.tableId, live.row.key),

    inputsFromLive,
    computed: () => ({}),
});
