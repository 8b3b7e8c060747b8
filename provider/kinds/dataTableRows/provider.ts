import { randomUUID } from "node:crypto";
import type { ApiClient } from "../../client/apiClient";
import { carried, checkKind, inKindContext, type KindBasics, type KindProvider } from "../../kindProvider";
import { readConfirmingGone } from "../../lifecycle/confirmGone";
import { diffInputs } from "../../lifecycle/inputDiff";
import { updateUnversioned } from "../../lifecycle/updateUnversioned";
import { apiClient, configure } from "../../providerContext";
import { inspectInputShape } from "../../validation/inputShape";
import { containsUnknown, isUnknown } from "../../validation/unknowns";
import { deleteMembers } from "../dataRecordSet/deleteMembers";
import { planChanges, type RecordHashes, recordHash } from "../dataRecordSet/recordPlan";
import { listedRecords, readRecordFile, recordsToWrite, type SourceRecord } from "../dataRecordSet/recordSource";
import { recordFailures } from "../dataRecordSet/schema";
import { memberFailure, outputsOrFailure } from "../dataRecordSet/setOutcome";
import { settleConcurrently } from "../dataRecordSet/settleConcurrently";
import { dataTableApi } from "../dataTable/api";
import { fieldDefault, KEY_FIELD, rowFields, type TableField } from "../dataTable/schema";
import { dataTableRowApi as rowApi, type RowBody, rowBody, valuesOf } from "../dataTableRow/api";
import { createRow } from "../dataTableRow/provider";
import { rowDataFailures } from "../dataTableRow/schema";
import { csvText, runImport } from "./importJob";
import {
    csvImportProblems,
    type DataTableRowsInputs,
    dataTableRowsDefaults,
    dataTableRowsInputs,
    dataTableRowsRules,
    MAX_TABLE_ROWS,
    rowKeyProblem,
} from "./schema";

type Props = Record<string, unknown>;

const LABEL = "data table rows";
const NOUN = "row";
/** Why a row the stack wrote is not overwritten: it was changed, or deleted (no live hash), outside Pulumi. */
const changedOutside = (liveHash: string | undefined) =>
    `was ${liveHash === undefined ? "deleted" : "changed"} outside Pulumi since this stack last wrote it; run \`pulumi refresh\` to take in that change, then \`pulumi up\` again to apply yours`;
/** Inputs `check` computes from the rows; never taken from the program. */
const COMPUTED = ["rowHashes", "rowCount", "sourceHash"] as const;

/** The inputs as `check` leaves them for create/update: with the rows' hashes (and the file's). */
type CheckedInputs = DataTableRowsInputs & { rowHashes?: RecordHashes; rowCount?: number; sourceHash?: string };

/** What a set of rows shares with every other kind: its inputs are checked, and its errors worded, the same way. */
const basics: KindBasics<DataTableRowsInputs> = {
    label: LABEL,
    schema: dataTableRowsInputs,
    rules: dataTableRowsRules,
    defaults: dataTableRowsDefaults,
    // The computed inputs are recomputed from the rows, never taken from the program.
    normalise(news) {
        const inputs = { ...news };
        for (const key of COMPUTED) delete inputs[key];
        return inputs;
    },
};

const inContext = <T>(action: string, run: () => Promise<T>) => inKindContext(LABEL, action, run);

/** The rows the inputs name: the `rows` list as given, or the file read now. */
function sourceRows(inputs: DataTableRowsInputs): { records: SourceRecord[]; sourceHash?: string } {
    if (inputs.file !== undefined)
        return readRecordFile(inputs.file, inputs.keyColumn, rowFields(inputs.fields, undefined));
    return { records: listedRecords(inputs.rows ?? [], "rows") };
}

/**
 * A row's hash, over its values less those at their field's default: the platform fills every field a row leaves
 * out, so a live row and the data that wrote it hash the same, and adding a field to the table changes no hash.
 */
function hashOf(fields: readonly TableField[], data: Record<string, unknown>): string {
    const defaults = new Map(fields.map((field) => [field.name, fieldDefault(field)]));
    const values = Object.entries(data).filter(
        ([name, value]) => name !== KEY_FIELD && value !== null && value !== defaults.get(name),
    );
    return recordHash(Object.fromEntries(values));
}

function hashesOf(fields: readonly TableField[], records: readonly SourceRecord[]): RecordHashes {
    const hashes: RecordHashes = {};
    for (const record of records) hashes[record.key] = hashOf(fields, record.data);
    return hashes;
}

interface SetState {
    hashes: RecordHashes;
    failures: string[];
}

function outputsOf(inputs: CheckedInputs, state: SetState): Props {
    const outs: Props = {
        datatableId: inputs.datatableId,
        fields: inputs.fields,
        keyColumn: inputs.keyColumn,
        concurrency: inputs.concurrency,
        rowHashes: state.hashes,
        rowCount: Object.keys(state.hashes).length,
    };
    for (const key of ["clientValidation", "importMode", "file", "sourceHash"] as const)
        if (inputs[key] !== undefined) outs[key] = inputs[key];
    // Kept so a later delete is audited under the resource's name and stack.
    return { ...outs, ...carried(inputs) };
}

function writtenRows(inputs: CheckedInputs): Map<string, SourceRecord> {
    return recordsToWrite(sourceRows(inputs), inputs.file, inputs.sourceHash);
}

function outcome(
    creating: boolean,
    id: string,
    inputs: CheckedInputs,
    state: SetState,
    attempted: number,
    anyApplied: boolean,
): Props {
    return outputsOrFailure({
        noun: NOUN,
        creating,
        id,
        outs: outputsOf(inputs, state),
        provider: (inputs as Props).__provider,
        failures: state.failures,
        attempted,
        anyApplied,
    });
}

/** Records each change's outcome in `state`; true when any applied. */
function settle(state: SetState, outcomes: { key: string; hash?: string; error?: unknown }[]): boolean {
    let anyApplied = false;
    for (const { key, hash, error } of outcomes) {
        if (error !== undefined) {
            state.failures.push(memberFailure(NOUN, key, error));
            continue;
        }
        anyApplied = true;
        if (hash === undefined) delete state.hashes[key];
        else state.hashes[key] = hash;
    }
    return anyApplied;
}

/**
 * Row by row: new keys are created, held ones updated after comparing the live row with the state (rows carry no
 * version), removed ones deleted; all under one concurrency limit, each failure recorded without stopping the others.
 */
async function applyRowByRow(
    client: ApiClient,
    inputs: CheckedInputs,
    state: SetState,
    put: SourceRecord[],
    remove: string[],
): Promise<boolean> {
    const { datatableId, fields } = inputs;
    const liveHash = (row: RowBody) => ({ hash: hashOf(fields, valuesOf(row)) });
    type Change = { key: string; record?: SourceRecord };
    const changes: Change[] = [
        ...put.map((record) => ({ key: record.key, record })),
        ...remove.map((key) => ({ key })),
    ];
    const results = await settleConcurrently(changes, inputs.concurrency, async ({ key, record }) => {
        if (record === undefined) return rowApi.delete(client, datatableId, key);
        const held = state.hashes[key];
        if (held === undefined) return createRow(client, { datatableId, fields, key, data: record.data });
        return updateUnversioned({
            label: "data table row",
            id: key,
            known: { hash: held },
            sent: { hash: hashOf(fields, record.data) },
            get: () => rowApi.get(client, datatableId, key),
            readAfterWriteMs: client.readAfterWriteMs,
            put: () => rowApi.put(client, datatableId, rowBody(key, record.data)),
            fieldsOf: liveHash,
        });
    });
    return settle(
        state,
        results.map((result, index) => {
            const { key, record } = changes[index];
            if (!result.ok) return { key, error: result.error };
            return { key, hash: record && hashOf(fields, record.data) };
        }),
    );
}

/**
 * Through one CSV import job: the rows to write go in the file (with ReplaceAll, every row of the set, and the
 * platform deletes the rest; with Append, only the new and changed ones, and removed rows are deleted one by one).
 * Rows changed outside Pulumi are refused first, as row-by-row updates refuse them. What the job did is read back
 * from the table, so the state holds exactly the rows that now hold what the set says.
 */
async function applyByImport(
    client: ApiClient,
    inputs: CheckedInputs,
    state: SetState,
    wanted: Map<string, SourceRecord>,
    put: SourceRecord[],
    remove: string[],
): Promise<boolean> {
    const { datatableId, fields } = inputs;
    const mode = inputs.importMode ?? "Append";
    const listedHashes = async () =>
        new Map((await rowApi.list(client, datatableId)).map((row) => [row.key, hashOf(fields, valuesOf(row))]));
    // A list may not show a row written a moment ago yet: a row missing from it is read on its own, and is missing
    // only if it stays so through the read-after-write window.
    const liveHash = async (listed: Map<string, string>, key: string) => {
        if (listed.has(key)) return listed.get(key);
        const row = await readConfirmingGone(() => rowApi.get(client, datatableId, key), client.readAfterWriteMs);
        return row && hashOf(fields, valuesOf(row));
    };
    const before = await listedHashes();
    const outcomes: { key: string; hash?: string; error?: unknown }[] = [];
    for (const record of put) {
        const held = state.hashes[record.key];
        if (held === undefined || before.get(record.key) === held) continue;
        const live = await liveHash(before, record.key);
        if (live !== held && live !== hashOf(fields, record.data))
            outcomes.push({ key: record.key, error: changedOutside(live) });
    }
    const refused = new Set(outcomes.map((outcome) => outcome.key));
    // ReplaceAll would delete a row left out of the file, so one refused row stops the whole load.
    if (mode === "ReplaceAll" && refused.size > 0) return settle(state, outcomes);
    const sent = mode === "ReplaceAll" ? [...wanted.values()] : put.filter((record) => !refused.has(record.key));
    const columns = [KEY_FIELD, ...fields.map((field) => field.name).filter((name) => name !== KEY_FIELD)];
    const csv = csvText(
        columns,
        sent.map((record) => ({ ...record.data, [KEY_FIELD]: record.key })),
    );
    const { job, rowErrors } = await runImport(client, datatableId, mode, csv);
    const after = await listedHashes();
    const jobError =
        job.errorInformation?.message ??
        (job.status === "Succeeded"
            ? "the import job succeeded, but the row does not hold what was sent"
            : `the import job ended ${job.status}`);
    for (const record of sent) {
        const hash = hashOf(fields, record.data);
        if ((await liveHash(after, record.key)) === hash) outcomes.push({ key: record.key, hash });
        else outcomes.push({ key: record.key, error: rowErrors.get(record.key) ?? jobError });
    }
    const deleted = mode === "ReplaceAll" ? remove : [];
    for (const key of deleted) {
        // A list may still show a row just deleted: the row's own read decides.
        const left = after.has(key) && (await rowApi.get(client, datatableId, key)) !== undefined;
        outcomes.push(left ? { key, error: "the import left this removed row in place" } : { key });
    }
    const applied = settle(state, outcomes);
    if (mode === "Append" && remove.length > 0) {
        const removed = await applyRowByRow(client, inputs, state, [], remove);
        return applied || removed;
    }
    return applied;
}

function apply(
    client: ApiClient,
    inputs: CheckedInputs,
    state: SetState,
    wanted: Map<string, SourceRecord>,
    put: SourceRecord[],
    remove: string[],
): Promise<boolean> {
    if (inputs.importMode !== undefined) return applyByImport(client, inputs, state, wanted, put, remove);
    return applyRowByRow(client, inputs, state, put, remove);
}

/**
 * Many rows of one data table as one resource. State keeps a hash per row (not the data), so a diff compares
 * hashes and an update writes only the rows that changed, row by row or through the platform's CSV import job;
 * failures are reported together while the rows that succeeded stay in the stack (see PartialFailure).
 */
export const dataTableRowsProvider: KindProvider = {
    secretFields: [],
    configure,

    async check(olds, news) {
        const { inputs, failures } = checkKind(basics, olds, news);
        // The rows' own validation below must not walk a runaway shape (checkKind has reported it).
        if (!inspectInputShape(inputs).walkable) return { inputs, failures };
        const sourceBlocked =
            failures.some((f) => !f.property.startsWith("rows")) ||
            [inputs.fields, inputs.file, inputs.keyColumn].some(containsUnknown) ||
            isUnknown(inputs.rows);
        if (sourceBlocked) return { inputs, failures };
        const typed = inputs as DataTableRowsInputs;
        let source: { records: SourceRecord[]; sourceHash?: string };
        try {
            source = sourceRows(typed);
        } catch (err) {
            return { inputs, failures: [...failures, { property: "file", reason: `file ${(err as Error).message}` }] };
        }
        if (source.records.length > MAX_TABLE_ROWS)
            failures.push({
                property: "file",
                reason: `file holds ${source.records.length} rows; a data table holds at most ${MAX_TABLE_ROWS}`,
            });
        const invalidIndices = new Set(
            failures.map((f) => Number(/^rows\[(\d+)\]/.exec(f.property)?.[1])).filter(Number.isInteger),
        );
        // A preview may not know the table's client-side rules yet (a table without any has no such output in its
        // state, which a preview reads as unknown): the rows are then checked against the fields alone, and still
        // hashed, so the preview shows only the rows that really change.
        const rules = containsUnknown(typed.clientValidation) ? undefined : typed.clientValidation;
        const validate = (data: unknown) => [
            ...rowDataFailures(typed.fields, rules, data),
            ...(typed.importMode === undefined ? [] : csvImportProblems(typed.fields, data)),
        ];
        failures.push(...recordFailures(source.records, validate, invalidIndices, rowKeyProblem));
        // Only rows that passed can be hashed: a refused row may not even hold an object.
        if (failures.length === 0 && !containsUnknown(typed.rows)) {
            inputs.rowHashes = hashesOf(typed.fields, source.records);
            inputs.rowCount = source.records.length;
            if (source.sourceHash !== undefined) inputs.sourceHash = source.sourceHash;
        }
        return { inputs, failures };
    },

    async diff(_id, olds, news) {
        const table = diffInputs(olds, news, ["datatableId"], ["datatableId"]);
        const rows = news.rowHashes === undefined || diffInputs(olds, news, ["rowHashes"], []).changes;
        return { changes: table.changes || rows, replaces: table.replaces, deleteBeforeReplace: false };
    },

    create(news) {
        const inputs = news as CheckedInputs;
        return inContext("creating", async () => {
            const wanted = writtenRows(inputs);
            const id = `${inputs.datatableId}/${randomUUID()}`;
            const state: SetState = { hashes: {}, failures: [] };
            const anyApplied = await apply(apiClient(), inputs, state, wanted, [...wanted.values()], []);
            return { id, outs: outcome(true, id, inputs, state, wanted.size, anyApplied) };
        });
    },

    read(id, props = {}) {
        return inContext(`reading ${id} of`, async () => {
            const client = apiClient();
            const tableId = String(props.datatableId);
            const table = await readConfirmingGone(() => dataTableApi.get(client, tableId), client.readAfterWriteMs);
            if (table === undefined) return {};
            const fields = (props.fields ?? []) as TableField[];
            const held = (props.rowHashes ?? {}) as RecordHashes;
            const hashes: RecordHashes = {};
            for (const row of await rowApi.list(client, tableId))
                if (Object.hasOwn(held, row.key)) hashes[row.key] = hashOf(fields, valuesOf(row));
            return { id, props: { ...props, rowHashes: hashes, rowCount: Object.keys(hashes).length } };
        });
    },

    update(id, olds, news) {
        const inputs = news as CheckedInputs;
        return inContext(`updating ${id} of`, async () => {
            const wanted = writtenRows(inputs);
            const state: SetState = { hashes: { ...((olds.rowHashes ?? {}) as RecordHashes) }, failures: [] };
            const plan = planChanges(state.hashes, hashesOf(inputs.fields, [...wanted.values()]));
            const put = plan.put.map((key) => wanted.get(key) as SourceRecord);
            const anyApplied = await apply(apiClient(), inputs, state, wanted, put, plan.remove);
            return { outs: outcome(false, id, inputs, state, put.length + plan.remove.length, anyApplied) };
        });
    },

    delete(id, props) {
        return inContext(`deleting ${id} of`, async () => {
            const client = apiClient();
            const tableId = String(props.datatableId);
            await deleteMembers(
                NOUN,
                Object.keys((props.rowHashes ?? {}) as RecordHashes),
                Number(props.concurrency ?? dataTableRowsDefaults.concurrency),
                (key) => rowApi.delete(client, tableId, key),
            );
        });
    },
};
