import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import type { JsonBody } from "./emulatorClient";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";

const SCHEMAS = "/api/v2/data/schemas";
const TICKETS = 30;
const RECORD_PUT = "PUT /api/v2/data/schemas/{schemaId}/records/{recordId}";

describe("DataSchema, DataRecord and DataRecordSet end to end (program → real host → emulator)", () => {
    let stack: EmulatedStack;
    let dir: string;
    let csvPath: string;
    let rows: string[][];
    let ticketFields: genesys.DataField[];
    let customerData: Record<string, unknown>;
    const writeCsv = () =>
        writeFileSync(csvPath, ["key,priority,status,customer", ...rows.map((r) => r.join(","))].join("\n"));

    const program = () => {
        const customers = new genesys.DataSchema("customers", {
            fields: [{ name: "email", type: "string", required: true, pattern: "^[^@]+@[^@]+$" }],
        });
        const customer = new genesys.DataRecord("c1", { schema: customers, key: "c-1", data: customerData });
        const tickets = new genesys.DataSchema("tickets", {
            fields: ticketFields.map((f) =>
                f.name === "customer" ? { ...f, referentialSchemaId: customers.schemaId } : f,
            ),
            rules: [
                {
                    when: { field: "priority", equals: "critical" },
                    require: { field: "status", equals: "active" },
                    message: "critical tickets need an active owner",
                },
            ],
        });
        const set = new genesys.DataRecordSet("tickets", { schema: tickets, file: csvPath }, { dependsOn: [customer] });
        return {
            customers: customers.schemaId,
            tickets: tickets.schemaId,
            ticketFields: tickets.fields,
            count: set.recordCount,
            versions: set.recordVersions,
            customerVersion: customer.version,
        };
    };
    const schemas = async () => (await stack.platform.get(`${SCHEMAS}?pageSize=100`)).body.entities as JsonBody[];
    const schemaNamed = async (prefix: string) => (await schemas()).find((s) => s.name.startsWith(prefix));
    const recordPuts = () => stack.emulator.stats().perPath[RECORD_PUT] ?? 0;
    const records = async (schemaId: string) =>
        (await stack.platform.get(`${SCHEMAS}/${schemaId}/records?pageSize=100`)).body.entities as JsonBody[];

    before(async () => {
        // A generous platform rate limit keeps the test fast; the client adapts to the limit the platform announces.
        stack = await startEmulatedStack({ emulator: { rateLimitPerMinute: 20_000 } });
        dir = mkdtempSync(path.join(tmpdir(), "data-records-e2e-"));
        csvPath = path.join(dir, "tickets.csv");
        rows = Array.from({ length: TICKETS }, (_, i) => [
            `t-${i}`,
            i === 0 ? "critical" : "low",
            i === 0 ? "active" : "open",
            "c-1",
        ]);
        writeCsv();
        ticketFields = [
            { name: "priority", type: "string" },
            { name: "status", type: "string", required: true, maxLength: 10 },
            { name: "customer", type: "string", referentialSchemaId: "set-by-program" },
        ];
        customerData = { email: "ana@example.com" };
    });
    after(async () => {
        await stack.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it("previews without touching the platform", async () => {
        const run = await stack.run(program, { preview: true });
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["create", "create", "create", "create"],
        );
        assert.deepEqual(await schemas(), []);
    });

    it("creates the schemas, the record and every record of the file", async () => {
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["create", "create", "create", "create"],
        );
        const tickets = await schemaNamed("tickets-");
        assert.match(tickets.name, /^tickets-[0-9a-f]{7}$/);
        assert.equal(tickets.fields[2].referentialSchemaId, run.exports.customers);
        assert.deepEqual(
            (await records(run.exports.customers as string)).map((r) => [r.id, r.email]),
            [["c-1", "ana@example.com"]],
        );
        const live = await records(tickets.id);
        assert.equal(live.length, TICKETS);
        assert.equal(run.exports.count, TICKETS);
        assert.deepEqual(
            live.find((r) => r.id === "t-0"),
            {
                ...live.find((r) => r.id === "t-0"),
                priority: "critical",
                status: "active",
                customer: "c-1",
                version: 1,
            },
        );
    });

    it("shows no change on an unchanged second run", async () => {
        const run = await stack.run(program, { preview: true });
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["same", "same", "same", "same"],
        );
    });

    it("adds a field in place and writes only the one record whose row changed", async () => {
        ticketFields = [...ticketFields, { name: "notes", type: "string" }];
        rows[7] = ["t-7", "low", "closed", "c-1"];
        writeCsv();
        const putsBefore = recordPuts();
        const run = await stack.run(program);
        // Steps come in the engine's order, one resource at a time: compare them by kind.
        assert.deepEqual(
            run.steps.map((s) => `${s.type.split(":").pop()} ${s.op}`).sort(),
            ["DataRecord same", "DataRecordSet update", "DataSchema same", "DataSchema update"],
            "the record ignores its schema's new field",
        );
        assert.equal(recordPuts() - putsBefore, 1, `one record of ${TICKETS} changed, so one record is written`);
        const tickets = await schemaNamed("tickets-");
        assert.equal(tickets.version, 2);
        const live = await records(tickets.id);
        assert.deepEqual(
            live.filter((r) => r.version > 1).map((r) => [r.id, r.status, r.version]),
            [["t-7", "closed", 2]],
        );
        assert.equal((run.exports.versions as Record<string, number>)["t-7"], 2);
    });

    it("fails a record that breaks the schema at preview, naming data.<field>", async () => {
        const record = stack.engine.resources().find((r) => r.type.endsWith("DataRecord"));
        assert.ok(record);
        const steps = await stack.engine.preview([
            {
                type: record.type,
                name: "bad",
                inputs: { ...record.inputs, key: "c-2", data: { email: "not-an-email", phone: "1" } },
            },
        ]);
        assert.deepEqual(steps.flatMap((s) => s.failures.map((f) => f.property)).sort(), ["data.email", "data.phone"]);

        rows[3] = ["t-3", "critical", "open", "c-1"];
        writeCsv();
        await assert.rejects(
            stack.run(program, { preview: true }),
            /tickets.csv line 5 \(key "t-3"\): data.status must equal "active" when data.priority equals "critical"/,
        );
        rows[3] = ["t-3", "low", "open", "c-1"];
        writeCsv();
    });

    it("reports per-record failures together and keeps the records that succeeded", async () => {
        rows.push(
            ["t-new-1", "low", "open", "c-1"],
            ["t-bad-1", "low", "open", "c-404"],
            ["t-bad-2", "low", "open", "c-405"],
        );
        writeCsv();
        await assert.rejects(stack.run(program), (err: Error) => {
            assert.match(err.message, /2 of 3 record changes failed/);
            assert.match(err.message, /record "t-bad-1": data.customer "c-404" matches no record/);
            assert.match(err.message, /record "t-bad-2": data.customer "c-405"/);
            return true;
        });
        const tickets = await schemaNamed("tickets-");
        assert.ok(
            (await records(tickets.id)).some((r) => r.id === "t-new-1"),
            "the good record was written",
        );
        const state = stack.engine.resources().find((r) => r.type.endsWith("DataRecordSet"));
        assert.ok(state);
        assert.equal(
            (state.outputs.recordVersions as Record<string, number>)["t-new-1"],
            1,
            "the stack knows the record that succeeded",
        );
        assert.equal((state.outputs.recordHashes as Record<string, string>)["t-bad-1"], undefined);

        rows = rows.map((r) => (r[3].startsWith("c-40") ? [r[0], r[1], r[2], "c-1"] : r));
        writeCsv();
        const putsBefore = recordPuts();
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["same", "same", "same", "update"],
        );
        assert.equal(run.exports.count, TICKETS + 3);
        assert.equal(recordPuts() - putsBefore, 2, "only the two failed records are written again");
    });

    it("drops records deleted outside Pulumi on refresh and writes them again on the next up", async () => {
        const tickets = await schemaNamed("tickets-");
        assert.equal(await stack.platform.remove(`${SCHEMAS}/${tickets.id}/records/t-5`), 204);
        await stack.engine.refresh();
        const state = stack.engine.resources().find((r) => r.type.endsWith("DataRecordSet"));
        assert.equal(state?.outputs.recordCount, TICKETS + 2);
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["same", "same", "same", "update"],
        );
        assert.ok((await records(tickets.id)).some((r) => r.id === "t-5"));
    });

    it("replaces the schema, and the set with it, when a field is removed", async () => {
        const old = await schemaNamed("tickets-");
        // Another field comes in too: back to exactly the fields it was created with, it would keep its name (and be
        // deleted first, see the DataSchema diff tests).
        ticketFields = [...ticketFields.filter((f) => f.name !== "notes"), { name: "summary", type: "string" }];
        const run = await stack.run(program);
        // Steps of independent resources end in any order; the deletes come after every registration.
        const ops = run.steps.map((s) => s.op);
        assert.deepEqual(ops.slice(0, 4).sort(), ["replace", "replace", "same", "same"]);
        assert.deepEqual(ops.slice(4), ["delete", "delete"], "create the replacements, then delete the old");
        const tickets = (await schemas()).filter((s) => s.name.startsWith("tickets-"));
        assert.equal(tickets.length, 1, "the old schema is deleted after its replacement exists");
        assert.notEqual(tickets[0].id, old.id);
        assert.notEqual(tickets[0].name, old.name);
        assert.equal((await records(tickets[0].id)).length, TICKETS + 3);
    });

    it("destroys everything, and a second destroy finds nothing to do", async () => {
        await stack.engine.destroy();
        assert.deepEqual(await schemas(), []);
        assert.deepEqual(await stack.engine.destroy(), []);
    });
});
