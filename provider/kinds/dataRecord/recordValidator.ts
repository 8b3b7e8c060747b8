import type { CheckFailure } from "../../validation/checkInputs";
import { containsUnknown, isUnknown } from "../../validation/unknowns";
import { type CheckEnv, compileValidator, type FieldShape, type Operator, type RuleShape } from "./recordCode";
import {
    type DataCondition,
    type DataField,
    type DataRule,
    type FieldType,
    MAX_RECORD_BYTES,
} from "../dataSchema/schema";

/**
 * Validates one record's data against its schema: returns every failure at once, each named `data.<field>`
 * (or `data` for the whole record). Values unknown during preview are skipped, as are rules reading them.
 */
export type RecordValidator = (data: unknown) => CheckFailure[];

/**
 * One field's checks, decided once per schema: plain data, read by the generated checks (see recordCode) and by
 * `fieldProblem`, which phrases what is wrong.
 */
interface CompiledField {
    name: string;
    /** Object.prototype has a member of this name, so only an own property counts as the field's value. */
    inherited: boolean;
    property: string;
    required: boolean;
    type: FieldType;
    pattern: RegExp | undefined;
    /** The pattern as the schema wrote it, for the message (a RegExp's `source` may escape it differently). */
    patternText: string | undefined;
    min: number | undefined;
    max: number | undefined;
}

/** One side of a rule as data, tested by the generated checks (see recordCode's conditionTest). */
interface CompiledCondition {
    field: string;
    inherited: boolean;
    operator: Operator;
    expected: unknown;
    allowed: Set<unknown> | undefined;
    present: boolean;
}

interface CompiledRule {
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

/** A field's value, never an inherited member: a field named `toString` is absent until the record sets it. */
function readField(record: Record<string, unknown>, name: string, inherited: boolean): unknown {
    return inherited ? (Object.hasOwn(record, name) ? record[name] : undefined) : record[name];
}

/** The most UTF-8 bytes one UTF-16 unit can take in JSON: a control character or lone surrogate becomes `\\uXXXX`. */
const MAX_JSON_BYTES_PER_UNIT = 6;
/** The longest a JSON number can be: "-1.7976931348623157e+308". */
const MAX_JSON_NUMBER_LENGTH = 24;
/** `false`; `undefined` counts the same, though JSON leaves such a field out. */
const MAX_JSON_BOOLEAN_LENGTH = 5;

function stringSizeBound(text: string): number {
    return text.length * MAX_JSON_BYTES_PER_UNIT + 2;
}

/**
 * An upper bound on the UTF-8 size of `JSON.stringify(value)`, found without building the string; stops counting
 * once past `budget`. Anything but plain JSON data (a class instance may have `toJSON`) counts as unbounded, so
 * the caller measures it exactly. Kept small so V8 inlines it where it is called: only a list or an object needs
 * the walk.
 */
function jsonSizeBound(value: unknown, budget: number): number {
    switch (typeof value) {
        case "string":
            return stringSizeBound(value);
        case "number":
            return MAX_JSON_NUMBER_LENGTH;
        case "boolean":
        case "undefined":
            return MAX_JSON_BOOLEAN_LENGTH;
        case "object":
            return value === null ? 4 : containerSizeBound(value, budget);
        default:
            return Infinity;
    }
}

function containerSizeBound(value: object, budget: number): number {
    let size = 2;
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
            size += jsonSizeBound(value[i], budget - size) + 1;
            if (size > budget) return size;
        }
        return size;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return Infinity;
    for (const key in value) {
        size +=
            key.length * MAX_JSON_BYTES_PER_UNIT +
            4 +
            jsonSizeBound((value as Record<string, unknown>)[key], budget - size);
        if (size > budget) return size;
    }
    return size;
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

/** Why a present, known value is wrong for its field, or undefined. The type check runs first and the others assume it passed. */
function fieldProblem(field: CompiledField, value: unknown): string | undefined {
    const { type, pattern, min, max } = field;
    if (!hasType(type, value)) return `must be ${TYPE_NOUNS[type]} (got ${shown(value)})`;
    if (pattern !== undefined && !pattern.test(value as string))
        return `must match the pattern ${field.patternText} (got ${shown(value)})`;
    if (min === undefined && max === undefined) return undefined;
    // A string of n UTF-16 units has between n/2 and n characters: count them only when that range straddles a limit.
    if (type !== "array" && withinLimits((value as string).length, min, max)) return undefined;
    const size = type === "array" ? (value as unknown[]).length : codePointLength(value as string);
    const unit = type === "array" ? "items" : "characters";
    if (min !== undefined && size < min) return `must have at least ${min} ${unit} (got ${size})`;
    if (max !== undefined && size > max) return `must have at most ${max} ${unit} (got ${size})`;
    return undefined;
}

function compileField(field: DataField): CompiledField {
    return {
        name: field.name,
        inherited: field.name in Object.prototype,
        property: `data.${field.name}`,
        required: field.required === true,
        type: field.type,
        pattern: field.pattern === undefined ? undefined : new RegExp(field.pattern, "u"),
        patternText: field.pattern,
        min: field.minLength,
        max: field.maxLength,
    };
}

/** Built by one object literal for every operator, so all conditions share one hidden class and the tests on them stay monomorphic. */
function conditionData(condition: DataCondition, operator: Operator): CompiledCondition {
    return {
        field: condition.field,
        inherited: condition.field in Object.prototype,
        operator,
        expected: condition.equals,
        allowed: condition.oneOf === undefined ? undefined : new Set<unknown>(condition.oneOf),
        present: condition.present === true,
    };
}

function compileCondition(condition: DataCondition): { test: CompiledCondition; phrase: { is: string; must: string } } {
    if (condition.equals !== undefined) {
        const expected = JSON.stringify(condition.equals);
        return {
            test: conditionData(condition, "equals"),
            phrase: { is: `equals ${expected}`, must: `equal ${expected}` },
        };
    }
    if (condition.oneOf !== undefined) {
        const list = condition.oneOf.map((v) => JSON.stringify(v)).join(", ");
        return {
            test: conditionData(condition, "oneOf"),
            phrase: { is: `is one of ${list}`, must: `be one of ${list}` },
        };
    }
    const present = condition.present === true;
    return {
        test: conditionData(condition, "present"),
        phrase: present ? { is: "is set", must: "be set" } : { is: "is not set", must: "not be set" },
    };
}

function compileRule(rule: DataRule): CompiledRule {
    const when = compileCondition(rule.when);
    const require = compileCondition(rule.require);
    const property = `data.${rule.require.field}`;
    const because = rule.message ? `: ${rule.message}` : "";
    return {
        when: when.test,
        require: require.test,
        property,
        describe: (actual) =>
            `${property} must ${require.phrase.must} when data.${rule.when.field} ${when.phrase.is} (got ${actual === undefined ? "nothing" : shown(actual)})${because}`,
    };
}

/** A schema's field names, in order, as a set, and as listed in a failure. */
interface SchemaKeys {
    names: readonly string[];
    known: ReadonlySet<string>;
    list: string;
    /** The most bytes all the keys can add to a record's JSON: `"name":` and a comma each. */
    bytes: number;
}

function schemaKeys(names: readonly string[]): SchemaKeys {
    const bytes = names.reduce((sum, name) => sum + name.length * MAX_JSON_BYTES_PER_UNIT + 4, 0);
    return { names, known: new Set(names), list: names.join(", "), bytes };
}

/**
 * Whether every key of `record` is a field. for-in yields keys in the order they were added, so a record that lists
 * its fields in the schema's order passes with one comparison per key; any other is settled by its own keys.
 */
function onlyFields(record: object, { names, known }: SchemaKeys): boolean {
    let next = 0;
    for (const key in record) {
        while (next < names.length && names[next] !== key) next++;
        if (next === names.length) return Object.keys(record).every((k) => known.has(k));
        next++;
    }
    return true;
}

/**
 * Where a record's size bound starts, reporting keys outside the schema on the way: 2 for `{}`, or Infinity when
 * the record must be measured exactly (it is not plain data, or has a key whose size no field check bounds).
 */
function initialSize(record: object, keys: SchemaKeys, failures: CheckFailure[]): number {
    const prototype = Object.getPrototypeOf(record);
    let size = prototype === Object.prototype || prototype === null ? 2 + keys.bytes : Infinity;
    if (onlyFields(record, keys)) return size;
    for (const key of Object.keys(record)) {
        if (!keys.known.has(key)) {
            failures.push({
                property: `data.${key}`,
                reason: `data.${key} is not a field of the schema; use one of ${keys.list}, or add the field to the schema`,
            });
            size = Infinity;
        }
    }
    return size;
}

/** Measures a record whose size bound is over the limit. Serializing every record would cost more than all its checks. */
function measure(record: object, failures: CheckFailure[]): void {
    const bytes = Buffer.byteLength(JSON.stringify(record));
    if (bytes > MAX_RECORD_BYTES && !containsUnknown(record)) {
        failures.push({
            property: "data",
            reason: `data is ${bytes} bytes as JSON, over the platform's ${MAX_RECORD_BYTES}-byte (1 MiB) record limit; move large values elsewhere`,
        });
    }
}

function fieldShape(field: CompiledField): FieldShape {
    const limits = field.min !== undefined || field.max !== undefined;
    return {
        type: field.type,
        required: field.required,
        ownOnly: field.inherited,
        pattern: field.pattern !== undefined,
        limits,
    };
}

/** A rule reads the values the field checks already read; only a name outside the schema is read from the record. */
function ruleShape(rule: CompiledRule, names: readonly string[]): RuleShape {
    const slotsOf = (name: string) => names.flatMap((n, i) => (n === name ? [i] : []));
    return {
        whenSlot: names.indexOf(rule.when.field),
        whenOperator: rule.when.operator,
        requireSlot: names.indexOf(rule.require.field),
        requireOperator: rule.require.operator,
        skipIf: [...slotsOf(rule.when.field), ...slotsOf(rule.require.field)],
    };
}

/** What every validator shares; see CheckEnv. */
const SHARED = {
    maxBytes: MAX_RECORD_BYTES,
    isUnknown,
    notAnObject: (data: unknown): CheckFailure[] => [
        { property: "data", reason: `data must be an object of field values (got ${shown(data)})` },
    ],
    initialSize,
    measure,
    jsonSizeBound,
    stringSizeBound,
    numberSizeBound: MAX_JSON_NUMBER_LENGTH,
    booleanSizeBound: MAX_JSON_BOOLEAN_LENGTH,
    lengthFits: (field: CompiledField, length: number) => withinLimits(length, field.min, field.max),
    arrayFits: (field: CompiledField, value: unknown[]) =>
        (field.min === undefined || value.length >= field.min) &&
        (field.max === undefined || value.length <= field.max),
    missing: (field: CompiledField, failures: CheckFailure[]) => {
        failures.push({
            property: field.property,
            reason: `${field.property} is required by the schema; give it a value`,
        });
    },
    reject: (field: CompiledField, value: unknown, failures: CheckFailure[]) => {
        const problem = fieldProblem(field, value);
        if (problem !== undefined) failures.push({ property: field.property, reason: `${field.property} ${problem}` });
        return problem !== undefined;
    },
    readField: (record: Record<string, unknown>, condition: CompiledCondition) =>
        readField(record, condition.field, condition.inherited),
    broken: (rule: CompiledRule, actual: unknown, failures: CheckFailure[]) => {
        failures.push({ property: rule.property, reason: rule.describe(actual) });
    },
};

/**
 * Turns a schema into a validator once, so validating many records never re-reads the schema: each field's
 * regular expression, limits and messages are built once, and the checks compiled to straight-line code (see
 * recordCode). Expects fields and rules that passed the schema's own check.
 */
export function compileRecordValidator(fields: readonly DataField[], rules: readonly DataRule[] = []): RecordValidator {
    const compiled = fields.map(compileField);
    const names = fields.map((field) => field.name);
    const compiledRules = rules.map(compileRule);
    const env: CheckEnv<SchemaKeys, CompiledField, CompiledCondition, CompiledRule> = {
        ...SHARED,
        keys: schemaKeys(names),
        names,
        fields: compiled,
        conditions: compiledRules.flatMap((rule) => [rule.when, rule.require]),
        rules: compiledRules,
    };
    return compileValidator(
        compiled.map(fieldShape),
        compiledRules.map((rule) => ruleShape(rule, names)),
        env,
    ) as RecordValidator;
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
