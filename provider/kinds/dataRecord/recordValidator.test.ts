import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { compileRecordValidator, validatorFor } from "./recordValidator";
import { validateRecord } from "../../../emulator/kinds/dataRecords";
import { UNKNOWN } from "../../validation/unknowns";
import type { DataField, DataRule } from "../dataSchema/schema";

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
const RULES: DataRule[] = [{ when: { field: "priority", equals: "critical" }, require: { field: "status", equals: "active" }, message: "critical items need an active owner" }];
const validate = compileRecordValidator(FIELDS, RULES);
const properties = (data: unknown) => validate(data).map((f) => f.property).sort();

describe("compiled record validator", () => {
    it("accepts a valid record", () => {
        assert.deepEqual(validate({ email: "a@b.c", code: "AB", priority: "critical", status: "active", score: 3, ratio: 0.5, vip: true, tags: ["x"], meta: {} }), []);
    });

    it("names every failing field as data.<field> with the fix", () => {
        const failures = validate({ email: "nope", code: "A", score: 1.5, ratio: "1", vip: "yes", tags: [1, 2, 3, 4], meta: [], colour: "red" });
        const reasons = Object.fromEntries(failures.map((f) => [f.property, f.reason]));
        assert.deepEqual(Object.keys(reasons).sort(), ["data.code", "data.colour", "data.email", "data.meta", "data.ratio", "data.score", "data.tags", "data.vip"]);
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
        assert.match(failure.reason, /data.status must equal "active" when data.priority equals "critical" \(got "paused"\): critical items need an active owner/);
        assert.deepEqual(properties({ email: "a@b.c", priority: "low", status: "paused" }), []);
        const oneOf = compileRecordValidator(FIELDS, [{ when: { field: "vip", present: true }, require: { field: "score", oneOf: [1, 2] } }]);
        assert.match(oneOf({ email: "a@b.c", vip: false })[0].reason, /data.score must be one of 1, 2 when data.vip is set \(got nothing\)/);
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
        assert.match(big({ blob: "x".repeat(1024 * 1024) })[0].reason, /over the platform's 1048576-byte \(1 MiB\) record limit/);
        assert.deepEqual(big({ blob: "x".repeat(1000) }), []);
        assert.deepEqual(validate([1]).map((f) => f.property), ["data"]);
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
                const platform = validateRecord(data, { fields: FIELDS.map((f) => ({ required: false, ...f })), rules: RULES }, () => undefined);
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
                    assert.ok(property === "data" || names.has(key) || Object.prototype.hasOwnProperty.call(data, key), property);
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
