import type { ApiClient } from "../../client/apiClient";
import { kindProvider } from "../../kindProvider";
import { createWithClientId } from "../../lifecycle/createWithClientId";
import { updateVersioned } from "../../lifecycle/updateVersioned";
import { dataOf, dataRecordApi as api, type LiveDataRecord } from "./api";
import { unresolvedReferences } from "./referenceCheck";
import { type DataRecordInputs, dataRecordDefaults, dataRecordInputs, dataRecordRules } from "./schema";

const LABEL = "data record";

/** The resource id names both the schema and the record (`<schemaId>/<key>`), since `read` and `delete` get only the id. */
export function recordResourceId(schemaId: string, key: string): string {
    return `${schemaId}/${key}`;
}

function parseResourceId(id: string): { schemaId: string; key: string } {
    const slash = id.lastIndexOf("/");
    if (slash <= 0) throw new Error(`"${id}" is not a data record id (expected <schemaId>/<key>)`);
    return { schemaId: id.slice(0, slash), key: id.slice(slash + 1) };
}

/** A platform record with the schema it lives in, which the platform's record body does not carry. */
interface HeldRecord {
    schemaId: string;
    version: number;
    record: LiveDataRecord;
}

function held(schemaId: string, record: LiveDataRecord): HeldRecord {
    return { schemaId, version: record.version, record };
}

async function verifyReferences(client: ApiClient, inputs: DataRecordInputs): Promise<void> {
    const unresolved = await unresolvedReferences(client, inputs.fields, [{ key: inputs.key, data: inputs.data }]);
    if (unresolved.length > 0) throw new Error(unresolved.map((u) => u.reason).join("; "));
}

export const dataRecordProvider = kindProvider<DataRecordInputs, HeldRecord>({
    label: LABEL,
    schema: dataRecordInputs,
    rules: dataRecordRules,
    defaults: dataRecordDefaults,
    // The key is the record's id; a record cannot move to another schema.
    replaceOn: ["schemaId", "key"],
    checkOnly: ["fields", "rules"],

    async create(client, inputs) {
        await verifyReferences(client, inputs);
        // The id is the key, so a repeated PUT after a lost response rewrites the same record, never a second one.
        const record = await createWithClientId({
            id: inputs.key,
            put: (id) => api.put(client, inputs.schemaId, id, inputs.data),
            get: (id) => api.get(client, inputs.schemaId, id),
        });
        return held(inputs.schemaId, record);
    },

    async read(client, id) {
        const { schemaId, key } = parseResourceId(id);
        const record = await api.get(client, schemaId, key);
        return record && held(schemaId, record);
    },

    // A record's id is its key: the next create upserts over whatever an unconfirmed one left, so there is
    // nothing to find or remove first.
    resolveUnconfirmed: async () => undefined,

    async update(client, id, olds, inputs) {
        await verifyReferences(client, inputs);
        const record = await updateVersioned({
            label: LABEL,
            id,
            knownVersion: Number(olds.version),
            put: (version) => api.put(client, inputs.schemaId, inputs.key, inputs.data, version),
            get: () => api.get(client, inputs.schemaId, inputs.key),
            sent: inputs.data,
            fieldsOf: dataOf,
        });
        return held(inputs.schemaId, record);
    },

    delete(client, id) {
        const { schemaId, key } = parseResourceId(id);
        return api.delete(client, schemaId, key);
    },

    idOf: (live) => recordResourceId(live.schemaId, live.record.id),

    inputsFromLive: (live, oldInputs) => ({
        schemaId: live.schemaId,
        fields: oldInputs.fields,
        rules: oldInputs.rules,
        key: live.record.id,
        data: dataOf(live.record),
    }),

    computed: (live) => ({ recordId: live.record.id, version: live.version }),
});
