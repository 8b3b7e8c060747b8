import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { ImportMode } from "../provider/kinds/dataTableRows/schema";
import { type DataTableSourceArgs, tableInputs } from "./dataTableSource";
import { DynamicResource, resourceIdentity } from "./dynamicResource";

export interface DataTableRowEntry {
    /** 1 to 256 characters, unique in the set. */
    key: string;
    data: Record<string, unknown>;
}

export interface DataTableRowsArgs extends DataTableSourceArgs {
    /** The rows, given in the program (at most 5 000, the platform's limit per table). Give this or `file`. */
    rows?: pulumi.Input<pulumi.Input<DataTableRowEntry>[]>;
    /**
     * A `.json` file (an array of `{key, data}`) or `.csv` file (a header row; `keyColumn` holds the keys, the other
     * columns are fields, converted by the field's type; an empty cell takes the field's default). Relative paths are
     * resolved from the working directory (the Pulumi project directory). The provider reads the file when it checks
     * the inputs and keeps only per-row hashes in the state, so editing one line updates one row.
     */
    file?: pulumi.Input<string>;
    /** The CSV column holding each row's key. Defaults to "key". */
    keyColumn?: pulumi.Input<string>;
    /** Rows written at once, row by row (1 to 64, default 8); the client still keeps to the platform's rate limit. */
    concurrency?: pulumi.Input<number>;
    /**
     * Load through the platform's CSV import job instead of row by row, for large loads, waiting for the job to
     * finish: `Append` uploads the new and changed rows (removed rows are then deleted one by one); `ReplaceAll`
     * uploads every row and the platform deletes every other row of the table, including rows this program does not
     * manage. Either way, what the job did is read back from the table.
     */
    importMode?: pulumi.Input<ImportMode>;
}

/**
 * Many rows of a REAL Genesys Cloud Architect data table as one resource, diffed row by row: an update writes
 * only the rows that changed or were added and deletes those removed. When some fail, the error lists them all and
 * the stack keeps the ones that succeeded.
 *
 * The OAuth client's role needs `architect:datatable:view`, `architect:datatableRow:add`, `:view`, `:edit` and
 * `:delete`, and for `importMode` also `architect:datatable:edit`.
 */
export class DataTableRows extends DynamicResource {
    declare readonly datatableId: pulumi.Output<string>;
    /** Rows the set holds. */
    declare readonly rowCount: pulumi.Output<number>;
    /** Row key → hash of its data, as last written or read. */
    declare readonly rowHashes: pulumi.Output<Record<string, string>>;
    /** SHA-256 of the file's content, when the rows come from a file. */
    declare readonly sourceHash: pulumi.Output<string | undefined>;

    constructor(name: string, args: DataTableRowsArgs, opts?: pulumi.CustomResourceOptions) {
        // Resolving against the working directory reads no file: the provider does that in check.
        const file = args.file === undefined ? undefined : pulumi.output(args.file).apply((f) => path.resolve(f));
        super(
            "DataTableRows",
            name,
            {
                ...tableInputs("DataTableRows", args),
                rows: args.rows,
                file,
                keyColumn: args.keyColumn,
                concurrency: args.concurrency,
                importMode: args.importMode,
                rowCount: undefined,
                rowHashes: undefined,
                sourceHash: undefined,
                ...resourceIdentity(name),
            },
            opts,
        );
    }
}
