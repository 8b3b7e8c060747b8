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
    /** Object.prototype has a member of this name, so only an own property counts as the field's value. */
    inherited: boolean;
    /** The most bytes the field's key can add to the record's JSON: `"name":` and a comma. */
    keyBytes: number;
    property: string;
    required: boolean;
    check: ValueCheck;
}

/** A condition evaluated on a record: true, false, or undefined while the field's value is unknown. */
type CompiledCondition = (data: Record<string, unknown>) => boolean | undefined;

interface CompiledRule {
    reads: [string, string];
    readRequired(data: Record<string, unknown>): unknown;
    when: CompiledCondition;
    require: CompiledCondition;
    property: string;
    describe(actual: unknown): string;
}

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

/**
 * Reads a field's value, never an inherited member: a field named `toString` is absent until the record sets it.
 * Only names that Object.prototype holds need the own-property test, so the others skip it.
 */
function fieldReader(field: string): (data: Record<string, unknown>) => unknown {
    return field in Object.prototype ? (data) => (Object.hasOwn(data, field) ? data[field] : undefined) : (data) => data[field];
}

/** The most UTF-8 bytes one UTF-16 unit can take in JSON: a control character or lone surrogate becomes `\\uXXXX`. */
const MAX_JSON_BYTES_PER_UNIT = 6;
/** The longest a JSON number can be: "-1.7976931348623157e+308". */
const MAX_JSON_NUMBER_LENGTH = 24;

/**
 * An upper bound on the UTF-8 size of `JSON.stringify(value)`, found without building the string; stops counting
 * once past `budget`. Anything but plain JSON data (a class instance may have `toJSON`) counts as unbounded, so
 * the caller measures it exactly.
 */
function jsonSizeBound(value: unknown, budget: number): number {
    switch (typeof value) {
        case "string":
            return value.length * MAX_JSON_BYTES_PER_UNIT + 2;
        case "number":
            return MAX_JSON_NUMBER_LENGTH;
        case "boolean":
        case "undefined":
            return 5;
        case "object": {
            if (value === null) return 4;
            let size = 2;
            if (Array.isArray(value)) {
                for (const item of value) {
                    size += jsonSizeBound(item, budget - size) + 1;
                    if (size > budget) return size;
                }
                return size;
            }
            const prototype = Object.getPrototypeOf(value);
            if (prototype !== Object.prototype && prototype !== null) return Infinity;
            for (const key in value) {
                size += key.length * MAX_JSON_BYTES_PER_UNIT + 4 + jsonSizeBound((value as Record<string, unknown>)[key], budget - size);
                if (size > budget) return size;
            }
            return size;
        }
        default:
            return Infinity;
    }
}

function shown(value: unknown): string {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** Whether `value` has `type`; a switch rather than a table of functions keeps the call site monomorphic. */
function hasType(type: FieldType, value: unknown): boolean {
    switch (type) {
        case "string":
            return typeof value === "string";
        case "integer":
            return typeof value === "number" && Number.isInteger(value);
        case "number":
            return typeof value === "number" && Number.isFinite(value);
        case "boolean":
            return typeof value === "boolean";
        case "array":
            return Array.isArray(value);
        case "object":
            return typeof value === "object" && value !== null && !Array.isArray(value);
    }
}

function withinLimits(units: number, min: number | undefined, max: number | undefined): boolean {
    return (min === undefined || Math.ceil(units / 2) >= min) && (max === undefined || units <= max);
}

function compileField(field: DataField): CompiledField {
    const { type, minLength: min, maxLength: max } = field;
    const noun = TYPE_NOUNS[type];
    const pattern = field.pattern === undefined ? undefined : new RegExp(field.pattern, "u");
    const unit = type === "array" ? "items" : "characters";
    const sized = min !== undefined || max !== undefined;
    // One closure per field with its limits bound; the type check runs first and the others assume it passed.
    const check: ValueCheck = (value) => {
        if (!hasType(type, value)) return `must be ${noun} (got ${shown(value)})`;
        if (pattern !== undefined && !pattern.test(value as string)) return `must match the pattern ${field.pattern} (got ${shown(value)})`;
        // A string of n UTF-16 units has between n/2 and n characters: count them only when that range straddles a limit.
        if (sized && (type === "array" || !withinLimits((value as string).length, min, max))) {
            const size = type === "array" ? (value as unknown[]).length : codePointLength(value as string);
            if (min !== undefined && size < min) return `must have at least ${min} ${unit} (got ${size})`;
            if (max !== undefined && size > max) return `must have at most ${max} ${unit} (got ${size})`;
        }
        return undefined;
    };
    return { name: field.name, inherited: field.name in Object.prototype, keyBytes: field.name.length * MAX_JSON_BYTES_PER_UNIT + 4, property: `data.${field.name}`, required: field.required === true, check };
}

function compileCondition(condition: DataCondition): { test: CompiledCondition; phrase: { is: string; must: string } } {
    const { field } = condition;
    const valueOf = fieldReader(field);
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
        readRequired: fieldReader(rule.require.field),
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
        // Fields that failed their own check; most records have none, so the set is made on the first.
        let invalid: Set<string> | undefined;
        // The record's size as JSON is bounded from the values the field checks read anyway (see jsonSizeBound);
        // a key outside the schema, or an object that is not plain data, is measured exactly instead.
        let sizeBound = Object.getPrototypeOf(record) === Object.prototype || Object.getPrototypeOf(record) === null ? 2 : Infinity;
        for (const key in record) {
            if (!known.has(key) && Object.prototype.hasOwnProperty.call(record, key)) {
                failures.push({ property: `data.${key}`, reason: `data.${key} is not a field of the schema; use one of ${fieldList}, or add the field to the schema` });
                sizeBound = Infinity;
            }
        }
        for (const field of compiled) {
            const value = field.inherited ? (Object.hasOwn(record, field.name) ? record[field.name] : undefined) : record[field.name];
            if (sizeBound <= MAX_RECORD_BYTES) sizeBound += field.keyBytes + jsonSizeBound(value, MAX_RECORD_BYTES - sizeBound);
            if (value === undefined || value === null) {
                if (field.required) {
                    failures.push({ property: field.property, reason: `${field.property} is required by the schema; give it a value` });
                    (invalid ??= new Set()).add(field.name);
                }
                continue;
            }
            if (isUnknown(value)) continue;
            const problem = field.check(value);
            if (problem !== undefined) {
                failures.push({ property: field.property, reason: `${field.property} ${problem}` });
                (invalid ??= new Set()).add(field.name);
            }
        }
        for (const rule of compiledRules) {
            if (invalid !== undefined && (invalid.has(rule.reads[0]) || invalid.has(rule.reads[1]))) continue;
            if (rule.when(record) === true && rule.require(record) === false) {
                failures.push({ property: rule.property, reason: rule.describe(rule.readRequired(record)) });
            }
        }
        // Serializing every record only to measure it would cost more than all the checks above: measure exactly
        // only the records that might be over the limit.
        const bytes = sizeBound > MAX_RECORD_BYTES ? Buffer.byteLength(JSON.stringify(record)) : 0;
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
