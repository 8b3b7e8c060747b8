import { z } from "zod";
import type { CheckFailure, CrossFieldRule } from "../../validation/checkInputs";
import { platformId } from "../../validation/fieldRules";
import { recordData } from "../dataRecord/schema";
import { validatorFor } from "../dataRecord/recordValidator";
import {
    type ClientValidation,
    clientValidation,
    clientValidationProblems,
    DATA_TABLE_LIMITS,
    fitsFieldType,
    KEY_FIELD,
    rowFields,
    type TableField,
    tableFieldProblems,
    tableFields,
} from "../dataTable/schema";

/**
 * A row's key: any text of 1 to 256 characters (it is sent URL-encoded as the row's id), but `.` and `..`, which
 * no URL can address: as a path segment they mean "this" and "the parent", so such a row could be created (the key
 * travels in the body) and then never be read, updated or deleted.
 */
export const rowKey = z
    .string({ error: "must be a string" })
    .min(1, { error: "must not be empty" })
    .max(DATA_TABLE_LIMITS.keyLength, {
        error: `must be at most ${DATA_TABLE_LIMITS.keyLength} characters (the platform's limit on a row key)`,
    })
    .refine((key) => key !== "." && key !== "..", {
        error: 'must not be "." or "..": no URL can address such a row once it is created; choose another key',
    });

export const dataTableRowInputs = z.object({
    datatableId: platformId,
    /** The table's fields and client-side rules, passed by the SDK from the DataTable so `check` validates at preview. */
    fields: tableFields,
    clientValidation: clientValidation.optional(),
    key: rowKey,
    data: recordData,
});

export type DataTableRowInputs = z.infer<typeof dataTableRowInputs>;

/**
 * One row's data against its table: every failure under `<path>.<field>`. The platform's own checks (a value of
 * the field's type, no field the table lacks) and the table's client-side rules (required, pattern, lengths,
 * cross-field rules); the key is given beside the data, never inside it.
 */
export function rowDataFailures(
    fields: readonly TableField[],
    client: ClientValidation | undefined,
    data: unknown,
): CheckFailure[] {
    const validate = validatorFor(rowFields(fields, client), client?.rules ?? []);
    // The validator names data that is no object at all.
    if (typeof data !== "object" || data === null) return validate(data);
    const { [KEY_FIELD]: _key, ...values } = data as Record<string, unknown>;
    const keyInside: CheckFailure[] = Object.hasOwn(data, KEY_FIELD)
        ? [
              {
                  property: `data.${KEY_FIELD}`,
                  reason: `data.${KEY_FIELD} must be left out: give the row's key as \`${KEY_FIELD}\` beside data`,
              },
          ]
        : [];
    return [...keyInside, ...validate(values), ...inexactIntegers(fields, values)];
}

/**
 * Whole numbers beyond what the platform holds exactly (±(2^53 − 1)), in integer fields: the same range a field's
 * default is held to. Other wrong values are the validator's to name.
 */
function inexactIntegers(fields: readonly TableField[], values: Record<string, unknown>): CheckFailure[] {
    return fields.flatMap((field) => {
        const value = Object.hasOwn(values, field.name) ? values[field.name] : undefined;
        if (field.type !== "integer" || !Number.isInteger(value) || fitsFieldType("integer", value)) return [];
        const at = `data.${field.name}`;
        return [
            {
                property: at,
                reason: `${at} must be a whole number from -${Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}, the integers the platform holds exactly (got ${value})`,
            },
        ];
    });
}

/** The table's own consistency first, then the row against it; `data` is read directly so known values are checked beside unknown ones. */
export const dataTableRowRules: CrossFieldRule<DataTableRowInputs>[] = [
    {
        reads: ["fields", "clientValidation"],
        check({ fields, clientValidation, data }) {
            const tableProblems = [
                ...tableFieldProblems(fields),
                ...clientValidationProblems(fields, clientValidation),
            ];
            if (tableProblems.length > 0) return tableProblems;
            if (typeof data !== "object" || data === null || Array.isArray(data)) return [];
            return rowDataFailures(fields, clientValidation, data);
        },
    },
];
