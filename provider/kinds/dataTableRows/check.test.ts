import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UNKNOWN } from "../../validation/unknowns";
import { dataTableRowsProvider as provider } from "./provider";

const fields = [
    { name: "key", type: "string" },
    { name: "seats", type: "integer", default: 0 },
];
const rows = [
    { key: "a", data: { seats: 3 } },
    { key: "b", data: { seats: 4 } },
];
const valid = { datatableId: "t1", fields, rows };

describe("DataTableRows check", () => {
    it("hashes every row, and a preview that does not know the table's client-side rules hashes them the same", async () => {
        const known = await provider.check({}, valid);
        assert.deepEqual(known.failures, []);
        assert.deepEqual(Object.keys(known.inputs.rowHashes as object), ["a", "b"]);
        // A table without client-side rules has no such output in its state, which a preview passes as unknown.
        const preview = await provider.check({}, { ...valid, clientValidation: UNKNOWN });
        assert.deepEqual(preview.failures, []);
        assert.deepEqual(preview.inputs.rowHashes, known.inputs.rowHashes);
    });

    it("still checks the rows against the fields when the rules are unknown, naming the row and field", async () => {
        const { failures } = await provider.check(
            {},
            { ...valid, clientValidation: UNKNOWN, rows: [{ key: "a", data: { seats: "many" } }] },
        );
        assert.equal(failures.length, 1);
        assert.match(failures[0].property, /^rows\[0\]\.data\.seats$/);
    });

    it("passes a row a preview does not know yet, still checking the known rows beside it", async () => {
        const { inputs, failures } = await provider.check(
            {},
            { ...valid, rows: [UNKNOWN, { key: "b", data: { seats: "x" } }] },
        );
        assert.deepEqual(
            failures.map((f) => f.property),
            ["rows[1].data.seats"],
        );
        assert.equal(inputs.rowHashes, undefined);
    });

    it("leaves the hashes to the real run while the fields are unknown", async () => {
        const { inputs, failures } = await provider.check({}, { ...valid, fields: UNKNOWN });
        assert.deepEqual(failures, []);
        assert.equal(inputs.rowHashes, undefined);
    });

    it("refuses a row without data, naming it, instead of failing to hash it", async () => {
        const { failures } = await provider.check({}, { ...valid, rows: [{ key: "a" }, ...rows.slice(1)] });
        assert.deepEqual(
            failures.map((f) => f.property),
            ["rows[0].data"],
        );
    });
});
