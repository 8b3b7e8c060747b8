import type * as pulumi from "@pulumi/pulumi";
import { type DataTableSourceArgs, tableInputs } from "./dataTableSource";
import { DynamicResource, resourceIdentity } from "./dynamicResource";

export interface DataTableRowArgs extends DataTableSourceArgs {
    /** The row's key (its `key` field and its id): 1 to 256 characters. Changing it replaces the row. */
    key: pulumi.Input<string>;
    /**
     * The row's other fields. Validated at preview against the table: each value of its field's type, no field the
     * table lacks (as the platform checks), and the table's client-side rules (failures name `data.<field>`). A field
     * left out takes its default.
     */
    data: pulumi.Input<Record<string, unknown>>;
}

/**
 * One row of a REAL Genesys Cloud Architect data table (`/api/v2/flows/datatables/{id}/rows/{key}`).
 *
 * The OAuth client's role needs `architect:datatableRow:add`, `architect:datatableRow:view`,
 * `architect:datatableRow:edit` and `architect:datatableRow:delete` (or the same on `architect:datatable`). Rows
 * carry no version: an update reads the row first and refuses to overwrite a change made outside Pulumi.
 */
export class DataTableRow extends DynamicResource {
    declare readonly datatableId: pulumi.Output<string>;
    declare readonly key: pulumi.Output<string>;
    /** The data as the platform holds it (fields left out at their default stay out). */
    declare readonly data: pulumi.Output<Record<string, unknown>>;

    constructor(name: string, args: DataTableRowArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            "DataTableRow",
            name,
            { ...tableInputs("DataTableRow", args), key: args.key, data: args.data, ...resourceIdentity(name) },
            opts,
        );
    }
}
