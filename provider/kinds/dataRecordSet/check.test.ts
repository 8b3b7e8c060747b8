import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { dataRecordSetProvider as provider } from "./provider";
import { MAX_REPORTED_RECORD_FAILURES } from "./schema";
import { UNKNOWN } from "../../validation/unknowns";

const fields = [
    { name: "name", type: "string", required: true },
    { name: "seats", type: "integer", required: false },
    { name: "active", type: "boolean", required: false },
];
const records = [
    { key: "a", data: { name: "Alpha", seats: 3 } },
    { key: "b", data: { name: "Beta", active: true } },
];
const valid = { schemaId: "s1", fields, records };
const dir = mkdtempSync(path.join(tmpdir(), "record-set-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
    const full = path.join(dir, name);
    writeFileSync(full, content);
    return full;
};

describe("DataRecordSet check", () => {
    it("fills defaults and records a hash per record", async () => {
        const { inputs, failures } = await provider.check({}, valid);
        assert.deepEqual(failures, []);
        assert.equal(inputs.keyColumn, "key");
        assert.equal(inputs.concurrency, 8);
        assert.equal(inputs.recordCount, 2);
        assert.deepEqual(Object.keys(inputs.recordHashes as object), ["a", "b"]);
    });

    it("names each bad record by index and field, with repeated keys", async () => {
        const { failures } = await provider.check(
            {},
            { ...valid, records: [...records, { key: "a", data: { name: 7 } }, { key: "bad key", data: {} }] },
        );
        const byProperty = Object.fromEntries(failures.map((f) => [f.property, f.reason]));
        assert.deepEqual(Object.keys(byProperty).sort(), ["records[2].data.name", "records[2].key", "records[3].key"]);
        assert.match(byProperty["records[2].key"], /repeats the key of records\[0\]/);
        assert.match(byProperty["records[2].data.name"], /must be a string/);
    });

    it("caps the failures shown and counts the rest", async () => {
        const many = Array.from({ length: 120 }, (_, i) => ({ key: `k${i}`, data: { seats: "x" } }));
        const { failures } = await provider.check({}, { ...valid, records: many });
        assert.equal(failures.length, MAX_REPORTED_RECORD_FAILURES + 1);
        assert.match(failures[failures.length - 1].reason, /and 190 more record failures \(240 in all\)/);
    });

    it("needs exactly one of records and file", async () => {
        assert.match(
            (await provider.check({}, { schemaId: "s1", fields })).failures[0].reason,
            /give either records or file/,
        );
        assert.match((await provider.check({}, { ...valid, file: "/x.csv" })).failures[0].reason, /not both/);
    });

    it("reads a CSV file, converting cells by field type, and hashes its content", async () => {
        const csv = file("teams.csv", 'key,name,seats,active\na,Alpha,3,\nb,"Beta, Inc",,true\n');
        const { inputs, failures } = await provider.check({}, { schemaId: "s1", fields, file: csv });
        assert.deepEqual(failures, []);
        assert.equal(inputs.recordCount, 2);
        assert.equal(typeof inputs.sourceHash, "string");
        const fromArray = await provider.check(
            {},
            {
                ...valid,
                records: [
                    { key: "a", data: { name: "Alpha", seats: 3 } },
                    { key: "b", data: { name: "Beta, Inc", active: true } },
                ],
            },
        );
        assert.deepEqual(
            inputs.recordHashes,
            fromArray.inputs.recordHashes,
            "the same records hash the same whatever their source",
        );
    });

    it("reports file problems under file, with the line", async () => {
        const csv = file("bad.csv", "key,name,seats\na,Alpha,many\n");
        const { failures } = await provider.check({}, { schemaId: "s1", fields, file: csv });
        assert.deepEqual(
            failures.map((f) => f.property),
            ["file"],
        );
        assert.match(failures[0].reason, /bad.csv line 2 \(key "a"\): data.seats must be a whole number/);
        const missing = await provider.check({}, { schemaId: "s1", fields, file: path.join(dir, "nope.json") });
        assert.match(missing.failures[0].reason, /cannot read .*nope.json \(ENOENT\)/);
        const noKey = await provider.check({}, { schemaId: "s1", fields, file: file("k.csv", "id,name\n1,x\n") });
        assert.match(noKey.failures[0].reason, /no "key" column/);
        const json = await provider.check(
            {},
            { schemaId: "s1", fields, file: file("r.json", JSON.stringify(records)) },
        );
        assert.deepEqual(json.failures, []);
    });

    it("passes unknown records and schemas during preview, leaving the hashes to the real run", async () => {
        const unknownSchema = await provider.check({}, { schemaId: UNKNOWN, fields: UNKNOWN, records });
        assert.deepEqual(unknownSchema.failures, []);
        const unknownData = await provider.check({}, { ...valid, records: [{ key: "a", data: { name: UNKNOWN } }] });
        assert.deepEqual(unknownData.failures, []);
        assert.equal(unknownData.inputs.recordHashes, undefined);
        // A whole record from another resource's output; the known ones beside it are still checked.
        const unknownRecord = await provider.check(
            {},
            { ...valid, records: [UNKNOWN, { key: "b", data: { name: 7 } }] },
        );
        assert.deepEqual(
            unknownRecord.failures.map((f) => f.property),
            ["records[1].data.name"],
        );
        assert.equal(unknownRecord.inputs.recordHashes, undefined);
    });
});

describe("DataRecordSet diff", () => {
    it("changes only when a record's hash changes, and replaces on another schema", async () => {
        const { inputs } = await provider.check({}, valid);
        const olds = { schemaId: "s1", recordHashes: inputs.recordHashes, recordVersions: { a: 1, b: 1 } };
        assert.deepEqual(await provider.diff("s1/x", olds, inputs), {
            changes: false,
            replaces: [],
            deleteBeforeReplace: false,
        });
        const edited = await provider.check(
            {},
            { ...valid, records: [records[0], { key: "b", data: { name: "Beta", active: false } }] },
        );
        assert.deepEqual(await provider.diff("s1/x", olds, edited.inputs), {
            changes: true,
            replaces: [],
            deleteBeforeReplace: false,
        });
        assert.deepEqual((await provider.diff("s1/x", olds, { ...inputs, schemaId: "s2" })).replaces, ["schemaId"]);
        assert.equal((await provider.diff("s1/x", olds, { ...valid, records: UNKNOWN })).changes, true);
    });
});
