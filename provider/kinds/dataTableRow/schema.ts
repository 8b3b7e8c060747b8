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
    KEY_FIELD,
    rowFields,
    type TableField,
    tableFields,
} from "../dataTable/schema";

/** A row's key: any text of 1 to 256 characters (it is sent URL-encoded as the row's id). */
export const rowKey = z
    .string({ error: "must be a string" })
    .min(1, { error: "must not be empty" })
    .max(DATA_TABLE_LIMITS.keyLength, {
        error: `must be at most ${DATA_TABLE_LIMITS.keyLength} characters (the platform's limit on a row key)`,
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
    data: Record<string, unknown>,
): CheckFailure[] {
    const validate = validatorFor(rowFields(fields, client), client?.rules ?? []);
    if (!Object.hasOwn(data, KEY_FIELD)) return validate(data);
    const { [KEY_FIELD]: _key, ...values } = data;
    return [
        {
            property: `data.${KEY_FIELD}`,
            reason: `data.${KEY_FIELD} must be left out: give the row's key as \`${KEY_FIELD}\` beside data`,
        },
        ...validate(values),
    ];
}

/** The table's own consistency first, then the row against it; `data` is read directly so known values are checked beside unknown ones. */
export const dataTableRowRules: CrossFieldRule<DataTableRowInputs>[] = [
    {
        reads: ["fields", "clientValidation"],
        check({ fields, clientValidation, data }) {
            const tableProblems = clientValidationProblems(fields, clientValidation);
            if (tableProblems.length > 0) return tableProblems;
            if (typeof data !== "object" || data === null || Array.isArray(data)) return [];
            return rowDataFailures(fields, clientValidation, data);
        },
    },
];
