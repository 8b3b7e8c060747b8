import type { FieldType } from "../dataSchema/schema";

/** What the generated code may depend on about a field: its position and kind, never its name or limits. */
export interface FieldShape {
    type: FieldType;
    required: boolean;
    /** Object.prototype has a member of the field's name, so only an own property counts as its value. */
    ownOnly: boolean;
    /** The field has a pattern. */
    pattern: boolean;
    /** The field has a minimum or maximum length. */
    limits: boolean;
}

/** How a condition tests its field's value: against `expected`, the set `allowed`, or whether it is `present`. */
export type Operator = "equals" | "oneOf" | "present";

/** What the generated code may depend on about a rule: which field slots it reads (-1: a name outside the schema). */
export interface RuleShape {
    whenSlot: number;
    whenOperator: Operator;
    requireSlot: number;
    requireOperator: Operator;
    /** Fields whose own failure skips the rule: every field named like one of its conditions. */
    skipIf: readonly number[];
}

/**
 * Everything schema-specific the generated code acts on, handed to it as values: field names, compiled fields and
 * conditions, and the functions that decide and phrase failures. The generated code only orders the calls and
 * accepts the common valid values outright; whatever its quick tests refuse, `reject` judges exactly.
 */
export interface CheckEnv<Keys, Field, Condition, Rule> {
    /** The schema's keys, for `initialSize`. */
    keys: Keys;
    names: readonly string[];
    fields: readonly Field[];
    /** `[when, require]` of each rule, flattened. */
    conditions: readonly Condition[];
    rules: readonly Rule[];
    maxBytes: number;
    isUnknown(value: unknown): boolean;
    notAnObject(data: unknown): unknown[];
    /** Reports keys outside the schema; returns the record's starting size bound, all keys' bytes included (Infinity: measure it exactly). */
    initialSize(record: object, keys: Keys, failures: unknown[]): number;
    /** Measures the record exactly and reports it if it is over the limit. */
    measure(record: object, failures: unknown[]): void;
    jsonSizeBound(value: unknown, budget: number): number;
    /** jsonSizeBound's own answers for the scalar a field expects: too big to inline at every field, it is called for the rest. */
    stringSizeBound(value: string): number;
    numberSizeBound: number;
    booleanSizeBound: number;
    /** Whether a string's length (in UTF-16 units) is surely within the field's limits, counted in characters. */
    lengthFits(field: Field, length: number): boolean;
    arrayFits(field: Field, value: unknown[]): boolean;
    /** Pushes the failure for a missing required field. */
    missing(field: Field, failures: unknown[]): void;
    /** Pushes why a value is wrong and returns true, or returns false: the exact verdict behind a refused quick test. */
    reject(field: Field, value: unknown, failures: unknown[]): boolean;
    readField(record: object, condition: Condition): unknown;
    broken(rule: Rule, actual: unknown, failures: unknown[]): void;
}

/**
 * A quick test that accepts only values `reject` passes too; the unknown value is only looked for once it fails.
 * A pattern or limits on a type they do not suit (the schema's own check refuses them) leave every value to `reject`.
 */
function quickTest({ type, pattern, limits }: FieldShape, value: string, field: string): string {
    if (type === "string") {
        const matches = pattern ? ` && ${field}.pattern.test(${value})` : "";
        return `typeof ${value} === "string"${matches}${limits ? ` && lengthFits(${field}, ${value}.length)` : ""}`;
    }
    if (pattern) return "false";
    if (type === "array") return `Array.isArray(${value})${limits ? ` && arrayFits(${field}, ${value})` : ""}`;
    if (limits) return "false";
    switch (type) {
        case "integer":
            return `typeof ${value} === "number" && Number.isInteger(${value})`;
        case "number":
            return `typeof ${value} === "number" && Number.isFinite(${value})`;
        case "boolean":
            return `typeof ${value} === "boolean"`;
        case "object":
            return `typeof ${value} === "object" && !Array.isArray(${value})`;
        default:
            return "false";
    }
}

/** The value's size bound; a list or an object (or a value of the wrong type) is left to jsonSizeBound's walk. */
function sizeBound(type: FieldType, value: string): string {
    const general = `jsonSizeBound(${value}, maxBytes - size)`;
    switch (type) {
        case "string":
            return `(typeof ${value} === "string" ? stringSizeBound(${value}) : ${general})`;
        case "integer":
        case "number":
            return `(typeof ${value} === "number" ? numberSizeBound : ${general})`;
        case "boolean":
            return `(typeof ${value} === "boolean" ? booleanSizeBound : ${general})`;
        default:
            return general;
    }
}

function fieldSource(shape: FieldShape, i: number): string {
    const read = shape.ownOnly ? `Object.hasOwn(record, k${i}) ? record[k${i}] : undefined` : `record[k${i}]`;
    return `
        const v${i} = ${read};
        if (size <= maxBytes) size += ${sizeBound(shape.type, `v${i}`)};
        let bad${i} = false;
        if (v${i} === undefined || v${i} === null) {${shape.required ? ` bad${i} = true; missing(f${i}, failures);` : ""} }
        else if (!(${quickTest(shape, `v${i}`, `f${i}`)}) && !isUnknown(v${i})) bad${i} = reject(f${i}, v${i}, failures);`;
}

/** Whether a known value meets a condition; a rule never tests an unknown one. */
function conditionTest(operator: Operator, value: string, condition: string): string {
    switch (operator) {
        case "equals":
            return `${value} === ${condition}.expected`;
        case "oneOf":
            return `${condition}.allowed.has(${value})`;
        case "present":
            return `(${value} !== undefined && ${value} !== null) === ${condition}.present`;
    }
}

function ruleSource(shape: RuleShape, j: number): string {
    const [when, require] = [`c${2 * j}`, `c${2 * j + 1}`];
    const slotValue = (slot: number, condition: string) => (slot >= 0 ? `v${slot}` : `readField(record, ${condition})`);
    const skip = shape.skipIf.length > 0 ? `!(${shape.skipIf.map((i) => `bad${i}`).join(" || ")})` : "true";
    return `
        if (${skip}) {
            const when = ${slotValue(shape.whenSlot, when)}, actual = ${slotValue(shape.requireSlot, require)};
            if (!isUnknown(when) && ${conditionTest(shape.whenOperator, "when", when)} && !isUnknown(actual) && !(${conditionTest(shape.requireOperator, "actual", require)})) {
                broken(r${j}, actual, failures);
            }
        }`;
}

function bind(prefix: string, list: string, count: number): string {
    return Array.from({ length: count }, (_, i) => `const ${prefix}${i} = env.${list}[${i}];`).join(" ");
}

/**
 * The source of a schema's validator, straight-line: one `record[k3]` load per field, so each has its own inline
 * cache and V8 reads it as fast as a named property, where a loop over fields is one megamorphic load. Each
 * schema gets its own function, so validators of different schemas never share (and blur) their type feedback.
 * Built only from shapes, so no name, pattern, value or message of a schema can ever become code.
 */
export function validatorSource(fields: readonly FieldShape[], rules: readonly RuleShape[]): string {
    return `"use strict";
    const { keys, maxBytes, isUnknown, notAnObject, initialSize, measure, jsonSizeBound, stringSizeBound, numberSizeBound, booleanSizeBound,
        lengthFits, arrayFits, missing, reject, readField, broken } = env;
    ${bind("k", "names", fields.length)}
    ${bind("f", "fields", fields.length)}
    ${bind("c", "conditions", 2 * rules.length)}
    ${bind("r", "rules", rules.length)}
    return function validate(data) {
        if (isUnknown(data)) return [];
        if (typeof data !== "object" || data === null || Array.isArray(data)) return notAnObject(data);
        const record = data;
        const failures = [];
        let size = initialSize(record, keys, failures);${fields.map(fieldSource).join("")}${rules.map(ruleSource).join("")}
        if (size > maxBytes) measure(record, failures);
        return failures;
    };`;
}

let compiledCount = 0;

/** Compiles a schema's validator; everything schema-specific reaches it through `env`, as values. */
export function compileValidator<K, F, C, R>(
    fields: readonly FieldShape[],
    rules: readonly RuleShape[],
    env: CheckEnv<K, F, C, R>,
): (data: unknown) => unknown[] {
    // V8 caches `new Function` by its source: numbering each one keeps validators of the same shape from sharing
    // their type feedback, which made every validator compiled after the first a fifth slower.
    const source = `${validatorSource(fields, rules)}\n// validator ${++compiledCount}`;
    // Names, patterns and values are user data: passed in `env` and indexed by number, never spliced into source.
    return new Function("env", source)(env);
}
