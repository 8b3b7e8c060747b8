import { z } from "zod";
import type { CheckFailure, CrossFieldRule } from "../../validation/checkInputs";
import { oneOf, platformId, text, wholeNumber } from "../../validation/fieldRules";
import { recordData } from "../dataRecord/schema";
import {
    clientValidation,
    clientValidationProblems,
    DATA_TABLE_LIMITS,
    fieldDefault,
    type TableField,
    tableFieldProblems,
    tableFields,
} from "../dataTable/schema";
import { rowKey } from "../dataTableRow/schema";

/** The platform's limit on rows per table ("Work with data tables" in the Genesys Cloud help). */
export const MAX_TABLE_ROWS = 5000;

/**
 * How a load goes through the platform's CSV import job: `ReplaceAll` makes the file the table's rows (rows the
 * set does not list, whoever wrote them, are deleted); `Append` adds and updates rows and deletes none.
 */
export const IMPORT_MODES = ["ReplaceAll", "Append"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const dataTableRowsInputs = z.object({
    datatableId: platformId,
    fields: tableFields,
    clientValidation: clientValidation.optional(),
    rows: z
        .array(z.object({ key: rowKey, data: recordData }), { error: "must be a list of {key, data} rows" })
        .max(MAX_TABLE_ROWS, { error: `must list at most ${MAX_TABLE_ROWS} rows (the platform's limit per table)` })
        .optional(),
    /** Absolute path of a .json or .csv file of rows (the SDK resolves a relative one from the working directory). */
    file: text(4096).optional(),
    keyColumn: text(DATA_TABLE_LIMITS.nameLength),
    concurrency: wholeNumber(1, 64),
    importMode: oneOf(IMPORT_MODES).optional(),
});

export type DataTableRowsInputs = z.infer<typeof dataTableRowsInputs>;

export const dataTableRowsDefaults: Partial<DataTableRowsInputs> = { keyColumn: "key", concurrency: 8 };

export const dataTableRowsRules: CrossFieldRule<DataTableRowsInputs>[] = [
    {
        reads: [],
        check({ rows, file }) {
            if ((rows === undefined) === (file === undefined)) {
                const reason = rows === undefined ? "give either rows or file" : "give rows or file, not both";
                return [{ property: file === undefined ? "rows" : "file", reason: `rows and file: ${reason}` }];
            }
            return [];
        },
    },
    {
        reads: ["fields", "clientValidation"],
        check: ({ fields, clientValidation }) => [
            ...tableFieldProblems(fields),
            ...clientValidationProblems(fields, clientValidation),
        ],
    },
];

/** Why a key read from a file cannot key a row, or undefined (zod checks the keys of a `rows` list). */
export function rowKeyProblem(key: string): string | undefined {
    const parsed = rowKey.safeParse(key);
    return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? "is not a valid row key");
}

/** Half of a UTF-16 surrogate pair without its other half: no UTF-8 file can hold it. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * What a row holds that the CSV import job cannot carry: a cell cannot tell an empty string from a value left out,
 * and the platform gives an empty cell the field's default, so an empty string in a field whose default is another
 * value would not land as written; and the file is UTF-8, which has no lone surrogate. Failures under
 * `data.<field>`, like the row's other checks.
 */
export function csvImportProblems(fields: readonly TableField[], data: unknown): CheckFailure[] {
    if (typeof data !== "object" || data === null) return [];
    const values = data as Record<string, unknown>;
    const way = "give another value, or leave importMode out to write rows one by one";
    return fields.flatMap((field) => {
        const value = Object.hasOwn(values, field.name) ? values[field.name] : undefined;
        if (typeof value !== "string") return [];
        const at = `data.${field.name}`;
        const fallback = fieldDefault(field);
        if (value === "" && fallback !== "")
            return [
                {
                    property: at,
                    reason: `${at} is an empty string, which the CSV import job cannot carry (an empty cell takes the field's default, ${JSON.stringify(fallback)}): ${way}`,
                },
            ];
        if (LONE_SURROGATE.test(value))
            return [
                {
                    property: at,
                    reason: `${at} holds half of a UTF-16 surrogate pair, which the CSV file (UTF-8) cannot carry: ${way}`,
                },
            ];
        return [];
    });
}
