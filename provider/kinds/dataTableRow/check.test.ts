import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UNKNOWN } from "../../validation/unknowns";
import { dataTableRowProvider as provider, parseRowId, rowResourceId } from "./provider";

const fields = [
    { name: "key", type: "string" },
    { name: "queueName", type: "string" },
    { name: "priority", type: "integer", default: 5 },
    { name: "active", type: "boolean" },
];
const clientValidation = {
    fields: { queueName: { required: true, pattern: "^[A-Z]", maxLength: 20 } },
    rules: [{ when: { field: "priority", equals: 1 }, require: { field: "active", equals: true } }],
};
const valid = { datatableId: "t1", fields, key: "billing", data: { queueName: "Billing", priority: 3 } };

async function reasonsFor(news: Record<string, unknown>): Promise<Record<string, string>> {
    const { failures } = await provider.check({}, { ...valid, ...news });
    return Object.fromEntries(failures.map((f) => [f.property, f.reason]));
}

describe("DataTableRow check", () => {
    it("accepts a row whose values fit the table's fields", async () => {
        assert.deepEqual(await reasonsFor({}), {});
        assert.deepEqual(await reasonsFor({ clientValidation }), {});
    });

    it("refuses table fields no table can have (no key, a name twice), as the table itself would", async () => {
        const reasons = await reasonsFor({ fields: [fields[1], fields[2], fields[2]] });
        assert.deepEqual(Object.keys(reasons).sort(), ["fields", "fields[2].name"]);
        assert.match(reasons.fields, /must include \{ name: "key", type: "string" \}/);
    });

    it("refuses what the platform would, naming data.<field>: types and fields the table lacks", async () => {
        const reasons = await reasonsFor({ data: { queueName: 7, priority: 2.5, active: "yes", colour: "red" } });
        assert.deepEqual(Object.keys(reasons).sort(), [
            "data.active",
            "data.colour",
            "data.priority",
            "data.queueName",
        ]);
        assert.match(reasons["data.priority"], /must be a whole number/);
        assert.match(reasons["data.colour"], /is not a field/);
        const huge = await reasonsFor({ data: { queueName: "Billing", priority: 2 ** 60 } });
        assert.deepEqual(Object.keys(huge), ["data.priority"]);
        assert.match(huge["data.priority"], /must be a whole number from -9007199254740991 to 9007199254740991/);
    });

    it("applies the table's client-side rules: required, pattern, length and cross-field rules", async () => {
        const missing = await reasonsFor({ clientValidation, data: { priority: 2 } });
        assert.match(missing["data.queueName"], /required/);
        const pattern = await reasonsFor({ clientValidation, data: { queueName: "billing-and-collections-2" } });
        assert.match(pattern["data.queueName"], /must match the pattern \^\[A-Z\]/);
        const rule = await reasonsFor({ clientValidation, data: { queueName: "Urgent", priority: 1 } });
        assert.match(rule["data.active"], /must equal true when data.priority equals 1/);
    });

    it("wants the key beside the data, 1 to 256 characters", async () => {
        const inside = await reasonsFor({ data: { key: "billing", queueName: "Billing" } });
        assert.deepEqual(Object.keys(inside), ["data.key"]);
        assert.match(inside["data.key"], /give the row's key as `key` beside data/);
        assert.match((await reasonsFor({ key: "" })).key, /must not be empty/);
        assert.match((await reasonsFor({ key: "k".repeat(257) })).key, /at most 256 characters/);
        assert.deepEqual(await reasonsFor({ key: "a/b c?" }), {}, "any text is a key: it is sent URL-encoded");
        for (const key of ["..", "."]) {
            assert.match((await reasonsFor({ key })).key, /must not be "\." or "\.\.": no URL can address such a row/);
        }
        assert.deepEqual(await reasonsFor({ key: "..." }), {});
    });

    it("reports broken client-side rules on the table's copy rather than validating against them", async () => {
        const reasons = await reasonsFor({ clientValidation: { fields: { ghost: { required: true } } } });
        assert.deepEqual(Object.keys(reasons), ["clientValidation.fields.ghost"]);
    });

    it("passes unknowns: a table not yet created, or values not yet known", async () => {
        assert.deepEqual(await reasonsFor({ datatableId: UNKNOWN, fields: UNKNOWN, clientValidation: UNKNOWN }), {});
        assert.deepEqual(await reasonsFor({ data: UNKNOWN }), {});
        assert.deepEqual(Object.keys(await reasonsFor({ data: { queueName: UNKNOWN, priority: "x" } })), [
            "data.priority",
        ]);
    });
});

describe("DataTableRow diff and id", () => {
    it("replaces on a new key or table, updates on data, ignores the table's copies", async () => {
        const olds = { ...valid };
        assert.deepEqual((await provider.diff("t1/billing", olds, { ...valid, key: "claims" })).replaces, ["key"]);
        assert.deepEqual((await provider.diff("t1/billing", olds, { ...valid, datatableId: "t2" })).replaces, [
            "datatableId",
        ]);
        const data = await provider.diff("t1/billing", olds, { ...valid, data: { queueName: "Bills" } });
        assert.deepEqual([data.changes, data.replaces], [true, []]);
        const copies = { ...valid, fields: [...fields, { name: "n", type: "number" }], clientValidation };
        assert.equal((await provider.diff("t1/billing", olds, copies)).changes, false);
    });

    it("round-trips a key holding a slash through the resource id", () => {
        assert.deepEqual(parseRowId(rowResourceId("t1", "a/b")), { tableId: "t1", key: "a/b" });
        assert.throws(() => parseRowId("nokey"), /not a data table row id/);
    });
});
