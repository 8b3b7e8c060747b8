import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { dataSchemaProvider as provider } from "./provider";
import { breakingFieldChanges } from "./fieldChanges";
import { UNKNOWN } from "../../validation/unknowns";

const fields = [
    { name: "priority", type: "string" },
    { name: "status", type: "string", required: true },
];
const valid = { __resourceName: "tickets", fields };

async function reasonsFor(news: Record<string, unknown>): Promise<Record<string, string>> {
    const { failures } = await provider.check({}, { ...valid, ...news });
    return Object.fromEntries(failures.map((f) => [f.property, f.reason]));
}

describe("DataSchema check", () => {
    it("accepts a minimal schema, auto-names it and fills the field and rule defaults", async () => {
        const { inputs, failures } = await provider.check({}, valid);
        assert.deepEqual(failures, []);
        assert.match(String(inputs.name), /^tickets-[0-9a-f]{7}$/);
        assert.deepEqual(inputs.fields, [
            { required: false, name: "priority", type: "string" },
            { required: true, name: "status", type: "string" },
        ]);
        assert.deepEqual(inputs.rules, []);
    });

    it("names every failing field definition at once", async () => {
        const reasons = await reasonsFor({
            fields: [
                { name: "1st", type: "string" },
                { name: "id", type: "string" },
                { name: "n", type: "decimal" },
                { name: "count", type: "integer", pattern: "^\\d+$", minLength: 2 },
                { name: "code", type: "string", pattern: "(", minLength: 5, maxLength: 2 },
                { name: "ref", type: "boolean", referentialSchemaId: "s1", referentialFieldName: "key" },
                { name: "orphan", type: "string", referentialFieldName: "key" },
                { name: "typo", type: "string", requird: true },
            ],
        });
        assert.deepEqual(Object.keys(reasons).sort(), [
            "fields[0].name",
            "fields[1].name",
            "fields[2].type",
            "fields[3].minLength",
            "fields[3].pattern",
            "fields[4].minLength",
            "fields[4].pattern",
            "fields[5].referentialSchemaId",
            "fields[6].referentialFieldName",
            "fields[7]",
        ]);
        assert.match(reasons["fields[1].name"], /must not be one of id, version/);
        assert.match(reasons["fields[3].pattern"], /string fields only \(this field is integer\)/);
        assert.match(reasons["fields[4].pattern"], /valid JavaScript regular expression/);
        assert.match(reasons["fields[4].minLength"], /must not exceed maxLength \(2\)/);
        assert.match(reasons["fields[7]"], /unknown key\(s\) requird/);
    });

    it("refuses a repeated field name once the fields are otherwise valid", async () => {
        const reasons = await reasonsFor({ fields: [...fields, { name: "priority", type: "integer" }] });
        assert.deepEqual(Object.keys(reasons), ["fields[2].name"]);
        assert.match(reasons["fields[2].name"], /repeats "priority" \(already at index 0\)/);
    });

    it("checks rules: one operator, existing fields, values of the field's type", async () => {
        const shapes = await reasonsFor({
            rules: [{ when: { field: "priority" }, require: { field: "status", equals: "a", present: true } }],
        });
        assert.deepEqual(Object.keys(shapes).sort(), ["rules[0].require", "rules[0].when"]);
        assert.match(shapes["rules[0].when"], /exactly one of equals, oneOf or present \(found none\)/);
        assert.match(shapes["rules[0].require"], /found equals, present/);
        const reasons = await reasonsFor({
            fields: [...fields, { name: "score", type: "integer" }],
            rules: [
                { when: { field: "priority", equals: "critical" }, require: { field: "status", equals: "active" } },
                { when: { field: "owner", present: true }, require: { field: "score", oneOf: [1, 2.5] } },
            ],
        });
        assert.deepEqual(Object.keys(reasons).sort(), ["rules[1].require", "rules[1].when.field"]);
        assert.match(
            reasons["rules[1].when.field"],
            /"owner" is not a field of the schema; use one of priority, status, score/,
        );
        assert.match(reasons["rules[1].require"], /compares integer field "score" with 2.5/);
    });

    it("requires at least one field and passes unknowns", async () => {
        assert.match((await reasonsFor({ fields: [] })).fields, /at least 1 field/);
        assert.deepEqual(await reasonsFor({ fields: UNKNOWN, rules: UNKNOWN }), {});
        assert.deepEqual(
            await reasonsFor({
                fields: [{ name: UNKNOWN, type: "string" }],
                rules: [{ when: { field: UNKNOWN, equals: 1 }, require: { field: "status", present: true } }],
            }),
            {},
        );
    });
});

describe("DataSchema diff", () => {
    const olds = {
        name: "tickets-abc1234",
        fields: [{ name: "priority", type: "string", required: false }],
        rules: [],
        schemaId: "s1",
        version: 2,
    };

    it("reports nothing when unchanged", async () => {
        assert.deepEqual(await provider.diff("s1", olds, { ...olds, schemaId: undefined, version: undefined }), {
            changes: false,
            replaces: [],
            deleteBeforeReplace: false,
        });
    });

    it("adds a field or changes a constraint in place", async () => {
        const added = await provider.diff("s1", olds, {
            ...olds,
            fields: [...olds.fields, { name: "status", type: "string", required: true }],
        });
        assert.deepEqual([added.changes, added.replaces], [true, []]);
        const tightened = await provider.diff("s1", olds, {
            ...olds,
            fields: [{ name: "priority", type: "string", required: true, maxLength: 9 }],
        });
        assert.deepEqual([tightened.changes, tightened.replaces], [true, []]);
    });

    it("replaces when a field is removed or retyped", async () => {
        const removed = await provider.diff("s1", olds, {
            ...olds,
            fields: [{ name: "status", type: "string", required: false }],
        });
        assert.deepEqual(removed.replaces, ["fields"]);
        const retyped = await provider.diff("s1", olds, {
            ...olds,
            fields: [{ name: "priority", type: "integer", required: false }],
        });
        assert.deepEqual(retyped.replaces, ["fields"]);
    });

    it("replaces create-before-delete under a new name, and deletes first only when the name would come back", async () => {
        const identity = { __resourceName: "tickets", __stack: "dev", __project: "cc" };
        const created = await provider.check({}, { ...identity, fields: [{ name: "priority", type: "string" }] });
        const widened = await provider.check(created.inputs, {
            ...identity,
            fields: [
                { name: "priority", type: "string" },
                { name: "notes", type: "string" },
            ],
        });
        assert.equal(widened.inputs.name, created.inputs.name, "a field added in place keeps the name");
        const narrowed = await provider.check(widened.inputs, {
            ...identity,
            fields: [{ name: "notes", type: "string" }],
        });
        const replaced = await provider.diff("s1", widened.inputs, narrowed.inputs);
        assert.deepEqual([replaced.replaces, replaced.deleteBeforeReplace], [["fields"], false]);
        const back = await provider.check(widened.inputs, {
            ...identity,
            fields: [{ name: "priority", type: "string" }],
        });
        const reverted = await provider.diff("s1", widened.inputs, back.inputs);
        assert.deepEqual([reverted.replaces, reverted.deleteBeforeReplace], [["fields"], true]);
    });

    it("shows unknown fields as a change, not a replacement", async () => {
        const result = await provider.diff("s1", olds, { ...olds, fields: UNKNOWN });
        assert.deepEqual([result.changes, result.replaces], [true, []]);
    });
});

describe("breakingFieldChanges (properties)", () => {
    const field = fc.record({
        name: fc.constantFrom("a", "b", "c", "d"),
        type: fc.constantFrom("string", "integer", "boolean"),
    });
    const list = fc.uniqueArray(field, { selector: (f) => f.name, maxLength: 4 });

    it("never reports a change when fields are only added", () => {
        fc.assert(
            fc.property(list, list, (before, extra) => {
                const names = new Set(before.map((f) => f.name));
                assert.deepEqual(
                    breakingFieldChanges(before, [...before, ...extra.filter((f) => !names.has(f.name))]),
                    [],
                );
            }),
        );
    });

    it("reports exactly the removed and retyped fields", () => {
        fc.assert(
            fc.property(list, list, (before, after) => {
                const typeOf = new Map(after.map((f) => [f.name, f.type]));
                const expected = before.filter((f) => typeOf.get(f.name) !== f.type).map((f) => f.name);
                assert.deepEqual(
                    breakingFieldChanges(before, after).map((c) => c.split(" ")[0]),
                    expected,
                );
            }),
        );
    });
});
