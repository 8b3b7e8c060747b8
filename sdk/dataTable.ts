import type * as pulumi from "@pulumi/pulumi";
import type { TableFieldType } from "../provider/kinds/dataTable/schema";
import { DynamicResource, resourceProps } from "./dynamicResource";
import type { DataRule } from "./dataSchema";

export type DataTableFieldType = TableFieldType;

/** One field (column) of a data table, as the platform stores it. */
export interface DataTableField {
    /** 1 to 256 characters, unique in the table; not `id` or `selfUri`. The table must have the string field `key`. */
    name: string;
    /** `key` must be a string. */
    type: DataTableFieldType;
    /** Display name in Architect and the admin UI. */
    title?: string;
    /** Of the field's type: the value a row gets when it leaves the field out (else false, 0 or ""). Not on `key`. */
    default?: string | number | boolean;
    /** Position in the admin UI. */
    displayOrder?: number;
}

/**
 * CLIENT-SIDE rules for one field: checked by this package at preview on every `DataTableRow` and
 * `DataTableRows` of the table, never sent to Genesys Cloud (whose data tables check types only).
 */
export interface DataTableClientFieldRules {
    /** Every row must give the field a (non-null) value. */
    required?: boolean;
    /** String fields: a JavaScript regular expression (Unicode mode) the value must match; use ^…$ for the whole value. */
    pattern?: string;
    /** String fields: fewest characters. */
    minLength?: number;
    /** String fields: most characters. */
    maxLength?: number;
}

/**
 * CLIENT-SIDE validation of a table's rows. Genesys Cloud only checks that a value has its field's type and that
 * the field exists; these rules are checked by this package, at preview, on the rows this program declares. A row
 * written by other means (Architect, the API, an import elsewhere) is not held to them. Changing them never
 * writes the table.
 */
export interface DataTableClientValidation {
    /** Field name → its client-side rules (not for `key`). */
    fields?: Record<string, DataTableClientFieldRules>;
    /** Cross-field rules every row must meet (see DataRule); they name fields of the table. */
    rules?: DataRule[];
}

export interface DataTableArgs {
    /** Unique in the org, at most 256 characters, no / or \; defaults to the resource name plus a random suffix. */
    name?: pulumi.Input<string>;
    description?: pulumi.Input<string>;
    /** The division the table belongs to; the org's home division when left out. */
    divisionId?: pulumi.Input<string>;
    /**
     * At most 50 fields, including `{ name: "key", type: "string" }`, which keys the rows. Adding a field (or
     * changing a title, default or display order) updates the table in place; removing or retyping one replaces the
     * table and its rows, as the platform only ever adds fields.
     */
    fields: pulumi.Input<pulumi.Input<DataTableField>[]>;
    /** CLIENT-SIDE rules for the rows, checked at preview by this package only (see DataTableClientValidation). */
    clientValidation?: pulumi.Input<DataTableClientValidation>;
}

/**
 * A REAL Genesys Cloud Architect data table (`/api/v2/flows/datatables`), the key → row store flows read.
 *
 * The OAuth client's role needs `architect:datatable:add`, `architect:datatable:view`, `architect:datatable:edit`
 * and `architect:datatable:delete`. Tables carry no version: an update reads the table first and refuses to
 * overwrite a change made outside Pulumi (run `pulumi refresh`).
 */
export class DataTable extends DynamicResource {
    declare readonly name: pulumi.Output<string>;
    declare readonly description: pulumi.Output<string | undefined>;
    declare readonly divisionId: pulumi.Output<string | undefined>;
    /** The fields as the platform holds them. */
    declare readonly fields: pulumi.Output<DataTableField[]>;
    declare readonly clientValidation: pulumi.Output<DataTableClientValidation | undefined>;
    /** The platform id (also the resource's `id`). */
    declare readonly datatableId: pulumi.Output<string>;

    constructor(name: string, args: DataTableArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            "DataTable",
            name,
            resourceProps(name, args, [
                "name",
                "description",
                "divisionId",
                "fields",
                "clientValidation",
                "datatableId",
            ]),
            opts,
        );
    }
}
