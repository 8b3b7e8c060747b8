import type * as pulumi from "@pulumi/pulumi";
import type { DataTable, DataTableClientValidation, DataTableField } from "./dataTable";

/** Where rows find their table: a DataTable of the program, or an existing table's id with its fields. */
export interface DataTableSourceArgs {
    /** The table the rows belong to; its fields and client-side rules validate the rows at preview. */
    table?: DataTable;
    /** An existing table's id, instead of `table`; give its `fields` (and `clientValidation`) so rows are validated at preview. */
    datatableId?: pulumi.Input<string>;
    fields?: pulumi.Input<pulumi.Input<DataTableField>[]>;
    clientValidation?: pulumi.Input<DataTableClientValidation>;
}

/** The provider inputs naming the table: its id plus its fields and client-side rules, which `check` validates rows against. */
export function tableInputs(kind: string, args: DataTableSourceArgs) {
    if (args.table !== undefined) {
        if (args.datatableId !== undefined || args.fields !== undefined || args.clientValidation !== undefined) {
            throw new Error(`${kind}: give either table, or datatableId with fields (and clientValidation), not both`);
        }
        // Its id, not its `datatableId` output: the engine keeps an id known while previewing an update of the table
        // (its other outputs become unknown there), so the rows' preview shows no replacement the update will not make.
        const { id, fields, clientValidation } = args.table;
        return { datatableId: id, fields, clientValidation };
    }
    if (args.datatableId === undefined || args.fields === undefined) {
        throw new Error(`${kind}: give table (a DataTable), or datatableId together with the table's fields`);
    }
    return { datatableId: args.datatableId, fields: args.fields, clientValidation: args.clientValidation };
}
