import type * as pulumi from "@pulumi/pulumi";
import { DynamicResource, resourceProps } from "./dynamicResource";

import type { DataScalar, FieldType } from "../provider/kinds/dataSchema/schema";

export type { DataScalar };
export type DataFieldType = FieldType;

/** One field of a data schema. */
export interface DataField {
    /** Letters, digits and _, starting with a letter or _; not id, version, selfUri, dateCreated or dateModified. */
    name: string;
    type: DataFieldType;
    /** Whether every record must give it a (non-null) value. Defaults to false. */
    required?: boolean;
    /** String fields: a JavaScript regular expression (Unicode mode) the value must match; unanchored, so use ^…$ to match the whole value. */
    pattern?: string;
    /** String fields: fewest characters; array fields: fewest items. */
    minLength?: number;
    /** String fields: most characters; array fields: most items. */
    maxLength?: number;
    /** String or integer fields: the value must name a record of this schema (checked on create/update). */
    referentialSchemaId?: pulumi.Input<string>;
    /** The referenced schema's field the value must equal; defaults to the record's id (its key). */
    referentialFieldName?: string;
}

/**
 * A test of one field of a record, with exactly one operator:
 * - `{ field, equals: v }`: the value is `v`;
 * - `{ field, oneOf: [v1, v2] }`: the value is one of them;
 * - `{ field, present: true | false }`: the field has (or has no) non-null value.
 * Values must have the field's type.
 */
export type DataCondition =
    | { field: string; equals: DataScalar }
    | { field: string; oneOf: DataScalar[] }
    | { field: string; present: boolean };

/**
 * A declarative cross-field rule: whenever a record meets `when`, it must meet `require`; a failure is
 * reported on `data.<require.field>`. For example "critical items must be active":
 * `{ when: { field: "priority", equals: "critical" }, require: { field: "status", equals: "active" } }`.
 * Both fields must be fields of the schema. A rule whose fields fail their own checks is not evaluated.
 */
export interface DataRule {
    when: DataCondition;
    require: DataCondition;
    /** Appended to the failure, to say why the rule exists. */
    message?: string;
}

export interface DataSchemaArgs {
    /** Platform name; defaults to the resource name plus a random suffix, so replacements never collide. */
    name?: pulumi.Input<string>;
    /** 1 to 200 fields with unique names. Adding a field updates the schema in place; removing or retyping one replaces it (and its records). */
    fields: pulumi.Input<pulumi.Input<DataField>[]>;
    /** Cross-field rules every record must meet (see DataRule). */
    rules?: pulumi.Input<pulumi.Input<DataRule>[]>;
}

/** A Genesys Cloud custom data object schema (`/api/v2/data/schemas`). */
export class DataSchema extends DynamicResource {
    declare readonly name: pulumi.Output<string>;
    /** The fields as the platform holds them (`required` always set). */
    declare readonly fields: pulumi.Output<DataField[]>;
    declare readonly rules: pulumi.Output<DataRule[]>;
    /** The platform id (also the resource's `id`). */
    declare readonly schemaId: pulumi.Output<string>;
    /** The platform version, +1 on each write. */
    declare readonly version: pulumi.Output<number>;

    constructor(name: string, args: DataSchemaArgs, opts?: pulumi.CustomResourceOptions) {
        super("DataSchema", name, resourceProps(name, args, ["name", "fields", "rules", "schemaId", "version"]), opts);
    }
}
