import type * as pulumi from "@pulumi/pulumi";
import type { DataField, DataRule, DataSchema } from "./dataSchema";

/** Where records find their schema: a DataSchema of the program, or an existing schema's id with its fields. */
export interface DataSchemaSourceArgs {
    /** The schema the records belong to; its fields and rules validate the records at preview. */
    schema?: DataSchema;
    /** An existing schema's id, instead of `schema`; give its `fields` (and `rules`) so records are validated at preview. */
    schemaId?: pulumi.Input<string>;
    fields?: pulumi.Input<pulumi.Input<DataField>[]>;
    rules?: pulumi.Input<pulumi.Input<DataRule>[]>;
}

/** The provider inputs naming the schema: its id plus its fields and rules, which `check` validates records against. */
export function schemaInputs(
    kind: string,
    args: DataSchemaSourceArgs,
): {
    schemaId: pulumi.Input<string>;
    fields: pulumi.Input<pulumi.Input<DataField>[]>;
    rules?: pulumi.Input<pulumi.Input<DataRule>[]>;
} {
    if (args.schema !== undefined) {
        if (args.schemaId !== undefined || args.fields !== undefined || args.rules !== undefined) {
            throw new Error(`${kind}: give either schema, or schemaId with fields (and rules), not both`);
        }
        // Its id, not its `schemaId` output: the engine keeps an id known while previewing an update of the schema
        // (its other outputs become unknown there), so the records' preview shows no change the update will not make.
        return { schemaId: args.schema.id, fields: args.schema.fields, rules: args.schema.rules };
    }
    if (args.schemaId === undefined || args.fields === undefined) {
        throw new Error(`${kind}: give schema (a DataSchema), or schemaId together with the schema's fields`);
    }
    return { schemaId: args.schemaId, fields: args.fields, rules: args.rules };
}
