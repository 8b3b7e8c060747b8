import type { Collection } from "../collection";
import type { KindContext } from "../kind";

export const DATA_SCHEMAS_PATH = "/api/v2/data/schemas";

/** The schemas, shared by the schema and record kinds (records are validated against them). */
export function schemaCollection(context: KindContext): Collection {
    return context.collection({
        name: "dataSchemas",
        label: "Data schema",
        selfUri: (id) => `${DATA_SCHEMAS_PATH}/${id}`,
    });
}

/** One collection per schema, so client-chosen record ids only need to be unique within their schema. */
export function recordCollection(context: KindContext, schemaId: string): Collection {
    return context.collection({
        name: `dataRecords-${schemaId}`,
        label: `Data record of schema ${schemaId}`,
        selfUri: (id) => `${DATA_SCHEMAS_PATH}/${schemaId}/records/${id}`,
    });
}
