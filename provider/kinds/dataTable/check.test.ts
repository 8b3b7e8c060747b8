import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UNKNOWN } from "../../validation/unknowns";
import { dataTableProvider as provider } from "./provider";

const fields = [
    { name: "key", type: "string" },
    { name: "queueName", type: "string", title: "Queue name" },
    { name: "priority", type: "integer", default: 5, displayOrder: 2 },
    { name: "active", type: "boolean" },
];
const valid = { name: "queues", fields };

async function reasonsFor(news: Record<string, unknown>, olds: Record<string, unknown> = {}) {
    const { failures } = await provider.check(olds, { ...valid, ...news });
    return Object.fromEntries(failures.map((f) => [f.property, f.reason]));
}

describe("DataTable check", () => {
    it("accepts a table with its key field, typed defaults, titles and display orders", async () => {
        assert.deepEqual(await reasonsFor({}), {});
        assert.deepEqual(await reasonsFor({ description: "routing", divisionId: "d-1" }), {});
    });

    it("requires the string field key, refusing a retyped key or a default on it", async () => {
        const missing = await reasonsFor({ fields: fields.slice(1) });
        assert.deepEqual(Object.keys(missing), ["fields"]);
        assert.match(missing.fields, /must include \{ name: "key", type: "string" \}/);
        const retyped = await reasonsFor({
            fields: [{ name: "key", type: "integer", default: 1 }, ...fields.slice(1)],
        });
        assert.deepEqual(Object.keys(retyped).sort(), ["fields[0].default", "fields[0].type"]);
        assert.match(retyped["fields[0].type"], /must be "string"/);
    });

    it("refuses what the platform would: types, more than 50 fields, reserved and repeated names, / in a name", async () => {
        const reasons = await reasonsFor({
            name: "a/b",
            fields: [
                ...fields,
                { name: "tags", type: "array" },
                { name: "id", type: "string" },
                { name: "score", type: "number", default: "high" },
            ],
        });
        assert.deepEqual(Object.keys(reasons).sort(), [
            "fields[4].type",
            "fields[5].name",
            "fields[6].default",
            "name",
        ]);
        assert.match(reasons["fields[4].type"], /"boolean", "integer", "number", "string"/);
        assert.match(reasons["fields[5].name"], /platform's own row properties/);
        assert.match(reasons["fields[6].default"], /must be a number value/);
        const repeated = await reasonsFor({ fields: [...fields, { name: "active", type: "boolean" }] });
        assert.match(repeated["fields[4].name"], /repeats "active" \(already at index 3\)/);
        const many = Array.from({ length: 50 }, (_, i) => ({ name: `f${i}`, type: "string" }));
        assert.match((await reasonsFor({ fields: [fields[0], ...many] })).fields, /at most 50 fields/);
    });

    it("keeps client-side rules out of the fields and checks them against the table", async () => {
        const stray = await reasonsFor({ fields: [fields[0], { name: "code", type: "string", pattern: "^A" }] });
        assert.match(stray["fields[1]"], /client-side rules go in clientValidation/);
        const reasons = await reasonsFor({
            clientValidation: {
                fields: {
                    queueName: { required: true, pattern: "^[A-Z]", minLength: 9, maxLength: 3 },
                    priority: { pattern: "^1" },
                    nothing: { required: true },
                    key: { required: true },
                },
                rules: [{ when: { field: "active", equals: "yes" }, require: { field: "ghost", present: true } }],
            },
        });
        assert.deepEqual(Object.keys(reasons).sort(), [
            "clientValidation.fields.key",
            "clientValidation.fields.nothing",
            "clientValidation.fields.priority.pattern",
            "clientValidation.fields.queueName.minLength",
            "clientValidation.rules[0].require.field",
            "clientValidation.rules[0].when",
        ]);
        assert.match(reasons["clientValidation.fields.priority.pattern"], /string fields only \(priority is integer\)/);
        assert.match(reasons["clientValidation.rules[0].when"], /compares boolean field "active" with "yes"/);
        const regex = await reasonsFor({ clientValidation: { fields: { queueName: { pattern: "(" } } } });
        assert.match(regex["clientValidation.fields.queueName.pattern"], /valid JavaScript regular expression/);
    });

    it("auto-names within the platform's 256 characters and keeps the name across runs", async () => {
        const first = await provider.check({}, { fields, __resourceName: "queues" });
        assert.match(String(first.inputs.name), /^queues-[0-9a-f]{7}$/);
        const again = await provider.check(first.inputs, { fields, __resourceName: "queues" });
        assert.equal(again.inputs.name, first.inputs.name);
    });

    it("passes values unknown at preview", async () => {
        assert.deepEqual(await reasonsFor({ fields: UNKNOWN, clientValidation: UNKNOWN }), {});
        assert.deepEqual(await reasonsFor({ fields: [fields[0], { name: "x", type: UNKNOWN }] }), {});
    });
});

describe("DataTable diff", () => {
    const olds = { ...valid, datatableId: "t1" };

    it("adds a field in place, replaces on a removed or retyped field, ignores client-side rules", async () => {
        const added = await provider.diff("t1", olds, { ...valid, fields: [...fields, { name: "n", type: "number" }] });
        assert.deepEqual([added.changes, added.replaces], [true, []]);
        const removed = await provider.diff("t1", olds, { ...valid, fields: fields.slice(0, 3) });
        assert.deepEqual(removed.replaces, ["fields"]);
        const retyped = fields.map((f) => (f.name === "priority" ? { ...f, type: "number" } : f));
        assert.deepEqual((await provider.diff("t1", olds, { ...valid, fields: retyped })).replaces, ["fields"]);
        const titled = fields.map((f) => (f.name === "active" ? { ...f, title: "Active?" } : f));
        assert.deepEqual((await provider.diff("t1", olds, { ...valid, fields: titled })).replaces, []);
        const client = { ...valid, clientValidation: { fields: { queueName: { required: true } } } };
        assert.equal((await provider.diff("t1", olds, client)).changes, false);
    });
});
