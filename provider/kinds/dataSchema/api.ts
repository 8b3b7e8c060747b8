import { objectCollection } from "../../lifecycle/objectCollection";
import { canonicalFields, type DataField, type DataRule, type DataSchemaInputs } from "./schema";

/** The platform's body for a data schema. */
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

export const dataSchemaApi = objectCollection<DataSchemaBody, LiveDataSchema>(SCHEMAS);
