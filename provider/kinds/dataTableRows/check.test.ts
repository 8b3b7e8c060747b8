import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

    it("through the import job, refuses strings a CSV cell cannot carry: an empty one, or half a surrogate pair", async () => {
        const withDefault = [
            fields[0],
            { name: "team", type: "string", default: "support" },
            { name: "note", type: "string" },
        ];
        const emptyRows = [{ key: "a", data: { team: "", note: "" } }];
        const byImport = await provider.check(
            {},
            { datatableId: "t1", fields: withDefault, rows: emptyRows, importMode: "Append" },
        );
        assert.deepEqual(
            byImport.failures.map((f) => f.property),
            ["rows[0].data.team"],
        );
        assert.match(
            byImport.failures[0].reason,
            /empty cell takes the field's default, "support".*leave importMode out/,
        );
        const halfPair = await provider.check(
            {},
            {
                datatableId: "t1",
                fields: withDefault,
                rows: [{ key: "a", data: { note: "a\uD800b" } }],
                importMode: "ReplaceAll",
            },
        );
        assert.deepEqual(
            halfPair.failures.map((f) => f.property),
            ["rows[0].data.note"],
        );
        assert.match(halfPair.failures[0].reason, /half of a UTF-16 surrogate pair/);
        // Row by row the empty string is written as it is.
        const rowByRow = await provider.check({}, { datatableId: "t1", fields: withDefault, rows: emptyRows });
        assert.deepEqual(rowByRow.failures, []);
    });

    it("leaves the hashes to the real run while the fields are unknown", async () => {
        const { inputs, failures } = await provider.check({}, { ...valid, fields: UNKNOWN });
        assert.deepEqual(failures, []);
        assert.equal(inputs.rowHashes, undefined);
    });

    it("reads rows from a JSON file: typed values pass and are hashed, a wrong one is named with its place in the file", async () => {
        const dir = mkdtempSync(join(tmpdir(), "rows-json-"));
        try {
            const file = join(dir, "rows.json");
            writeFileSync(file, JSON.stringify(rows));
            const fromFile = await provider.check({}, { datatableId: "t1", fields, file });
            assert.deepEqual(fromFile.failures, []);
            const fromList = await provider.check({}, valid);
            assert.deepEqual(fromFile.inputs.rowHashes, fromList.inputs.rowHashes, "the same rows hash the same");
            assert.equal(typeof fromFile.inputs.sourceHash, "string");
            writeFileSync(file, JSON.stringify([rows[0], { key: "c", data: { seats: "many" } }]));
            const wrong = await provider.check({}, { datatableId: "t1", fields, file });
            assert.deepEqual(
                wrong.failures.map((f) => f.property),
                ["file"],
            );
            assert.match(wrong.failures[0].reason, /rows\.json \[1\] \(key "c"\): .*seats/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it("refuses a row key no URL can address", async () => {
        const { failures } = await provider.check({}, { ...valid, rows: [{ key: "..", data: {} }] });
        assert.deepEqual(
            failures.map((f) => f.property),
            ["rows[0].key"],
        );
    });

    it("refuses a row without data, naming it, instead of failing to hash it", async () => {
        const { failures } = await provider.check({}, { ...valid, rows: [{ key: "a" }, ...rows.slice(1)] });
        assert.deepEqual(
            failures.map((f) => f.property),
            ["rows[0].data"],
        );
    });
});
