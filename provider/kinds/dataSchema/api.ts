import type { ApiClient } from "../../client/apiClient";
import { deleteOrGone, readOrGone } from "../../lifecycle/missingIsGone";
import { canonicalFields, DataField, DataRule, DataSchemaInputs } from "./schema";

/** The platform's body for a data schema (API-CONTRACT.md). */
export interface DataSchemaBody {
    name: string;
    fields: DataField[];
    rules: DataRule[];
}

export interface LiveDataSchema extends DataSchemaBody {
    id: string;
    version: number;
    selfUri: string;
    dateCreated: string;
    dateModified: string;
}

export const SCHEMAS = "/api/v2/data/schemas";
export const schemaPath = (id: string) => `${SCHEMAS}/${encodeURIComponent(id)}`;

export function toBody(inputs: DataSchemaInputs): DataSchemaBody {
    return { name: inputs.name, fields: canonicalFields(inputs.fields), rules: inputs.rules };
}

export const dataSchemaApi = {
    create: (client: ApiClient, body: DataSchemaBody) => client.post<LiveDataSchema>(SCHEMAS, body),
    get: (client: ApiClient, id: string) => readOrGone(() => client.get<LiveDataSchema>(schemaPath(id))),
    put: (client: ApiClient, id: string, body: DataSchemaBody, version: number) => client.put<LiveDataSchema>(schemaPath(id), { ...body, version }),
    delete: (client: ApiClient, id: string) => deleteOrGone(() => client.delete(schemaPath(id))),
    async findByName(client: ApiClient, name: string): Promise<LiveDataSchema | undefined> {
        const page = await client.listPages<LiveDataSchema>(SCHEMAS, { name });
        return page.find((schema) => schema.name === name);
    },
};
