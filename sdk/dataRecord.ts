import type * as pulumi from "@pulumi/pulumi";
import { DynamicResource, resourceIdentity } from "./dynamicResource";
import { type DataSchemaSourceArgs, schemaInputs } from "./dataSchemaSource";

export interface DataRecordArgs extends DataSchemaSourceArgs {
    /**
     * The record's identity and platform id: 1 to 128 letters, digits, - or _. Writing is an upsert at this
     * id, so a retried create never makes a second record; changing the key replaces the record.
     */
    key: pulumi.Input<string>;
    /**
     * The record's field values. Validated at preview against the schema: required fields, types, patterns,
     * min/max lengths, cross-field rules and the 1 MiB limit (failures name `data.<field>`); references to
     * other schemas' records are verified when the record is written.
     */
    data: pulumi.Input<Record<string, unknown>>;
}

/** One record of a Genesys Cloud custom data object schema (`PUT /api/v2/data/schemas/{schemaId}/records/{key}`). */
export class DataRecord extends DynamicResource {
    declare readonly schemaId: pulumi.Output<string>;
    declare readonly key: pulumi.Output<string>;
    /** The data as the platform holds it. */
    declare readonly data: pulumi.Output<Record<string, unknown>>;
    /** The platform id of the record (its key). */
    declare readonly recordId: pulumi.Output<string>;
    /** The platform version, +1 on each write. */
    declare readonly version: pulumi.Output<number>;

    constructor(name: string, args: DataRecordArgs, opts?: pulumi.CustomResourceOptions) {
        const schema = schemaInputs("DataRecord", args);
        super(
            "DataRecord",
            name,
            {
                ...schema,
                key: args.key,
                data: args.data,
                recordId: undefined,
                version: undefined,
                ...resourceIdentity(name),
            },
            opts,
        );
    }
}
