// A record validator written the straightforward way, as a per-field interpreter: the schema is held as a constraint table and interpreted field by field on every record, with the rule conditions
// interpreted from the schema's rules. The bench races the provider's compiled validator against it.
import type { DataCondition, DataField, DataRule } from "../provider/kinds/dataSchema/schema";

const MAX_RECORD_BYTES = 1_048_576;

interface Constraints {
    max_record_bytes: number;
    fields: Record<
        string,
        { type: string; required: boolean; pattern?: string; min_length?: number; max_length?: number }
    >;
    rules: DataRule[];
}

/** `SchemaConstraintExtractor.load_constraints`: the constraint matrix. */
export function constraintMatrix(fields: readonly DataField[], rules: readonly DataRule[]): Constraints {
    const matrix: Constraints = { max_record_bytes: MAX_RECORD_BYTES, fields: {}, rules: [...rules] };
    for (const field of fields) {
        matrix.fields[field.name] = {
            type: field.type,
            required: field.required === true,
            pattern: field.pattern,
            min_length: field.minLength,
            max_length: field.maxLength,
        };
    }
    return matrix;
}

const TYPE_MAP: Record<string, (value: unknown) => boolean> = {
    string: (v) => typeof v === "string",
    integer: (v) => typeof v === "number" && Number.isInteger(v),
    number: (v) => typeof v === "number",
    boolean: (v) => typeof v === "boolean",
    array: (v) => Array.isArray(v),
    object: (v) => typeof v === "object" && v !== null && !Array.isArray(v),
};

function conditionHolds(condition: DataCondition, record: Record<string, unknown>): boolean {
    const value = record[condition.field];
    if (condition.equals !== undefined) return value === condition.equals;
    if (condition.oneOf !== undefined) return (condition.oneOf as unknown[]).includes(value);
    return (value !== undefined && value !== null) === (condition.present === true);
}

/** `CDOValidator.validate_record`: returns whether the record is valid and every error message. */
export function validateInterpreted(
    constraints: Constraints,
    record: Record<string, unknown>,
    recordId: string,
): [boolean, string[]] {
    const errors: string[] = [];
    const serialized = Buffer.from(JSON.stringify(record), "utf8");
    if (serialized.length > constraints.max_record_bytes) {
        errors.push(`Record ${recordId} exceeds maximum size limit of ${constraints.max_record_bytes} bytes`);
    }
    for (const [fieldName, rules] of Object.entries(constraints.fields)) {
        const value = record[fieldName];
        if (rules.required && (value === undefined || value === null)) {
            errors.push(`Field ${fieldName} is required but missing in record ${recordId}`);
            continue;
        }
        if (value === undefined || value === null) continue;
        const expected = TYPE_MAP[rules.type];
        if (expected && !expected(value))
            errors.push(`Field ${fieldName} in record ${recordId} has invalid type. Expected ${rules.type}`);
        if (rules.pattern && typeof value === "string" && !new RegExp(rules.pattern, "u").test(value)) {
            errors.push(`Field ${fieldName} in record ${recordId} fails pattern validation: ${rules.pattern}`);
        }
        const length = typeof value === "string" ? [...value].length : Array.isArray(value) ? value.length : undefined;
        if (length !== undefined) {
            if (rules.min_length && length < rules.min_length)
                errors.push(`Field ${fieldName} in record ${recordId} is below minimum length ${rules.min_length}`);
            if (rules.max_length && length > rules.max_length)
                errors.push(`Field ${fieldName} in record ${recordId} exceeds maximum length ${rules.max_length}`);
        }
    }
    for (const key of Object.keys(record)) {
        if (!(key in constraints.fields)) errors.push(`Field ${key} in record ${recordId} is not in the schema`);
    }
    for (const rule of constraints.rules) {
        if (conditionHolds(rule.when, record) && !conditionHolds(rule.require, record)) {
            errors.push(
                `Cross-field violation in ${recordId}: ${rule.require.field} is required by ${rule.when.field}`,
            );
        }
    }
    return [errors.length === 0, errors];
}
