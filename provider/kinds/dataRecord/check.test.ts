import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { dataRecordProvider as provider } from "./provider";
import { UNKNOWN } from "../../validation/unknowns";

const fields = [
    { name: "priority", type: "string", required: false },
    { name: "status", type: "string", required: true, pattern: "^[a-z]+$" },
];
const rules = [{ when: { field: "priority", equals: "critical" }, require: { field: "status", equals: "active" } }];
const valid = { schemaId: "s1", fields, rules, key: "ticket-1", data: { priority: "low", status: "open" } };

async function reasonsFor(news: Record<string, unknown>): Promise<Record<string, string>> {
    const { failures } = await provider.check({}, { ...valid, ...news });
    return Object.fromEntries(failures.map((f) => [f.property, f.reason]));
}

describe("DataRecord check", () => {
    it("accepts a valid record", async () => {
        assert.deepEqual(await reasonsFor({}), {});
    });

    it("validates data against the schema's fields and rules, naming data.<field>", async () => {
        const reasons = await reasonsFor({ data: { priority: "critical", status: "Open", extra: 1 } });
        assert.deepEqual(Object.keys(reasons).sort(), ["data.extra", "data.status"]);
        assert.match(reasons["data.status"], /must match the pattern \^\[a-z\]\+\$/);
        const rule = await reasonsFor({ data: { priority: "critical", status: "pending" } });
        assert.match(rule["data.status"], /must equal "active" when data.priority equals "critical"/);
        assert.match((await reasonsFor({ data: { priority: "low" } }))["data.status"], /required by the schema/);
    });

    it("refuses keys that cannot be a record id and data that is not an object", async () => {
        const reasons = await reasonsFor({ key: "a/b", data: [1] });
        assert.deepEqual(Object.keys(reasons).sort(), ["data", "key"]);
        assert.match(reasons.key, /letters, digits, - or _/);
    });

    it("reports a broken schema rather than validating against it", async () => {
        const reasons = await reasonsFor({ fields: [...fields, { name: "priority", type: "string" }] });
        assert.deepEqual(Object.keys(reasons), ["fields[2].name"]);
    });

    it("passes unknowns: a schema not yet created, or data values not yet known", async () => {
        assert.deepEqual(await reasonsFor({ schemaId: UNKNOWN, fields: UNKNOWN, rules: UNKNOWN }), {});
        assert.deepEqual(await reasonsFor({ data: UNKNOWN }), {});
        assert.deepEqual(Object.keys(await reasonsFor({ data: { priority: UNKNOWN, status: "BAD" } })), [
            "data.status",
        ]);
    });
});

describe("DataRecord diff", () => {
    const olds = {
        schemaId: "s1",
        fields,
        rules,
        key: "ticket-1",
        data: { priority: "low", status: "open" },
        recordId: "ticket-1",
        version: 1,
    };

    it("ignores a change of the schema's fields or rules alone", async () => {
        const news = { ...valid, fields: [...fields, { name: "owner", type: "string", required: false }], rules: [] };
        assert.equal((await provider.diff("s1/ticket-1", olds, news)).changes, false);
    });

    it("updates data in place and replaces on a new key or schema", async () => {
        const data = await provider.diff("s1/ticket-1", olds, { ...valid, data: { status: "closed" } });
        assert.deepEqual([data.changes, data.replaces], [true, []]);
        assert.deepEqual((await provider.diff("s1/ticket-1", olds, { ...valid, key: "ticket-2" })).replaces, ["key"]);
        assert.deepEqual((await provider.diff("s1/ticket-1", olds, { ...valid, schemaId: "s2" })).replaces, [
            "schemaId",
        ]);
    });
});
