import type { ApiClient } from "../../client/apiClient";
import { GenesysApiError } from "../../client/apiError";
import type { DataField } from "../dataSchema/schema";
import { dataRecordApi, type RecordData } from "./api";

export interface RecordReference {
    key: string;
    data: RecordData;
}

export interface UnresolvedReference {
    key: string;
    property: string;
    reason: string;
}

/**
 * Referential fields must name an existing record of the referenced schema: its `referentialFieldName`
 * value, or its id when no field is named. Each referenced schema is listed once however many records
 * refer to it, so a set of 10 000 records costs a few list pages, not 10 000 reads. Network: call this
 * from create/update, never from check.
 */
export async function unresolvedReferences(
    client: ApiClient,
    fields: readonly DataField[],
    records: readonly RecordReference[],
): Promise<UnresolvedReference[]> {
    const unresolved: UnresolvedReference[] = [];
    for (const field of fields) {
        if (field.referentialSchemaId === undefined) continue;
        // Own values only: a field named like an inherited member (`toString`) is absent until the record sets it.
        const valueIn = (record: RecordReference) =>
            Object.hasOwn(record.data, field.name) ? record.data[field.name] : undefined;
        const referring = records.filter((record) => valueIn(record) !== undefined && valueIn(record) !== null);
        if (referring.length === 0) continue;
        const target = field.referentialFieldName ?? "id";
        const existing = await referencedValues(client, field.referentialSchemaId, target);
        const property = `data.${field.name}`;
        for (const record of referring) {
            const value = valueIn(record);
            if (existing === undefined) {
                unresolved.push({
                    key: record.key,
                    property,
                    reason: `${property} refers to schema ${field.referentialSchemaId}, which does not exist; create it first or fix referentialSchemaId`,
                });
            } else if (!existing.has(String(value))) {
                unresolved.push({
                    key: record.key,
                    property,
                    reason: `${property} ${JSON.stringify(value)} matches no record of schema ${field.referentialSchemaId} (by ${target}); create that record first or fix the value`,
                });
            }
        }
    }
    return unresolved;
}

/** The values of `fieldName` across the schema's records, or undefined when the schema does not exist. */
async function referencedValues(
    client: ApiClient,
    schemaId: string,
    fieldName: string,
): Promise<Set<string> | undefined> {
    try {
        const records = await dataRecordApi.list(client, schemaId);
        return new Set(
            records.map((record) => String(Object.hasOwn(record, fieldName) ? record[fieldName] : undefined)),
        );
    } catch (err) {
        if (err instanceof GenesysApiError && err.status === 404) return undefined;
        throw err;
    }
}
