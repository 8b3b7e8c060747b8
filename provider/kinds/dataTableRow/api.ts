import type { Models } from "purecloud-platform-client-v2";
import type { ApiClient } from "../../client/apiClient";
import { deleteOrGone, readOrGone } from "../../lifecycle/missingIsGone";
import { tablePath } from "../dataTable/api";
import { fieldDefault, KEY_FIELD, type TableField } from "../dataTable/schema";

/** A row as the SDK types it (the listing's entities): the key and every field, by name. */
type PlatformRow = NonNullable<Models.DataTableRowEntityListing["entities"]>[number];

/** A row as sent and (with `showbrief=false`) returned: `key` and the table's other fields. */
export type RowBody = { [KEY_FIELD]: string } & Record<string, unknown>;

export const rowsPath = (tableId: string) => `${tablePath(tableId)}/rows`;
export const rowPath = (tableId: string, key: string) => `${rowsPath(tableId)}/${encodeURIComponent(key)}`;

/** Without it the platform returns only each row's key. */
const fullRows = { showbrief: false };

export function rowBody(key: string, data: Record<string, unknown>): RowBody {
    return { ...data, [KEY_FIELD]: key };
}

/** A row's values but its key. */
export function valuesOf(row: RowBody): Record<string, unknown> {
    const { [KEY_FIELD]: _key, ...values } = row;
    return values;
}

/**
 * The data inputs that would produce `row`: the platform fills every field a row leaves out with its default, so
 * a field the inputs left out is left out again while it holds its default; any other value is a real change.
 */
export function dataFromLive(
    row: RowBody,
    oldData: Record<string, unknown> | undefined,
    fields: readonly TableField[] | undefined,
): Record<string, unknown> {
    const byName = new Map((fields ?? []).map((field) => [field.name, field]));
    const data: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(valuesOf(row))) {
        const field = byName.get(name);
        const leftOut = oldData === undefined || !Object.hasOwn(oldData, name);
        if (leftOut && field !== undefined && value === fieldDefault(field)) continue;
        data[name] = value;
    }
    return data;
}

export const dataTableRowApi = {
    /** A create: the row's key goes in the body; a key the table already holds is refused (409). */
    create: (client: ApiClient, tableId: string, row: RowBody) => client.post<RowBody>(rowsPath(tableId), row),
    get: (client: ApiClient, tableId: string, key: string) =>
        readOrGone(() => client.get<RowBody>(rowPath(tableId, key), fullRows)),
    /** The whole row: a field left out takes its default. No version: the last write wins. */
    put: (client: ApiClient, tableId: string, row: RowBody) => client.put<RowBody>(rowPath(tableId, row.key), row),
    delete: (client: ApiClient, tableId: string, key: string) =>
        deleteOrGone(() => client.delete(rowPath(tableId, key))),
    async list(client: ApiClient, tableId: string): Promise<RowBody[]> {
        return (await client.listPages<PlatformRow>(rowsPath(tableId), fullRows)) as RowBody[];
    },
};
