import type { ApiClient } from "../../client/apiClient";
import { deleteOrGone, readOrGone } from "../../lifecycle/missingIsGone";
import { RESERVED_FIELD_NAMES } from "../dataSchema/schema";
import { schemaPath } from "../dataSchema/api";

export type RecordData = Record<string, unknown>;

/** A record as the platform presents it: its data with the platform's own properties beside it. */
export interface LiveDataRecord {
    id: string;
    version: number;
    selfUri: string;
    dateCreated: string;
    dateModified: string;
    [field: string]: unknown;
}

export const recordsPath = (schemaId: string) => `${schemaPath(schemaId)}/records`;
export const recordPath = (schemaId: string, recordId: string) =>
    `${recordsPath(schemaId)}/${encodeURIComponent(recordId)}`;

/** The record's data: what the platform presents, less its own properties (which no field may be named). */
export function dataOf(live: LiveDataRecord): RecordData {
    const data: RecordData = { ...live };
    for (const name of RESERVED_FIELD_NAMES) delete data[name];
    return data;
}

export const dataRecordApi = {
    /** Upsert: creates the record under `recordId` or replaces its data; with `version`, only if still at that version. */
    put: (client: ApiClient, schemaId: string, recordId: string, data: RecordData, version?: number) =>
        client.put<LiveDataRecord>(recordPath(schemaId, recordId), version === undefined ? data : { ...data, version }),
    get: (client: ApiClient, schemaId: string, recordId: string) =>
        readOrGone(() => client.get<LiveDataRecord>(recordPath(schemaId, recordId))),
    delete: (client: ApiClient, schemaId: string, recordId: string) =>
        deleteOrGone(() => client.delete(recordPath(schemaId, recordId))),
    list: (client: ApiClient, schemaId: string) => client.listPages<LiveDataRecord>(recordsPath(schemaId)),
};
