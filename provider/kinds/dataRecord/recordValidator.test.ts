import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { compileRecordValidator, validatorFor } from "./recordValidator";
import { validateRecord } from "../../../emulator/kinds/dataRecords";
import { containsUnknown, UNKNOWN } from "../../validation/unknowns";
import { type DataField, type DataRule, MAX_RECORD_BYTES } from "../dataSchema/schema";

const FIELDS: DataField[] = [
    { name: "email", type: "string", required: true, pattern: "^[^@\\s]+@[^@\\s]+$", maxLength: 40 },
    { name: "code", type: "string", minLength: 2, maxLength: 4 },
    { name: "priority", type: "string" },
    { name: "status", type: "string" },
    { name: "score", type: "integer" },
    { name: "ratio", type: "number" },
    { name: "vip", type: "boolean" },
    { name: "tags", type: "array", maxLength: 3 },
    { name: "meta", type: "object" },
];
const RULES: DataRule[] = [
    {
        when: { field: "priority", equals: "critical" },
        require: { field: "status", equals: "active" },
        message: "critical items need an active owner",
    },
];
const validate = compileRecordValidator(FIELDS, RULES);
const properties = (data: unknown) =>
    validate(data)
        .map((f) => f.property)
        .sort();

describe("compiled record validator", () => {
    it("accepts a valid record", () => {
        assert.deepEqual(
            validate({
                email: "a@b.c",
                code: "AB",
                priority: "critical",
                status: "active",
                score: 3,
                ratio: 0.5,
                vip: true,
                tags: ["x"],
                meta: {},
            }),
            [],
        );
    });

    it("names every failing field as data.<field> with the fix", () => {
        const failures = validate({
            email: "nope",
            code: "A",
            score: 1.5,
            ratio: "1",
            vip: "yes",
            tags: [1, 2, 3, 4],
            meta: [],
            colour: "red",
        });
        const reasons = Object.fromEntries(failures.map((f) => [f.property, f.reason]));
        assert.deepEqual(Object.keys(reasons).sort(), [
            "data.code",
            "data.colour",
            "data.email",
            "data.meta",
            "data.ratio",
            "data.score",
            "data.tags",
            "data.vip",
        ]);
        assert.match(reasons["data.email"], /must match the pattern/);
        assert.match(reasons["data.code"], /at least 2 characters \(got 1\)/);
        assert.match(reasons["data.score"], /whole number \(got 1.5\)/);
        assert.match(reasons["data.tags"], /at most 3 items/);
        assert.match(reasons["data.colour"], /not a field of the schema; use one of email, code/);
    });

    it("requires required fields and treats null as absent", () => {
        assert.deepEqual(properties({}), ["data.email"]);
        assert.deepEqual(properties({ email: null }), ["data.email"]);
        assert.deepEqual(properties({ email: "a@b.c", code: null }), []);
    });

    it("applies cross-field rules, naming the required field", () => {
        const [failure] = validate({ email: "a@b.c", priority: "critical", status: "paused" });
        assert.equal(failure.property, "data.status");
        assert.match(
            failure.reason,
            /data.status must equal "active" when data.priority equals "critical" \(got "paused"\): critical items need an active owner/,
        );
        assert.deepEqual(properties({ email: "a@b.c", priority: "low", status: "paused" }), []);
        const oneOf = compileRecordValidator(FIELDS, [
            { when: { field: "vip", present: true }, require: { field: "score", oneOf: [1, 2] } },
        ]);
        assert.match(
            oneOf({ email: "a@b.c", vip: false })[0].reason,
            /data.score must be one of 1, 2 when data.vip is set \(got nothing\)/,
        );
    });

    it("skips a rule whose field already failed its own check", () => {
        assert.deepEqual(properties({ email: "a@b.c", priority: "critical", status: 7 }), ["data.status"]);
        assert.equal(validate({ email: "a@b.c", priority: "critical", status: 7 }).length, 1);
    });

    it("counts characters, not UTF-16 units", () => {
        assert.deepEqual(properties({ email: "a@b.c", code: "😀😀😀😀" }), []);
        assert.deepEqual(properties({ email: "a@b.c", code: "😀😀😀😀😀" }), ["data.code"]);
    });

    it("refuses records over 1 MiB and data that is not an object", () => {
        const big = compileRecordValidator([{ name: "blob", type: "string" }]);
        assert.match(
            big({ blob: "x".repeat(1024 * 1024) })[0].reason,
            /over the platform's 1048576-byte \(1 MiB\) record limit/,
        );
        assert.deepEqual(big({ blob: "x".repeat(1000) }), []);
        assert.deepEqual(
            validate([1]).map((f) => f.property),
            ["data"],
        );
    });

    it("measures a record exactly whenever its cheap size bound is over the limit", () => {
        const big = compileRecordValidator([{ name: "blob", type: "string" }]);
        // 300 000 characters could be 1.8 MB as JSON, but these are 300 kB: accepted.
        assert.deepEqual(big({ blob: "x".repeat(300_000) }), []);
        // 200 000 control characters are 6 bytes each once escaped: 1.2 MB, refused.
        assert.match(big({ blob: "\u0001".repeat(200_000) })[0].reason, /over the platform's 1048576-byte/);
    });

    it("passes unknown values and the rules that read them", () => {
        assert.deepEqual(validate(UNKNOWN), []);
        assert.deepEqual(properties({ email: UNKNOWN, priority: "critical", status: UNKNOWN }), []);
        assert.deepEqual(properties({ email: UNKNOWN, score: "x" }), ["data.score"]);
    });

    it("reuses one compiled validator per schema", () => {
        assert.equal(validatorFor(FIELDS, RULES), validatorFor(structuredClone(FIELDS), structuredClone(RULES)));
        assert.notEqual(validatorFor(FIELDS, RULES), validatorFor(FIELDS, []));
    });
});

/** Records built from the schema: each field valid, wrong-typed, or absent. */
const value = {
    email: fc.oneof(fc.constant("a@b.c"), fc.constant("bad"), fc.integer()),
    code: fc.oneof(fc.string({ minLength: 0, maxLength: 6 }), fc.boolean()),
    priority: fc.constantFrom("critical", "low", 3),
    status: fc.constantFrom("active", "paused", false),
    score: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string()),
    ratio: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string()),
    vip: fc.oneof(fc.boolean(), fc.constant("true")),
    tags: fc.oneof(fc.array(fc.integer(), { maxLength: 5 }), fc.constant({})),
    meta: fc.oneof(fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }), fc.constant([])),
};
const records = fc.record(value, { requiredKeys: [] });

describe("compiled record validator (properties)", () => {
    it("fails exactly the fields the platform's own validation fails", () => {
        // The emulator validates independently (interpreting the schema per record); both must agree field for field.
        fc.assert(
            fc.property(records, (data) => {
                const ours = new Set(validate(data).map((f) => f.property.replace(/^data\./, "")));
                const platform = validateRecord(
                    data,
                    { fields: FIELDS.map((f) => ({ required: false, ...f })), rules: RULES },
                    () => undefined,
                );
                const theirs = new Set(platform.ok ? [] : platform.errors.map((e) => e.fieldName));
                assert.deepEqual([...ours].sort(), [...theirs].sort());
            }),
        );
    });

    it("never throws and names only data itself, schema fields, or the record's own stray keys", () => {
        const names = new Set(FIELDS.map((f) => f.name));
        fc.assert(
            fc.property(fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.anything())), (data) => {
                for (const { property } of validate(data)) {
                    const key = property.slice("data.".length);
                    assert.ok(property === "data" || names.has(key) || Object.hasOwn(data as object, key), property);
                }
            }),
        );
    });

    it("finds nothing wrong once the failing fields are removed (no required fields, no rules)", () => {
        const lenient = compileRecordValidator(FIELDS.map((f) => ({ ...f, required: false })));
        fc.assert(
            fc.property(records, (data) => {
                const failing = new Set(lenient(data).map((f) => f.property.slice("data.".length)));
                const cleaned = Object.fromEntries(Object.entries(data).filter(([key]) => !failing.has(key)));
                assert.deepEqual(lenient(cleaned), []);
            }),
        );
    });
});

/** The semantics written out plainly, interpreting the schema on every record: the compiled validator must match it word for word. */
function referenceValidate(
    fields: readonly DataField[],
    rules: readonly DataRule[],
    data: unknown,
): { property: string; reason: string }[] {
    const show = (v: unknown) => {
        const text = JSON.stringify(v) ?? String(v);
        return text.length > 60 ? `${text.slice(0, 60)}…` : text;
    };
    if (data === UNKNOWN) return [];
    if (typeof data !== "object" || data === null || Array.isArray(data))
        return [{ property: "data", reason: `data must be an object of field values (got ${show(data)})` }];
    const record = data as Record<string, unknown>;
    const names = fields.map((f) => f.name);
    const failures: { property: string; reason: string }[] = [];
    const fail = (property: string, reason: string) => failures.push({ property, reason });
    for (const key of Object.keys(record)) {
        if (!names.includes(key))
            fail(
                `data.${key}`,
                `data.${key} is not a field of the schema; use one of ${names.join(", ")}, or add the field to the schema`,
            );
    }
    const ownValue = (name: string) =>
        name in Object.prototype ? (Object.hasOwn(record, name) ? record[name] : undefined) : record[name];
    const invalid = new Set<string>();
    for (const field of fields) {
        const value = ownValue(field.name);
        const property = `data.${field.name}`;
        if (value === undefined || value === null) {
            if (field.required) {
                fail(property, `${property} is required by the schema; give it a value`);
                invalid.add(field.name);
            }
            continue;
        }
        if (value === UNKNOWN) continue;
        const problem = referenceProblem(field, value, show);
        if (problem !== undefined) {
            fail(property, `${property} ${problem}`);
            invalid.add(field.name);
        }
    }
    for (const { when, require, message } of rules) {
        if (invalid.has(when.field) || invalid.has(require.field)) continue;
        const [whenValue, actual] = [ownValue(when.field), ownValue(require.field)];
        if (
            whenValue === UNKNOWN ||
            actual === UNKNOWN ||
            !referenceHolds(when, whenValue) ||
            referenceHolds(require, actual)
        )
            continue;
        const got = actual === undefined ? "nothing" : show(actual);
        fail(
            `data.${require.field}`,
            `data.${require.field} must ${phrase(require).must} when data.${when.field} ${phrase(when).is} (got ${got})${message ? `: ${message}` : ""}`,
        );
    }
    const bytes = Buffer.byteLength(JSON.stringify(record));
    if (bytes > MAX_RECORD_BYTES && !containsUnknown(record)) {
        fail(
            "data",
            `data is ${bytes} bytes as JSON, over the platform's ${MAX_RECORD_BYTES}-byte (1 MiB) record limit; move large values elsewhere`,
        );
    }
    return failures;
}

function referenceProblem(field: DataField, value: unknown, show: (v: unknown) => string): string | undefined {
    const types: Record<string, [boolean, string]> = {
        string: [typeof value === "string", "a string"],
        integer: [typeof value === "number" && Number.isInteger(value), "a whole number"],
        number: [typeof value === "number" && Number.isFinite(value), "a finite number"],
        boolean: [typeof value === "boolean", "true or false"],
        array: [Array.isArray(value), "a list"],
        object: [typeof value === "object" && !Array.isArray(value), "an object"],
    };
    const [fits, noun] = types[field.type];
    if (!fits) return `must be ${noun} (got ${show(value)})`;
    if (field.pattern !== undefined && !new RegExp(field.pattern, "u").test(value as string))
        return `must match the pattern ${field.pattern} (got ${show(value)})`;
    const size = Array.isArray(value) ? value.length : typeof value === "string" ? [...value].length : undefined;
    const unit = Array.isArray(value) ? "items" : "characters";
    if (size === undefined) return undefined;
    if (field.minLength !== undefined && size < field.minLength)
        return `must have at least ${field.minLength} ${unit} (got ${size})`;
    if (field.maxLength !== undefined && size > field.maxLength)
        return `must have at most ${field.maxLength} ${unit} (got ${size})`;
    return undefined;
}

function referenceHolds(condition: DataRule["when"], value: unknown): boolean {
    if (condition.equals !== undefined) return value === condition.equals;
    if (condition.oneOf !== undefined) return (condition.oneOf as unknown[]).includes(value);
    return (value !== undefined && value !== null) === (condition.present === true);
}

function phrase(condition: DataRule["when"]): { is: string; must: string } {
    if (condition.equals !== undefined)
        return { is: `equals ${JSON.stringify(condition.equals)}`, must: `equal ${JSON.stringify(condition.equals)}` };
    if (condition.oneOf !== undefined) {
        const list = condition.oneOf.map((v) => JSON.stringify(v)).join(", ");
        return { is: `is one of ${list}`, must: `be one of ${list}` };
    }
    return condition.present === true ? { is: "is set", must: "be set" } : { is: "is not set", must: "not be set" };
}

/** Template-literal source as data: generated code that interpolated it would run it. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder is the hostile input under test, not a mistake
const TEMPLATE_SOURCE = "`${x}`";

/** Names that look like code or like Object.prototype's members: they must stay data. */
const NAMES = [
    "email",
    "code",
    "toString",
    "__proto__",
    "constructor",
    "valueOf",
    'a"b',
    TEMPLATE_SOURCE,
    "*/",
    "x\u2028y",
    '"); throw 1; ("',
];
const TYPES = ["string", "integer", "number", "boolean", "array", "object"] as const;
const PATTERNS = ["^a", "b$", "^[^@]+@[^@]+$", "\\d", '"', "/*", "\u2028", "😀"];
const scalar = fc.oneof(fc.constantFrom("a", "b", "😀", 1, 2, true, false), fc.string({ maxLength: 3 }));
const condition = fc.oneof(
    fc.record({ field: fc.constantFrom(...NAMES, "other"), equals: scalar }),
    fc.record({ field: fc.constantFrom(...NAMES, "other"), oneOf: fc.array(scalar, { minLength: 1, maxLength: 3 }) }),
    fc.record({ field: fc.constantFrom(...NAMES, "other"), present: fc.boolean() }),
);
const schemas = fc.tuple(
    fc.array(
        fc.record(
            {
                name: fc.constantFrom(...NAMES),
                type: fc.constantFrom(...TYPES),
                required: fc.boolean(),
                // Mostly on strings, as the schema's check demands, sometimes elsewhere: the validator must still act as it always did.
                pattern: fc.constantFrom(...PATTERNS),
                minLength: fc.nat(4),
                maxLength: fc.nat(6),
            },
            { requiredKeys: ["name", "type"] },
        ),
        { minLength: 1, maxLength: 6 },
    ),
    fc.array(
        fc.record(
            {
                when: condition,
                require: condition,
                message: fc.constantFrom("why", '"); throw 1; ("', TEMPLATE_SOURCE),
            },
            { requiredKeys: ["when", "require"] },
        ),
        { maxLength: 3 },
    ),
);
const fieldValue = fc.oneof(
    {
        arbitrary: fc.constantFrom(
            UNKNOWN,
            null,
            undefined,
            "",
            "a",
            "ab@c",
            "😀😀",
            "x".repeat(7),
            1,
            1.5,
            -0,
            NaN,
            Infinity,
            true,
            false,
        ),
        weight: 4,
    },
    { arbitrary: fc.string({ maxLength: 8, unit: "grapheme" }), weight: 2 },
    { arbitrary: fc.array(fc.oneof(fc.integer(), fc.constant(UNKNOWN), fc.string()), { maxLength: 7 }), weight: 2 },
    { arbitrary: fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.integer(), fc.constant(UNKNOWN))), weight: 1 },
    // 1.2 MB once its control characters are escaped, though only 200 000 characters long.
    { arbitrary: fc.constant("\u0001".repeat(200_000)), weight: 1 },
);
const recordsFor = fc.oneof(
    { arbitrary: fc.dictionary(fc.constantFrom(...NAMES, "colour", "0"), fieldValue, { maxKeys: 6 }), weight: 6 },
    {
        arbitrary: fc
            .dictionary(fc.constantFrom(...NAMES), fieldValue, { maxKeys: 6 })
            .map((d) => JSON.parse(JSON.stringify(d))),
        weight: 2,
    },
    {
        arbitrary: fc
            .dictionary(fc.constantFrom(...NAMES), fieldValue)
            .map((d) => Object.assign(Object.create(null), d)),
        weight: 1,
    },
    { arbitrary: fc.constantFrom(UNKNOWN, [], 3, "text", new Date(0)), weight: 1 },
);

/** A pattern on an object field (the schema's check refuses it) can throw while testing a null-prototype value: both must. */
function outcome(run: () => unknown): unknown {
    try {
        return run();
    } catch (err) {
        return `throws ${(err as Error).name}: ${(err as Error).message}`;
    }
}

describe("compiled record validator (against a plain reference)", () => {
    it("reports exactly the reference's failures, word for word and in order, on random schemas and records", () => {
        fc.assert(
            fc.property(schemas, fc.array(recordsFor, { minLength: 1, maxLength: 4 }), ([fields, rules], records) => {
                const validate = compileRecordValidator(fields, rules);
                for (const data of records)
                    assert.deepEqual(
                        outcome(() => validate(data)),
                        outcome(() => referenceValidate(fields, rules, data)),
                    );
            }),
            { numRuns: 300 },
        );
    });

    it("gives the same verdicts from every validator compiled for one schema", () => {
        const records = [
            { email: "a@b.c" },
            { email: "nope", colour: 1 },
            { email: UNKNOWN, priority: "critical", status: "paused" },
            {},
        ];
        const first = compileRecordValidator(FIELDS, RULES);
        for (let i = 0; i < 5; i++) {
            const again = compileRecordValidator(FIELDS, RULES);
            for (const data of records) assert.deepEqual(again(data), first(data));
        }
    });
});
