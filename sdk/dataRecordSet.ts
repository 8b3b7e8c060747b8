import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { DynamicResource, resourceIdentity } from "./dynamicResource";
import { type DataSchemaSourceArgs, schemaInputs } from "./dataSchemaSource";

export interface DataRecordEntry {
    /** 1 to 128 letters, digits, - or _; unique in the set; the record's platform id. */
    key: string;
    data: Record<string, unknown>;
}

export interface DataRecordSetArgs extends DataSchemaSourceArgs {
    /** The records, given in the program. Give this or `file`. */
    records?: pulumi.Input<pulumi.Input<DataRecordEntry>[]>;
    /**
     * A `.json` file (an array of `{key, data}`) or `.csv` file (a header row; `keyColumn` holds the keys,
     * the other columns are fields, converted by the field's type; an empty cell leaves the field out).
     * Relative paths are resolved from the working directory, which under `pulumi up` is the project directory (where Pulumi.yaml is). The provider reads the file when it checks
     * the inputs (a local, deterministic read) and keeps only per-record hashes in the state, so editing one
     * row updates one record.
     */
    file?: pulumi.Input<string>;
    /** The CSV column holding each record's key. Defaults to "key". */
    keyColumn?: pulumi.Input<string>;
    /** Records written at once (1 to 64, default 8); the client still keeps to the platform's rate limit. */
    concurrency?: pulumi.Input<number>;
}

/**
 * Many records of one schema as one resource, diffed record by record: an update writes only the records
 * that changed or were added and deletes those removed. Writes run concurrently under the rate limit with
 * retries; when some fail, the error lists them all and the stack keeps the ones that succeeded.
 */
export class DataRecordSet extends DynamicResource {
    declare readonly schemaId: pulumi.Output<string>;
    /** Records the set holds. */
    declare readonly recordCount: pulumi.Output<number>;
    /** Record key → hash of its data, as last written or read. */
    declare readonly recordHashes: pulumi.Output<Record<string, string>>;
    /** Record key → its platform version. */
    declare readonly recordVersions: pulumi.Output<Record<string, number>>;
    /** SHA-256 of the file's content, when the records come from a file. */
    declare readonly sourceHash: pulumi.Output<string | undefined>;

    constructor(name: string, args: DataRecordSetArgs, opts?: pulumi.CustomResourceOptions) {
        const schema = schemaInputs("DataRecordSet", args);
        // Resolving against the working directory reads no file: the provider does that in check.
        const file = args.file === undefined ? undefined : pulumi.output(args.file).apply((f) => path.resolve(f));
        super(
            "DataRecordSet",
            name,
            {
                ...schema,
                records: args.records,
                file,
                keyColumn: args.keyColumn,
                concurrency: args.concurrency,
                recordCount: undefined,
                recordHashes: undefined,
                recordVersions: undefined,
                sourceHash: undefined,
                ...resourceIdentity(name),
            },
            opts,
        );
    }
}
