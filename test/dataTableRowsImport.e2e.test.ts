import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import type { Models } from "purecloud-platform-client-v2";
import { toBody } from "../provider/kinds/dataTable/api";
import type { DataTableInputs } from "../provider/kinds/dataTable/schema";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";

const TABLES = "/api/v2/flows/datatables";
/** The platform's limit on rows per table. */
const ROW_LIMIT = 5000;

describe("DataTableRows through the CSV import job, when the platform takes the load only in part", () => {
    let stack: EmulatedStack;
    let tableId: string;
    const fields: genesys.DataTableField[] = [
        { name: "key", type: "string" },
        { name: "label", type: "string", default: "" },
    ];
    const program = () => {
        const rows = new genesys.DataTableRows("ours", {
            datatableId: tableId,
            fields,
            rows: [
                { key: "ours-1", data: { label: "first" } },
                { key: "ours-2", data: { label: "second" } },
            ],
            importMode: "Append",
        });
        return { count: rows.rowCount };
    };
    const rowHashes = () => stack.engine.resources()[0]?.outputs.rowHashes as Record<string, string> | undefined;

    before(async () => {
        stack = await startEmulatedStack({ emulator: { rateLimitPerMinute: 20_000 } });
        const body = toBody({ name: "shared routing", fields } as DataTableInputs);
        const table = await stack.platform.post(TABLES, body);
        assert.equal(table.status, 200, JSON.stringify(table.body));
        tableId = table.body.id;
        // Another tool has filled the table to one row short of the platform's limit.
        const job = (await stack.platform.post(`${TABLES}/${tableId}/import/csv/jobs`, { importMode: "Append" }))
            .body as Models.DataTableImportJob;
        const csv = ["key,label", ...Array.from({ length: ROW_LIMIT - 1 }, (_, i) => `other-${i},x`)].join("\n");
        const upload = await fetch(String(job.uploadURI), { method: "PUT", headers: job.uploadHeaders, body: csv });
        assert.ok(upload.ok);
        let status = "";
        while (status !== "Succeeded") {
            status = (await stack.platform.get(`${TABLES}/${tableId}/import/jobs/${job.id}`)).body.status;
            assert.notEqual(status, "Failed");
        }
    });
    after(() => stack.stop());

    it("keeps the row the job took, names the row it refused with the platform's reason, and converges later", async () => {
        await assert.rejects(stack.run(program), (err: Error) => {
            assert.match(err.message, /1 of 2 row changes failed: row "ours-2": .*limit of 5000 rows/);
            return true;
        });
        assert.deepEqual(Object.keys(rowHashes() ?? {}), ["ours-1"], "the stack holds the row that landed");
        const landed = await stack.platform.get(`${TABLES}/${tableId}/rows/ours-1?showbrief=false`);
        assert.equal(landed.body.label, "first");

        // Room is made outside Pulumi; an unchanged program then loads the refused row.
        assert.equal(await stack.platform.remove(`${TABLES}/${tableId}/rows/other-0`), 204);
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["update"],
        );
        assert.deepEqual(Object.keys(rowHashes() ?? {}).sort(), ["ours-1", "ours-2"]);
        assert.deepEqual(
            (await stack.run(program, { preview: true })).steps.map((s) => s.op),
            ["same"],
        );
    });
});
