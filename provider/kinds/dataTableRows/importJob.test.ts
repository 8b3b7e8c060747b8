import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ApiClient } from "../../client/apiClient";
import { csvText, runImport } from "./importJob";

describe("CSV import job", () => {
    it("writes the file the job takes: a header, quoted cells where needed, empty cells for absent values", () => {
        const text = csvText(
            ["key", "queueName", "active"],
            [
                { key: "a", queueName: 'Billing, "main"', active: true },
                { key: "b", queueName: " padded" },
            ],
        );
        assert.equal(text, 'key,queueName,active\r\na,"Billing, ""main""",true\r\nb," padded",');
    });

    it("uploads to the job's URL with its headers, polls until done and names the rows it refused", async () => {
        const calls: string[] = [];
        const statuses = ["Processing", "Processing", "Succeeded"];
        const client = {
            async request(method: string, path: string, options: { body: unknown; idempotent: boolean }) {
                calls.push(`${method} ${path} ${JSON.stringify(options)}`);
                return {
                    body: {
                        id: "j1",
                        status: "WaitingForUpload",
                        uploadURI: "https://up/x?sig=s",
                        uploadHeaders: { "Content-Type": "text/csv" },
                    },
                };
            },
            async upload(url: string, headers: Record<string, string>, body: string) {
                calls.push(`upload ${url} ${headers["Content-Type"]} ${body}`);
            },
            async get(path: string) {
                calls.push(`GET ${path}`);
                const status = statuses.shift();
                return {
                    status,
                    errorInformation: {
                        message: "1 row failed",
                        errors: [{ message: "Line 3: priority must be an integer", entityId: "q-2" }],
                    },
                };
            },
        } as unknown as ApiClient;
        const waits: number[] = [];
        const outcome = await runImport(client, "t1", "Append", "key\r\nq-1", async (ms) => {
            waits.push(ms);
        });
        assert.equal(outcome.job.status, "Succeeded");
        assert.deepEqual([...outcome.rowErrors], [["q-2", "Line 3: priority must be an integer"]]);
        assert.deepEqual(calls, [
            'POST /api/v2/flows/datatables/t1/import/csv/jobs {"body":{"importMode":"Append"},"idempotent":true}',
            "upload https://up/x?sig=s text/csv key\r\nq-1",
            "GET /api/v2/flows/datatables/t1/import/jobs/j1",
            "GET /api/v2/flows/datatables/t1/import/jobs/j1",
            "GET /api/v2/flows/datatables/t1/import/jobs/j1",
        ]);
        assert.equal(waits.length, 2, "one wait between polls");
        assert.ok(waits[1] > waits[0], "the waits grow");
    });
});
