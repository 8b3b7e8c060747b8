import { randomUUID } from "node:crypto";
import type { ApiClient } from "../../client/apiClient";
import { carried, checkKind, inKindContext, type KindBasics, type KindProvider } from "../../kindProvider";
import { configure, apiClient } from "../../providerContext";
import { readConfirmingGone } from "../../lifecycle/confirmGone";
import { createWithClientId } from "../../lifecycle/createWithClientId";
import { diffInputs } from "../../lifecycle/inputDiff";
import { updateVersioned } from "../../lifecycle/updateVersioned";
import { inspectInputShape } from "../../validation/inputShape";
import { containsUnknown, isUnknown } from "../../validation/unknowns";
import { dataOf, dataRecordApi as api } from "../dataRecord/api";
import { unresolvedReferences } from "../dataRecord/referenceCheck";
import { validatorFor } from "../dataRecord/recordValidator";
import { dataSchemaApi } from "../dataSchema/api";
import { planChanges, recordHash, type RecordHashes } from "./recordPlan";
import { listedRecords, readRecordFile, recordsToWrite, type SourceRecord } from "./recordSource";
import {
    type DataRecordSetInputs,
    dataRecordSetDefaults,
    dataRecordSetInputs,
    dataRecordSetRules,
    recordFailures,
} from "./schema";
import { deleteMembers } from "./deleteMembers";
import { memberFailure, outputsOrFailure } from "./setOutcome";
import { settleConcurrently } from "./settleConcurrently";

type Props = Record<string, unknown>;

const LABEL = "data record set";
const NOUN = "record";
/** Inputs `check` computes from the records; never taken from the program. */
const COMPUTED = ["recordHashes", "recordCount", "sourceHash"] as const;

/** The inputs as `check` leaves them for create/update: with the records' hashes (and the file's). */
type CheckedInputs = DataRecordSetInputs & { recordHashes?: RecordHashes; recordCount?: number; sourceHash?: string };

/** What a set shares with every other kind: its inputs are checked, and its errors worded, the same way. */
const basics: KindBasics<DataRecordSetInputs> = {
    label: LABEL,
    schema: dataRecordSetInputs,
    rules: dataRecordSetRules,
    defaults: dataRecordSetDefaults,
    // The computed inputs are recomputed below from the records, never taken from the program.
    normalise(news) {
        const inputs = { ...news };
        for (const key of COMPUTED) delete inputs[key];
        return inputs;
    },
};

const inContext = <T>(action: string, run: () => Promise<T>) => inKindContext(LABEL, action, run);

/** The records the inputs name: the `records` list as given, or the file read now. */
function sourceRecords(inputs: DataRecordSetInputs): { records: SourceRecord[]; sourceHash?: string } {
    if (inputs.file !== undefined) return readRecordFile(inputs.file, inputs.keyColumn, inputs.fields);
    return { records: listedRecords(inputs.records ?? [], "records") };
}

function hashesOf(records: readonly SourceRecord[]): RecordHashes {
    const hashes: RecordHashes = {};
    for (const record of records) hashes[record.key] = recordHash(record.data);
    return hashes;
}

interface SetState {
    hashes: RecordHashes;
    versions: Record<string, number>;
    failures: string[];
}

function outputsOf(inputs: CheckedInputs, state: SetState): Props {
    const outs: Props = {
        schemaId: inputs.schemaId,
        keyColumn: inputs.keyColumn,
        recordHashes: state.hashes,
        recordVersions: state.versions,
        recordCount: Object.keys(state.hashes).length,
        concurrency: inputs.concurrency,
    };
    if (inputs.file !== undefined) {
        outs.file = inputs.file;
        outs.sourceHash = inputs.sourceHash;
    }
    // Kept so a later delete is audited under the resource's name and stack.
    return { ...outs, ...carried(inputs) };
}

function writtenRecords(inputs: CheckedInputs): Map<string, SourceRecord> {
    return recordsToWrite(sourceRecords(inputs), inputs.file, inputs.sourceHash);
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

/**
 * Writes the given records (new or changed) and deletes the removed keys under one concurrency limit,
 * recording each success in `state` and each failure in `state.failures`. True when anything applied.
 */
async function applyChanges(
    client: ApiClient,
    inputs: DataRecordSetInputs,
    state: SetState,
    put: SourceRecord[],
    remove: string[],
): Promise<boolean> {
    const unresolved = await unresolvedReferences(client, inputs.fields, put);
    const blocked = new Set(unresolved.map((u) => u.key));
    for (const u of unresolved) state.failures.push(`record ${JSON.stringify(u.key)}: ${u.reason}`);
    const writes = put.filter((record) => !blocked.has(record.key));
    type Change = { kind: "put"; record: SourceRecord } | { kind: "remove"; key: string };
    const changes: Change[] = [
        ...writes.map((record) => ({ kind: "put" as const, record })),
        ...remove.map((key) => ({ kind: "remove" as const, key })),
    ];
    const results = await settleConcurrently(changes, inputs.concurrency, async (change) => {
        if (change.kind === "remove") return api.delete(client, inputs.schemaId, change.key);
        const { key, data } = change.record;
        const known = state.versions[key];
        if (known === undefined) {
            return createWithClientId({
                id: key,
                put: (id) => api.put(client, inputs.schemaId, id, data),
                get: (id) => api.get(client, inputs.schemaId, id),
            });
        }
        return updateVersioned({
            label: "data record",
            id: key,
            knownVersion: known,
            put: (version) => api.put(client, inputs.schemaId, key, data, version),
            get: () => api.get(client, inputs.schemaId, key),
            sent: data,
            fieldsOf: dataOf,
        });
    });
    let anyApplied = false;
    results.forEach((result, index) => {
        const change = changes[index];
        const key = change.kind === "put" ? change.record.key : change.key;
        if (!result.ok) {
            state.failures.push(memberFailure(NOUN, key, result.error));
            return;
        }
        anyApplied = true;
        if (change.kind === "remove") {
            delete state.hashes[key];
            delete state.versions[key];
        } else {
            state.hashes[key] = recordHash(change.record.data);
            state.versions[key] = (result.value as { version: number }).version;
        }
    });
    return anyApplied;
}

/**
 * Many records of one schema as one resource. State keeps a hash and a version per record (not the data),
 * so a diff compares hashes and an update writes only the records that changed; writes run concurrently
 * under the API client's rate limit and retries, and per-record failures are reported together while the
 * records that succeeded stay in the stack (see PartialFailure).
 */
export const dataRecordSetProvider: KindProvider = {
    secretFields: [],
    configure,

    async check(olds, news) {
        const { inputs, failures } = checkKind(basics, olds, news);
        // The records' own validation below must not walk a runaway shape (checkKind has reported it).
        if (!inspectInputShape(inputs).walkable) return { inputs, failures };
        const sourceBlocked =
            failures.some((f) => !f.property.startsWith("records")) ||
            [inputs.fields, inputs.rules, inputs.file, inputs.keyColumn].some(containsUnknown) ||
            isUnknown(inputs.records);
        if (sourceBlocked) return { inputs, failures };
        const typed = inputs as DataRecordSetInputs;
        let source: { records: SourceRecord[]; sourceHash?: string };
        try {
            source = sourceRecords(typed);
        } catch (err) {
            return { inputs, failures: [...failures, { property: "file", reason: `file ${(err as Error).message}` }] };
        }
        const invalidIndices = new Set(
            failures.map((f) => Number(/^records\[(\d+)\]/.exec(f.property)?.[1])).filter(Number.isInteger),
        );
        failures.push(...recordFailures(source.records, validatorFor(typed.fields, typed.rules), invalidIndices));
        if (!containsUnknown(typed.records)) {
            inputs.recordHashes = hashesOf(source.records);
            inputs.recordCount = source.records.length;
            if (source.sourceHash !== undefined) inputs.sourceHash = source.sourceHash;
        }
        return { inputs, failures };
    },

    async diff(_id, olds, news) {
        const schema = diffInputs(olds, news, ["schemaId"], ["schemaId"]);
        const records = news.recordHashes === undefined || diffInputs(olds, news, ["recordHashes"], []).changes;
        return { changes: schema.changes || records, replaces: schema.replaces, deleteBeforeReplace: false };
    },

    create(news) {
        const inputs = news as CheckedInputs;
        return inContext("creating", async () => {
            const wanted = writtenRecords(inputs);
            const id = `${inputs.schemaId}/${randomUUID()}`;
            const state: SetState = { hashes: {}, versions: {}, failures: [] };
            const anyApplied = await applyChanges(apiClient(), inputs, state, [...wanted.values()], []);
            return { id, outs: outcome(true, id, inputs, state, wanted.size, anyApplied) };
        });
    },

    read(id, props = {}) {
        return inContext(`reading ${id} of`, async () => {
            const client = apiClient();
            const schemaId = String(props.schemaId);
            const schema = await readConfirmingGone(() => dataSchemaApi.get(client, schemaId), client.readAfterWriteMs);
            if (schema === undefined) return {};
            const held = (props.recordHashes ?? {}) as RecordHashes;
            const hashes: RecordHashes = {};
            const versions: Record<string, number> = {};
            for (const live of await api.list(client, schemaId)) {
                if (!(live.id in held)) continue;
                hashes[live.id] = recordHash(dataOf(live));
                versions[live.id] = live.version;
            }
            return {
                id,
                props: {
                    ...props,
                    recordHashes: hashes,
                    recordVersions: versions,
                    recordCount: Object.keys(hashes).length,
                },
            };
        });
    },

    update(id, olds, news) {
        const inputs = news as CheckedInputs;
        return inContext(`updating ${id} of`, async () => {
            const wanted = writtenRecords(inputs);
            const state: SetState = {
                hashes: { ...((olds.recordHashes ?? {}) as RecordHashes) },
                versions: { ...((olds.recordVersions ?? {}) as Record<string, number>) },
                failures: [],
            };
            const plan = planChanges(state.hashes, hashesOf([...wanted.values()]));
            const put = plan.put.map((key) => wanted.get(key) as SourceRecord);
            const anyApplied = await applyChanges(apiClient(), inputs, state, put, plan.remove);
            return {
                outs: outcome(false, id, inputs, state, put.length + plan.remove.length, anyApplied),
            };
        });
    },

    delete(id, props) {
        return inContext(`deleting ${id} of`, async () => {
            const client = apiClient();
            const schemaId = String(props.schemaId);
            await deleteMembers(
                NOUN,
                Object.keys((props.recordHashes ?? {}) as RecordHashes),
                Number(props.concurrency ?? dataRecordSetDefaults.concurrency),
                (key) => api.delete(client, schemaId, key),
            );
        });
    },
};
