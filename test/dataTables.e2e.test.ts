import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import type { Models } from "purecloud-platform-client-v2";
import { call, tokenFor } from "./emulatorClient";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";

const TABLES = "/api/v2/flows/datatables";
const QUEUES = 12;
const ROW_PUT = "PUT /api/v2/flows/datatables/{datatableId}/rows/{rowId}";

describe("DataTable, DataTableRow and DataTableRows end to end (program → real host → emulator)", () => {
    let stack: EmulatedStack;
    let dir: string;
    let csvPath: string;
    let lines: string[][];
    let fields: genesys.DataTableField[];
    let hotlineData: Record<string, unknown>;
    let importMode: "ReplaceAll" | "Append" | undefined;
    const writeCsv = () =>
        writeFileSync(csvPath, ["key,queueName,priority,active", ...lines.map((l) => l.join(","))].join("\n"));

    const program = () => {
        const table = new genesys.DataTable("queues", {
            description: "routing queues",
            fields,
            clientValidation: {
                fields: { queueName: { required: true, pattern: "^[A-Z]" } },
                rules: [{ when: { field: "priority", equals: 1 }, require: { field: "active", equals: true } }],
            },
        });
        const hotline = new genesys.DataTableRow("hotline", { table, key: "hotline", data: hotlineData });
        const rows = new genesys.DataTableRows("queue-rows", { table, file: csvPath, importMode });
        return { tableId: table.datatableId, count: rows.rowCount, hotline: hotline.data };
    };
    const tables = async () => (await stack.platform.get(`${TABLES}?pageSize=100`)).body.entities as Models.DataTable[];
    const table = async () => {
        const [only] = await tables();
        return (await stack.platform.get(`${TABLES}/${only.id}?expand=schema`)).body as Required<Models.DataTable> & {
            schema: { properties: Record<string, { type: string; title?: string }> };
        };
    };
    const rows = async (tableId: string) =>
        (await stack.platform.get(`${TABLES}/${tableId}/rows?pageSize=100&showbrief=false`)).body.entities as Record<
            string,
            unknown
        >[];
    const rowOf = (held: Record<string, unknown>[], key: string) => {
        const found = held.find((r) => r.key === key);
        assert.ok(found, `row ${key} is on the platform`);
        return found;
    };
    const stateOf = (kind: string) => {
        const found = stack.engine.resources().find((r) => r.type.endsWith(`:${kind}`));
        assert.ok(found, `the stack holds a ${kind}`);
        return found.outputs as Record<string, Record<string, unknown>>;
    };
    const rowPuts = () => stack.emulator.stats().perPath[ROW_PUT] ?? 0;
    const ops = (run: { steps: { op: string }[] }) => run.steps.map((s) => s.op);
    /** Steps finish in any order: name → operation. */
    const opsByName = (run: { steps: { urn: string; op: string }[] }) =>
        Object.fromEntries(run.steps.map((s) => [s.urn.split("::").pop(), s.op]));

    before(async () => {
        stack = await startEmulatedStack({ emulator: { rateLimitPerMinute: 20_000 } });
        dir = mkdtempSync(path.join(tmpdir(), "data-tables-e2e-"));
        csvPath = path.join(dir, "queues.csv");
        lines = Array.from({ length: QUEUES }, (_, i) => [`q-${i}`, `Queue ${i}`, String(i + 2), "true"]);
        writeCsv();
        fields = [
            { name: "key", type: "string" },
            { name: "queueName", type: "string", title: "Queue name" },
            { name: "priority", type: "integer", default: 5 },
            { name: "active", type: "boolean" },
        ];
        hotlineData = { queueName: "Hotline", priority: 1, active: true };
    });
    after(async () => {
        await stack.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it("previews without touching the platform", async () => {
        assert.deepEqual(ops(await stack.run(program, { preview: true })), ["create", "create", "create"]);
        assert.deepEqual(await tables(), []);
    });

    it("creates the table, the row and every row of the file", async () => {
        const run = await stack.run(program);
        assert.deepEqual(ops(run), ["create", "create", "create"]);
        const live = await table();
        assert.match(live.name, /^queues-[0-9a-f]{7}$/);
        assert.equal(live.description, "routing queues");
        assert.deepEqual(Object.keys(live.schema.properties), ["key", "queueName", "priority", "active"]);
        assert.equal(live.schema.properties.queueName.title, "Queue name");
        const held = await rows(live.id);
        assert.equal(held.length, QUEUES + 1);
        assert.deepEqual(rowOf(held, "hotline"), { key: "hotline", queueName: "Hotline", priority: 1, active: true });
        assert.equal(run.exports.count, QUEUES);
        assert.equal(run.exports.tableId, live.id);
    });

    it("shows no change on an unchanged second run", async () => {
        assert.deepEqual(ops(await stack.run(program, { preview: true })), ["same", "same", "same"]);
    });

    it("adds a field in place, updates the row, and writes only the one row of the file that changed", async () => {
        const before = await table();
        fields = [...fields, { name: "notes", type: "string" }];
        hotlineData = { queueName: "Hotline", priority: 1, active: true, notes: "24/7" };
        lines[4] = ["q-4", "Queue 4", "9", "false"];
        writeCsv();
        const putsBefore = rowPuts();
        const run = await stack.run(program);
        assert.deepEqual(ops(run), ["update", "update", "update"]);
        const live = await table();
        assert.equal(live.id, before.id, "adding a field keeps the table");
        assert.equal(live.schema.properties.notes.type, "string");
        assert.equal(rowPuts() - putsBefore, 2, "the hotline row and the one changed row of the file are written");
        const held = await rows(live.id);
        assert.equal(rowOf(held, "hotline").notes, "24/7");
        assert.deepEqual(rowOf(held, "q-4"), {
            key: "q-4",
            queueName: "Queue 4",
            priority: 9,
            active: false,
            notes: "",
        });
        assert.deepEqual(ops(await stack.run(program, { preview: true })), ["same", "same", "same"]);
    });

    it("validates rows at preview against the table's fields and client-side rules, naming each property", async () => {
        const row = stack.engine.resources().find((r) => r.type.endsWith(":DataTableRow"));
        assert.ok(row);
        const steps = await stack.engine.preview([
            {
                type: row.type,
                name: "bad",
                inputs: { ...row.inputs, key: "bad", data: { queueName: "lower", priority: "high", colour: "red" } },
            },
        ]);
        assert.deepEqual(steps.flatMap((s) => s.failures.map((f) => f.property)).sort(), [
            "data.colour",
            "data.priority",
            "data.queueName",
        ]);
        lines[2] = ["q-2", "Queue 2", "1", "false"];
        writeCsv();
        await assert.rejects(
            stack.run(program, { preview: true }),
            /queues.csv line 4 \(key "q-2"\): data.active must equal true when data.priority equals 1/,
        );
        lines[2] = ["q-2", "Queue 2", "4", "true"];
        writeCsv();
    });

    it("refuses to overwrite a row changed outside Pulumi, and converges after a refresh", async () => {
        const live = await table();
        const edited = { key: "hotline", queueName: "Hotline", priority: 2, active: true, notes: "24/7" };
        assert.equal((await stack.platform.put(`${TABLES}/${live.id}/rows/hotline`, edited)).status, 200);
        hotlineData = { ...hotlineData, notes: "always open" };
        await assert.rejects(stack.run(program), /changed outside Pulumi.*pulumi refresh/s);
        assert.equal(rowOf(await rows(live.id), "hotline").priority, 2, "nothing overwritten");
        await stack.engine.refresh();
        assert.equal(stateOf("DataTableRow").data.priority, 2, "refresh shows the drift");
        const run = await stack.run(program);
        assert.deepEqual(opsByName(run), { queues: "same", hotline: "update", "queue-rows": "same" });
        assert.deepEqual(run.exports.hotline, hotlineData);
    });

    it("refuses to overwrite a table changed outside Pulumi, and converges after a refresh", async () => {
        const live = await table();
        const { id: _id, selfUri: _selfUri, ...body } = live;
        assert.equal(
            (await stack.platform.put(`${TABLES}/${live.id}`, { ...body, description: "edited" })).status,
            200,
        );
        fields = fields.map((f) => (f.name === "notes" ? { ...f, title: "Notes" } : f));
        await assert.rejects(stack.run(program), /data table .* was changed outside Pulumi \(description/s);
        await stack.engine.refresh();
        const run = await stack.run(program);
        assert.deepEqual(opsByName(run), { queues: "update", hotline: "same", "queue-rows": "same" });
        const after = await table();
        assert.equal(after.description, "routing queues");
        assert.equal(after.schema.properties.notes.title, "Notes");
    });

    it("keeps the rows that succeeded and names the rows that failed", async () => {
        const live = await table();
        const taken = { key: "q-taken", queueName: "Someone else's", priority: 3, active: true };
        const token = await tokenFor(stack.emulator.url);
        const posted = await call(stack.emulator.url, token, "POST", `${TABLES}/${live.id}/rows`, taken);
        assert.equal(posted.status, 200, "another tool creates the row first");
        lines.push(["q-new", "New queue", "3", "true"], ["q-taken", "Mine", "3", "true"]);
        writeCsv();
        await assert.rejects(stack.run(program), (err: Error) => {
            assert.match(err.message, /1 of 2 row changes failed: row "q-taken": .*already exists/);
            return true;
        });
        const { rowHashes } = stateOf("DataTableRows");
        assert.ok(rowHashes["q-new"], "the stack keeps the row written");
        assert.equal(rowHashes["q-taken"], undefined);
        assert.equal(await stack.platform.remove(`${TABLES}/${live.id}/rows/q-taken`), 204);
        const run = await stack.run(program);
        assert.deepEqual(opsByName(run), { queues: "same", hotline: "same", "queue-rows": "update" });
        assert.equal(rowOf(await rows(live.id), "q-taken").queueName, "Mine");
    });

    it("loads through the platform's CSV import job, polling it to completion", async () => {
        const live = await table();
        importMode = "Append";
        lines[0] = ["q-0", "Queue zero", "2", "true"];
        lines.push(["q-imported", "Imported", "7", "true"]);
        writeCsv();
        const putsBefore = rowPuts();
        const run = await stack.run(program);
        assert.deepEqual(opsByName(run), { queues: "same", hotline: "same", "queue-rows": "update" });
        assert.equal(rowPuts(), putsBefore, "no row was written one by one");
        const jobs = (await stack.platform.get(`${TABLES}/${live.id}/import/jobs`)).body
            .entities as Models.DataTableImportJob[];
        assert.deepEqual(
            jobs.map((j) => [j.status, j.importMode, j.countRecordsUpdated]),
            [["Succeeded", "Append", 2]],
        );
        const held = await rows(live.id);
        assert.equal(rowOf(held, "q-0").queueName, "Queue zero");
        assert.equal(rowOf(held, "q-imported").priority, 7);

        importMode = "ReplaceAll";
        lines = lines.filter((l) => l[0] !== "q-11");
        writeCsv();
        await stack.run(program);
        const replaced = await rows(live.id);
        assert.equal(replaced.length, lines.length, "ReplaceAll leaves exactly the file's rows");
        assert.ok(!replaced.some((r) => r.key === "hotline"), "including rows managed elsewhere");
        importMode = undefined;
        await stack.engine.refresh();
        assert.deepEqual(opsByName(await stack.run(program)), {
            queues: "same",
            hotline: "create",
            "queue-rows": "same",
        });
    });

    it("drops rows deleted outside Pulumi on refresh and writes them again on the next up", async () => {
        const live = await table();
        assert.equal(await stack.platform.remove(`${TABLES}/${live.id}/rows/q-5`), 204);
        assert.equal(await stack.platform.remove(`${TABLES}/${live.id}/rows/hotline`), 204);
        const refresh = await stack.engine.refresh();
        assert.deepEqual(
            refresh.filter((s) => s.op === "delete").map((s) => s.urn.split("::").pop()),
            ["hotline"],
        );
        assert.equal(stateOf("DataTableRows").rowCount, lines.length - 1);
        assert.deepEqual(opsByName(await stack.run(program)), {
            queues: "same",
            hotline: "create",
            "queue-rows": "update",
        });
        const held = await rows(live.id);
        assert.ok(held.some((r) => r.key === "q-5"));
        assert.ok(held.some((r) => r.key === "hotline"));
    });

    it("replaces the table, and its rows with it, when a field is retyped", async () => {
        const old = await table();
        fields = fields.map((f) => (f.name === "priority" ? { ...f, type: "number" } : f));
        const run = await stack.run(program);
        assert.deepEqual(ops(run), ["replace", "replace", "replace", "delete", "delete", "delete"]);
        const [only, ...others] = await tables();
        assert.deepEqual(others, [], "the old table is deleted after its replacement exists");
        assert.notEqual(only.id, old.id);
        assert.equal((await rows(String(only.id))).length, lines.length + 1);
    });

    it("replaces the table when a field is removed", async () => {
        const old = await table();
        fields = fields.filter((f) => f.name !== "notes");
        hotlineData = { queueName: "Hotline", priority: 1, active: true };
        const run = await stack.run(program);
        assert.deepEqual(ops(run), ["replace", "replace", "replace", "delete", "delete", "delete"]);
        assert.notEqual((await table()).id, old.id);
    });

    it("destroys everything, and a second destroy finds nothing to do", async () => {
        await stack.engine.destroy();
        assert.deepEqual(await tables(), []);
        assert.deepEqual(await stack.engine.destroy(), []);
    });
});
