import { z } from "zod";
import type { CheckFailure, CrossFieldRule } from "../../validation/checkInputs";
import { flag, oneOf, platformId, text, wholeNumber } from "../../validation/fieldRules";
import { PROTOTYPE_KEYS } from "../../validation/inputShape";
import { containsUnknown } from "../../validation/unknowns";
import { type DataField, dataRules, regexSource, ruleProblems } from "../dataSchema/schema";

/** The field every data table has: a string that keys its rows (the row's id in the API). */
export const KEY_FIELD = "key";

export const TABLE_FIELD_TYPES = ["boolean", "integer", "number", "string"] as const;
export type TableFieldType = (typeof TABLE_FIELD_TYPES)[number];

/** The platform's limits ("Work with data tables", "Create a data table" in the Genesys Cloud help). */
export const DATA_TABLE_LIMITS = { fields: 50, nameLength: 256, keyLength: 256 } as const;

/** Names the platform presents beside a row's values, which a field would collide with. */
export const RESERVED_TABLE_FIELD_NAMES = ["id", "selfUri"] as const;

const tableName = text(DATA_TABLE_LIMITS.nameLength).refine((name) => !/[/\\]/.test(name), {
    error: "must not contain / or \\ (the platform refuses them in table names)",
});

const fieldName = z
    .string({ error: "must be a string" })
    .min(1, { error: "must not be empty" })
    .max(DATA_TABLE_LIMITS.nameLength, { error: `must be at most ${DATA_TABLE_LIMITS.nameLength} characters` })
    .refine((name) => name.trim() === name, { error: "must not start or end with spaces" })
    .refine((name) => !(RESERVED_TABLE_FIELD_NAMES as readonly string[]).includes(name), {
        error: `must not be one of ${RESERVED_TABLE_FIELD_NAMES.join(", ")} (the platform's own row properties)`,
    })
    .refine((name) => !PROTOTYPE_KEYS.has(name), {
        error: `must not be one of ${[...PROTOTYPE_KEYS].join(", ")} (JavaScript object internals)`,
    });

const FIELD_KEYS = "name, type, title, default, displayOrder";

const fieldValue = z.union([z.string(), z.number(), z.boolean()], { error: "must be a string, number or boolean" });

/** Whether `value` is of a data-table field type (the platform's integers are whole numbers, numbers finite). */
export function fitsFieldType(type: TableFieldType, value: unknown): boolean {
    switch (type) {
        case "boolean":
            return typeof value === "boolean";
        case "integer":
            return typeof value === "number" && Number.isSafeInteger(value);
        case "number":
            return typeof value === "number" && Number.isFinite(value);
        case "string":
            return typeof value === "string";
    }
}

/** One field (column) of a data table, as the platform stores it. */
export const tableField = z
    .strictObject(
        {
            name: fieldName,
            type: oneOf(TABLE_FIELD_TYPES),
            /** The display name shown in Architect and the admin UI. */
            title: text(DATA_TABLE_LIMITS.nameLength).optional(),
            /** The value a row gets when it leaves the field out (else false, 0 or ""). */
            default: fieldValue.optional(),
            displayOrder: wholeNumber(0, 10_000).optional(),
        },
        {
            error: (issue) =>
                issue.code === "unrecognized_keys"
                    ? `has unknown key(s) ${issue.keys.join(", ")}; a data-table field takes ${FIELD_KEYS} (client-side rules go in clientValidation)`
                    : undefined,
        },
    )
    .superRefine(
        (field, ctx) => {
            if (containsUnknown(field)) return;
            if (field.default !== undefined && !fitsFieldType(field.type, field.default))
                ctx.addIssue({
                    code: "custom",
                    path: ["default"],
                    message: `must be a ${field.type} value, the field's type (got ${JSON.stringify(field.default)})`,
                });
            if (field.name === KEY_FIELD && field.type !== "string")
                ctx.addIssue({
                    code: "custom",
                    path: ["type"],
                    message: `must be "string": the field "${KEY_FIELD}" keys the table's rows`,
                });
            if (field.name === KEY_FIELD && field.default !== undefined)
                ctx.addIssue({
                    code: "custom",
                    path: ["default"],
                    message: `must be left out: every row gives its own "${KEY_FIELD}"`,
                });
        },
        { when: (payload) => typeof payload.value === "object" && payload.value !== null },
    );

export type TableField = z.infer<typeof tableField>;

const length = wholeNumber(0, 1_000_000);

/** Rules for one field that only this package enforces, at preview: the platform checks types alone. */
export const clientFieldRules = z.strictObject(
    {
        required: flag.optional(),
        pattern: regexSource.optional(),
        minLength: length.optional(),
        maxLength: length.optional(),
    },
    {
        error: (issue) =>
            issue.code === "unrecognized_keys"
                ? `has unknown key(s) ${issue.keys.join(", ")}; a field's client-side rules are required, pattern, minLength, maxLength`
                : undefined,
    },
);

export type ClientFieldRules = z.infer<typeof clientFieldRules>;

/**
 * Validation this package applies to rows at preview, beyond what the platform enforces (types, unknown fields):
 * per-field `required`, `pattern`, `minLength`/`maxLength`, and cross-field `rules`. The platform never sees
 * them, so a row written by other means (Architect, the API, a CSV import elsewhere) is not held to them.
 */
export const clientValidation = z.strictObject(
    {
        fields: z
            .record(z.string(), clientFieldRules, { error: "must map field names to their client-side rules" })
            .optional(),
        rules: dataRules.optional(),
    },
    {
        error: (issue) =>
            issue.code === "unrecognized_keys"
                ? `has unknown key(s) ${issue.keys.join(", ")}; clientValidation takes fields and rules`
                : undefined,
    },
);

export type ClientValidation = z.infer<typeof clientValidation>;

export const tableFields = z
    .array(tableField, { error: "must be a list of fields" })
    .min(1, { error: `must list at least the field "${KEY_FIELD}"` })
    .max(DATA_TABLE_LIMITS.fields, {
        error: `must list at most ${DATA_TABLE_LIMITS.fields} fields, "${KEY_FIELD}" included (the platform's limit per table)`,
    });

export const dataTableInputs = z.object({
    name: tableName,
    description: z.string({ error: "must be a string" }).optional(),
    /** The division the table belongs to; the org's home division when left out. */
    divisionId: platformId.optional(),
    fields: tableFields,
    clientValidation: clientValidation.optional(),
});

export type DataTableInputs = z.infer<typeof dataTableInputs>;

/** Field names that repeat, each at its later index; the platform keys fields by name. */
function repeatedNames(fields: readonly TableField[]): CheckFailure[] {
    const first = new Map<string, number>();
    return fields.flatMap((field, index) => {
        const seen = first.get(field.name);
        if (seen === undefined) {
            first.set(field.name, index);
            return [];
        }
        return [
            {
                property: `fields[${index}].name`,
                reason: `fields[${index}].name repeats "${field.name}" (already at index ${seen}); name each field once`,
            },
        ];
    });
}

function keyFieldMissing(fields: readonly TableField[]): CheckFailure[] {
    if (fields.some((field) => field.name === KEY_FIELD)) return [];
    return [
        {
            property: "fields",
            reason: `fields must include { name: "${KEY_FIELD}", type: "string" }: every data table keys its rows by that field`,
        },
    ];
}

/**
 * The fields a row's `data` is validated against (the key is checked on its own): each table field with its
 * client-side rules. The shape the record validator takes, so rows reuse it.
 */
export function rowFields(fields: readonly TableField[], client: ClientValidation | undefined): DataField[] {
    return fields
        .filter((field) => field.name !== KEY_FIELD)
        .map((field) => {
            const rules = client?.fields?.[field.name];
            const out: DataField = { name: field.name, type: field.type, required: rules?.required === true };
            if (rules?.pattern !== undefined) out.pattern = rules.pattern;
            if (rules?.minLength !== undefined) out.minLength = rules.minLength;
            if (rules?.maxLength !== undefined) out.maxLength = rules.maxLength;
            return out;
        });
}

/** Client-side rules must name fields of the table, suit their types, and compare fields with values of their type. */
export function clientValidationProblems(
    fields: readonly TableField[],
    client: ClientValidation | undefined,
    path = "clientValidation",
): CheckFailure[] {
    if (client === undefined) return [];
    const types = new Map(fields.map((field) => [field.name, field.type]));
    const failures: CheckFailure[] = [];
    for (const [name, rules] of Object.entries(client.fields ?? {})) {
        const at = `${path}.fields.${name}`;
        const type = types.get(name);
        if (type === undefined || name === KEY_FIELD) {
            const names = [...types.keys()].filter((n) => n !== KEY_FIELD).join(", ");
            failures.push({
                property: at,
                reason: `${at} names no field of the table other than "${KEY_FIELD}"; use one of ${names}`,
            });
            continue;
        }
        for (const option of ["pattern", "minLength", "maxLength"] as const) {
            if (rules[option] !== undefined && type !== "string")
                failures.push({
                    property: `${at}.${option}`,
                    reason: `${at}.${option} applies to string fields only (${name} is ${type}); remove it`,
                });
        }
        if (rules.minLength !== undefined && rules.maxLength !== undefined && rules.minLength > rules.maxLength)
            failures.push({
                property: `${at}.minLength`,
                reason: `${at}.minLength must not exceed maxLength (${rules.maxLength})`,
            });
    }
    const data = rowFields(fields, undefined);
    return [...failures, ...ruleProblems(data, client.rules ?? [], `${path}.rules`)];
}

/** What no table's fields can be: without the string `key`, or with a name twice. Rows given a table's fields check them too. */
export function tableFieldProblems(fields: readonly TableField[]): CheckFailure[] {
    return [...keyFieldMissing(fields), ...repeatedNames(fields)];
}

export const dataTableRules: CrossFieldRule<DataTableInputs>[] = [
    { reads: ["fields"], check: ({ fields }) => tableFieldProblems(fields) },
    {
        reads: ["fields", "clientValidation"],
        check: ({ fields, clientValidation }) => clientValidationProblems(fields, clientValidation),
    },
];

/** The value a row holds for a field it leaves out: the field's default, else false, 0 or "". */
export function fieldDefault(field: TableField): string | number | boolean {
    if (field.default !== undefined) return field.default;
    return field.type === "boolean" ? false : field.type === "string" ? "" : 0;
}

/** A row's data as the platform holds it: every field of the table (but the key), the ones left out at their default. */
export function completeData(fields: readonly TableField[], data: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const field of fields) {
        if (field.name === KEY_FIELD) continue;
        const value = Object.hasOwn(data, field.name) ? data[field.name] : undefined;
        out[field.name] = value === undefined || value === null ? fieldDefault(field) : value;
    }
    return out;
}
