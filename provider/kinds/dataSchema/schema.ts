import { z } from "zod";
import type { CrossFieldRule } from "../../validation/checkInputs";
import { flag, oneOf, platformId, text, wholeNumber } from "../../validation/fieldRules";
import { PROTOTYPE_KEYS } from "../../validation/inputShape";
import { containsUnknown } from "../../validation/unknowns";

export const FIELD_TYPES = ["string", "integer", "number", "boolean", "array", "object"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** The platform's own properties of a record, presented beside its data: no field may take these names. */
export const RESERVED_FIELD_NAMES = ["id", "version", "selfUri", "dateCreated", "dateModified"] as const;

/** The platform's record size limit, for the record's serialized JSON. */
export const MAX_RECORD_BYTES = 1024 * 1024;

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const fieldName = z
    .string({ error: "must be a string" })
    .regex(FIELD_NAME, {
        error: "must start with a letter or _ and hold only letters, digits and _ (at most 64 characters)",
    })
    .refine((name) => !(RESERVED_FIELD_NAMES as readonly string[]).includes(name), {
        error: `must not be one of ${RESERVED_FIELD_NAMES.join(", ")} (the platform's own record properties)`,
    })
    .refine((name) => !PROTOTYPE_KEYS.has(name), {
        error: `must not be one of ${[...PROTOTYPE_KEYS].join(", ")} (JavaScript object internals)`,
    });

export const regexSource = z.string({ error: "must be a regular expression" }).superRefine((source, ctx) => {
    try {
        new RegExp(source, "u");
    } catch (err) {
        ctx.addIssue({
            code: "custom",
            message: `must be a valid JavaScript regular expression (${(err as Error).message})`,
        });
    }
});

const length = wholeNumber(0, MAX_RECORD_BYTES);

const FIELD_KEYS = "name, type, required, pattern, minLength, maxLength, referentialSchemaId, referentialFieldName";

export const dataField = z
    .strictObject(
        {
            name: fieldName,
            type: oneOf(FIELD_TYPES),
            required: flag.optional(),
            pattern: regexSource.optional(),
            minLength: length.optional(),
            maxLength: length.optional(),
            referentialSchemaId: platformId.optional(),
            referentialFieldName: fieldName.optional(),
        },
        {
            error: (issue) =>
                issue.code === "unrecognized_keys"
                    ? `has unknown key(s) ${issue.keys.join(", ")}; a field takes ${FIELD_KEYS}`
                    : undefined,
        },
    )
    .superRefine(
        (field, ctx) => {
            const fail = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
            if (containsUnknown(field)) return;
            if (field.pattern !== undefined && field.type !== "string")
                fail("pattern", `applies to string fields only (this field is ${field.type}); remove it`);
            for (const key of ["minLength", "maxLength"] as const) {
                if (field[key] !== undefined && field.type !== "string" && field.type !== "array") {
                    fail(key, `applies to string and array fields only (this field is ${field.type}); remove it`);
                }
            }
            if (
                typeof field.minLength === "number" &&
                typeof field.maxLength === "number" &&
                field.minLength > field.maxLength
            ) {
                fail("minLength", `must not exceed maxLength (${field.maxLength})`);
            }
            if (field.referentialFieldName !== undefined && field.referentialSchemaId === undefined) {
                fail(
                    "referentialFieldName",
                    "needs referentialSchemaId: name the schema whose records this field refers to",
                );
            }
            if (field.referentialSchemaId !== undefined && field.type !== "string" && field.type !== "integer") {
                fail("referentialSchemaId", `applies to string and integer fields only (this field is ${field.type})`);
            }
        },
        { when: (payload) => typeof payload.value === "object" && payload.value !== null },
    );

export type DataField = z.infer<typeof dataField>;

const scalar = z.union([z.string(), z.number(), z.boolean()], { error: "must be a string, number or boolean" });
export type DataScalar = z.infer<typeof scalar>;

/**
 * One test of one field, with exactly one operator: `equals` a value, is `oneOf` several, or is `present`
 * (true: has a non-null value; false: has none).
 */
export const dataCondition = z
    .object({
        field: fieldName,
        equals: scalar.optional(),
        oneOf: z
            .array(scalar, { error: "must be a list of strings, numbers or booleans" })
            .min(1, { error: "must list at least one value" })
            .optional(),
        present: flag.optional(),
    })
    .superRefine(
        (condition, ctx) => {
            const operators = (["equals", "oneOf", "present"] as const).filter((op) => condition[op] !== undefined);
            if (operators.length !== 1) {
                ctx.addIssue({
                    code: "custom",
                    message: `must have exactly one of equals, oneOf or present (found ${operators.length === 0 ? "none" : operators.join(", ")})`,
                });
            }
        },
        { when: (payload) => typeof payload.value === "object" && payload.value !== null },
    );

export type DataCondition = z.infer<typeof dataCondition>;

/** A cross-field rule: whenever `when` holds for a record, `require` must hold too. */
export const dataRule = z.object({
    when: dataCondition,
    require: dataCondition,
    /** Added to the failure reason, e.g. "critical items need an active owner". */
    message: text(500).optional(),
});

export type DataRule = z.infer<typeof dataRule>;

export const dataFields = z
    .array(dataField, { error: "must be a list of fields" })
    .min(1, { error: "must list at least 1 field" })
    .max(200, { error: "must list at most 200 fields" });
export const dataRules = z
    .array(dataRule, { error: "must be a list of rules" })
    .max(100, { error: "must list at most 100 rules" });

export const dataSchemaInputs = z.object({
    name: text(200),
    fields: dataFields,
    rules: dataRules,
});

export type DataSchemaInputs = z.infer<typeof dataSchemaInputs>;

export const dataSchemaDefaults: Partial<DataSchemaInputs> = { rules: [] };

/** Field names that repeat, each reported at its second (and later) index. */
export function repeatedFieldNames(
    fields: readonly DataField[],
    path = "fields",
): { property: string; reason: string }[] {
    const seen = new Map<string, number>();
    const failures: { property: string; reason: string }[] = [];
    fields.forEach((field, index) => {
        const first = seen.get(field.name);
        if (first === undefined) seen.set(field.name, index);
        else
            failures.push({
                property: `${path}[${index}].name`,
                reason: `${path}[${index}].name repeats "${field.name}" (already at index ${first}); name each field once`,
            });
    });
    return failures;
}

/** Rules must name fields of the schema and compare them with values of the field's type. */
export function ruleProblems(
    fields: readonly DataField[],
    rules: readonly DataRule[],
    path = "rules",
): { property: string; reason: string }[] {
    const byName = new Map(fields.map((field) => [field.name, field]));
    const failures: { property: string; reason: string }[] = [];
    rules.forEach((rule, index) => {
        for (const part of ["when", "require"] as const) {
            const condition = rule[part];
            const property = `${path}[${index}].${part}`;
            if (containsUnknown(condition)) continue;
            const field = byName.get(condition.field);
            if (!field) {
                failures.push({
                    property: `${property}.field`,
                    reason: `${property}.field "${condition.field}" is not a field of the schema; use one of ${[...byName.keys()].join(", ")}`,
                });
                continue;
            }
            const values = condition.equals !== undefined ? [condition.equals] : (condition.oneOf ?? []);
            const wrong = values.find((value) => !scalarFits(value, field.type));
            if (wrong !== undefined) {
                failures.push({
                    property,
                    reason: `${property} compares ${field.type} field "${field.name}" with ${JSON.stringify(wrong)}; use a ${field.type} value`,
                });
            }
        }
    });
    return failures;
}

function scalarFits(value: DataScalar, type: FieldType): boolean {
    switch (type) {
        case "string":
            return typeof value === "string";
        case "integer":
            return Number.isInteger(value);
        case "number":
            return typeof value === "number";
        case "boolean":
            return typeof value === "boolean";
        default:
            return false;
    }
}

/** Fields as the platform holds them: `required` always set, absent options left out, so state and live compare equal. */
export function canonicalFields(fields: readonly DataField[]): DataField[] {
    return fields.map((field) => {
        const out: Record<string, unknown> = { required: false };
        for (const [key, value] of Object.entries(field)) if (value !== undefined && value !== null) out[key] = value;
        return out as DataField;
    });
}

export const dataSchemaRules: CrossFieldRule<DataSchemaInputs>[] = [
    { reads: ["fields"], check: ({ fields }) => repeatedFieldNames(fields) },
    { reads: ["fields", "rules"], check: ({ fields, rules }) => ruleProblems(fields, rules) },
];
