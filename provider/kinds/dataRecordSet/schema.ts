import { z } from "zod";
import type { CheckFailure, CrossFieldRule } from "../../validation/checkInputs";
import { platformId, text, wholeNumber } from "../../validation/fieldRules";
import { isUnknown } from "../../validation/unknowns";
import { dataFields, dataRules, repeatedFieldNames, ruleProblems } from "../dataSchema/schema";
import { RECORD_KEY, recordData, recordKey } from "../dataRecord/schema";
import type { RecordValidator } from "../dataRecord/recordValidator";
import type { SourceRecord } from "./recordSource";

/** Per-record failures shown in one preview; the rest are counted, so a broken 10 000-row file stays readable. */
export const MAX_REPORTED_RECORD_FAILURES = 50;

export const dataRecordSetInputs = z.object({
    schemaId: platformId,
    fields: dataFields,
    rules: dataRules,
    records: z
        .array(z.object({ key: recordKey, data: recordData }), { error: "must be a list of {key, data} records" })
        .max(100_000, { error: "must list at most 100000 records" })
        .optional(),
    /** Absolute path of a .json or .csv file of records (the SDK resolves a relative one from the working directory: the Pulumi project directory). */
    file: text(4096).optional(),
    keyColumn: text(128),
    concurrency: wholeNumber(1, 64),
});

export type DataRecordSetInputs = z.infer<typeof dataRecordSetInputs>;

export const dataRecordSetDefaults: Partial<DataRecordSetInputs> = { rules: [], keyColumn: "key", concurrency: 8 };

export const dataRecordSetRules: CrossFieldRule<DataRecordSetInputs>[] = [
    {
        reads: [],
        check({ records, file }) {
            if ((records === undefined) === (file === undefined)) {
                const reason = records === undefined ? "give either records or file" : "give records or file, not both";
                return [{ property: file === undefined ? "records" : "file", reason: `records and file: ${reason}` }];
            }
            return [];
        },
    },
    { reads: ["fields"], check: ({ fields }) => repeatedFieldNames(fields) },
    { reads: ["fields", "rules"], check: ({ fields, rules }) => ruleProblems(fields, rules) },
];

/** Why a key read from a file cannot be a record id, or undefined (zod checks the keys of a `records` list). */
function recordKeyProblem(key: string): string | undefined {
    return RECORD_KEY.test(key)
        ? undefined
        : "must be 1 to 128 letters, digits, - or _ (it is the record's id on the platform)";
}

/**
 * Every record against the compiled validator, plus what only a set can get wrong: repeated keys and (for
 * files, which zod does not see) malformed keys. Failures name `records[i].data.<field>`, or `file` with
 * the file's line, and stop at MAX_REPORTED_RECORD_FAILURES plus a count of the rest.
 */
export function recordFailures(
    records: readonly SourceRecord[],
    validate: RecordValidator,
    skip: ReadonlySet<number> = new Set(),
    keyProblem: (key: string) => string | undefined = recordKeyProblem,
): CheckFailure[] {
    const failures: CheckFailure[] = [];
    const firstIndex = new Map<string, number>();
    let total = 0;
    const report = (record: SourceRecord, property: string, reason: string) => {
        total++;
        if (failures.length >= MAX_REPORTED_RECORD_FAILURES) return;
        if (record.property === "file")
            failures.push({
                property: "file",
                reason: `${record.origin} (key ${JSON.stringify(record.key)}): ${reason}`,
            });
        else failures.push({ property: `${record.property}.${property}`, reason: `${record.property}.${reason}` });
    };
    records.forEach((record, index) => {
        if (skip.has(index) || isUnknown(record.key)) return;
        const badKey = record.property === "file" ? keyProblem(record.key) : undefined;
        if (badKey !== undefined) report(record, "key", `key ${JSON.stringify(record.key)} ${badKey}`);
        const first = firstIndex.get(record.key);
        if (first !== undefined)
            report(
                record,
                "key",
                `key ${JSON.stringify(record.key)} repeats the key of ${records[first].origin}; give each record its own key`,
            );
        else firstIndex.set(record.key, index);
        for (const failure of validate(record.data)) report(record, failure.property, failure.reason);
    });
    if (total > failures.length) {
        failures.push({
            property: records[0]?.property === "file" ? "file" : "records",
            reason: `…and ${total - failures.length} more record failures (${total} in all)`,
        });
    }
    return failures;
}
