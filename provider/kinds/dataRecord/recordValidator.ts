import type { CheckFailure } from "../../validation/checkInputs";
import { containsUnknown, isUnknown } from "../../validation/unknowns";
import { DataCondition, DataField, DataRule, FieldType, MAX_RECORD_BYTES } from "../dataSchema/schema";

/**
 * Validates one record's data against its schema: returns every failure at once, each named `data.<field>`
 * (or `data` for the whole record). Values unknown during preview are skipped, as are rules reading them.
 */
export type RecordValidator = (data: unknown) => CheckFailure[];

/** One field's checks, decided once per schema: returns why a present value is wrong, or undefined. */
type ValueCheck = (value: unknown) => string | undefined;

interface CompiledField {
    name: string;
    property: string;
    required: boolean;
    check: ValueCheck;
}

/** A condition evaluated on a record: true, false, or undefined while the field's value is unknown. */
type CompiledCondition = (data: Record<string, unknown>) => boolean | undefined;

interface CompiledRule {
    reads: [string, string];
    when: CompiledCondition;
    require: CompiledCondition;
    property: string;
    describe(actual: unknown): string;
}

const TYPE_TESTS: Record<FieldType, (value: unknown) => boolean> = {
    string: (v) => typeof v === "string",
    integer: (v) => typeof v === "number" && Number.isInteger(v),
    number: (v) => typeof v === "number" && Number.isFinite(v),
    boolean: (v) => typeof v === "boolean",
    array: (v) => Array.isArray(v),
    object: (v) => typeof v === "object" && v !== null && !Array.isArray(v),
};

const TYPE_NOUNS: Record<FieldType, string> = {
    string: "a string",
    integer: "a whole number",
    number: "a finite number",
    boolean: "true or false",
    array: "a list",
    object: "an object",
};

/** Characters as people count them: a surrogate pair (e.g. an emoji) is one. */
function codePointLength(text: string): number {
    let length = text.length;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 0xd800 && code <= 0xdbff) length--;
    }
    return length;
}

function shown(value: unknown): string {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function compileField(field: DataField): CompiledField {
    const checks: ValueCheck[] = [];
    const isType = TYPE_TESTS[field.type];
    const noun = TYPE_NOUNS[field.type];
    checks.push((value) => (isType(value) ? undefined : `must be ${noun} (got ${shown(value)})`));
    if (field.pattern !== undefined) {
        const pattern = new RegExp(field.pattern, "u");
        checks.push((value) => (pattern.test(value as string) ? undefined : `must match the pattern ${field.pattern} (got ${shown(value)})`));
    }
    const unit = field.type === "array" ? "items" : "characters";
    const measure = field.type === "array" ? (value: unknown) => (value as unknown[]).length : (value: unknown) => codePointLength(value as string);
    if (field.minLength !== undefined) {
        const min = field.minLength;
        checks.push((value) => {
            const size = measure(value);
            return size >= min ? undefined : `must have at least ${min} ${unit} (got ${size})`;
        });
    }
    if (field.maxLength !== undefined) {
        const max = field.maxLength;
        checks.push((value) => {
            const size = measure(value);
            return size <= max ? undefined : `must have at most ${max} ${unit} (got ${size})`;
        });
    }
    // The type check runs first and the others assume it passed, so stop at the first failure.
    const check: ValueCheck =
        checks.length === 1
            ? checks[0]
            : (value) => {
                  for (const one of checks) {
                      const problem = one(value);
                      if (problem !== undefined) return problem;
                  }
                  return undefined;
              };
    return { name: field.name, property: `data.${field.name}`, required: field.required === true, check };
}

function compileCondition(condition: DataCondition): { test: CompiledCondition; phrase: { is: string; must: string } } {
    const { field } = condition;
    const valueOf = (data: Record<string, unknown>) => data[field];
    let matches: (value: unknown) => boolean;
    let phrase: { is: string; must: string };
    if (condition.equals !== undefined) {
        const expected = condition.equals;
        matches = (value) => value === expected;
        phrase = { is: `equals ${JSON.stringify(expected)}`, must: `equal ${JSON.stringify(expected)}` };
    } else if (condition.oneOf !== undefined) {
        const allowed = new Set<unknown>(condition.oneOf);
        const list = condition.oneOf.map((v) => JSON.stringify(v)).join(", ");
        matches = (value) => allowed.has(value);
        phrase = { is: `is one of ${list}`, must: `be one of ${list}` };
    } else {
        const present = condition.present === true;
        matches = (value) => (value !== undefined && value !== null) === present;
        phrase = present ? { is: "is set", must: "be set" } : { is: "is not set", must: "not be set" };
    }
    return {
        test: (data) => {
            const value = valueOf(data);
            return isUnknown(value) ? undefined : matches(value);
        },
        phrase,
    };
}

function compileRule(rule: DataRule): CompiledRule {
    const when = compileCondition(rule.when);
    const require = compileCondition(rule.require);
    const property = `data.${rule.require.field}`;
    const because = rule.message ? `: ${rule.message}` : "";
    return {
        reads: [rule.when.field, rule.require.field],
        when: when.test,
        require: require.test,
        property,
        describe: (actual) =>
            `${property} must ${require.phrase.must} when data.${rule.when.field} ${when.phrase.is} (got ${actual === undefined ? "nothing" : shown(actual)})${because}`,
    };
}

/**
 * Turns a schema into a validator once, so validating many records never re-reads the schema: each field
 * becomes a closure with its regular expression and limits already built, each rule a pair of predicates.
 * Expects fields and rules that passed the schema's own check.
 */
export function compileRecordValidator(fields: readonly DataField[], rules: readonly DataRule[] = []): RecordValidator {
    const compiled = fields.map(compileField);
    const known = new Set(fields.map((field) => field.name));
    const fieldList = fields.map((field) => field.name).join(", ");
    const compiledRules = rules.map(compileRule);

    return (data) => {
        if (isUnknown(data)) return [];
        if (typeof data !== "object" || data === null || Array.isArray(data)) {
            return [{ property: "data", reason: `data must be an object of field values (got ${shown(data)})` }];
        }
        const record = data as Record<string, unknown>;
        const failures: CheckFailure[] = [];
        const invalid = new Set<string>();
        for (const key in record) {
            if (!known.has(key) && Object.prototype.hasOwnProperty.call(record, key)) {
                failures.push({ property: `data.${key}`, reason: `data.${key} is not a field of the schema; use one of ${fieldList}, or add the field to the schema` });
            }
        }
        for (const field of compiled) {
            const value = record[field.name];
            if (value === undefined || value === null) {
                if (field.required) {
                    failures.push({ property: field.property, reason: `${field.property} is required by the schema; give it a value` });
                    invalid.add(field.name);
                }
                continue;
            }
            if (isUnknown(value)) continue;
            const problem = field.check(value);
            if (problem !== undefined) {
                failures.push({ property: field.property, reason: `${field.property} ${problem}` });
                invalid.add(field.name);
            }
        }
        for (const rule of compiledRules) {
            if (invalid.has(rule.reads[0]) || invalid.has(rule.reads[1])) continue;
            if (rule.when(record) === true && rule.require(record) === false) {
                failures.push({ property: rule.property, reason: rule.describe(record[rule.reads[1]]) });
            }
        }
        const bytes = Buffer.byteLength(JSON.stringify(record));
        if (bytes > MAX_RECORD_BYTES && !containsUnknown(record)) {
            failures.push({ property: "data", reason: `data is ${bytes} bytes as JSON, over the platform's ${MAX_RECORD_BYTES}-byte (1 MiB) record limit; move large values elsewhere` });
        }
        return failures;
    };
}

const CACHE_LIMIT = 32;
const cache = new Map<string, RecordValidator>();

/** The compiled validator for a schema, reused across resources of the same schema in one provider process. */
export function validatorFor(fields: readonly DataField[], rules: readonly DataRule[] = []): RecordValidator {
    const key = JSON.stringify([fields, rules]);
    let validator = cache.get(key);
    if (!validator) {
        validator = compileRecordValidator(fields, rules);
        if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
        cache.set(key, validator);
    }
    return validator;
}
