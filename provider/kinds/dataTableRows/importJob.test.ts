import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ApiClient } from "../../client/apiClient";
import { GenesysApiError } from "../../client/apiError";
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
        const platform = fakePlatform({ polls: ["Processing", "Processing", "Succeeded"] });
        const waits: number[] = [];
        const outcome = await runImport(platform.client, "t1", "Append", "key\r\nq-1", async (ms) => {
            waits.push(ms);
        });
        assert.equal(outcome.job.status, "Succeeded");
        assert.deepEqual([...outcome.rowErrors], [["q-2", "Line 3: priority must be an integer"]]);
        assert.deepEqual(platform.calls, [
            `POST /api/v2/flows/datatables/t1/import/csv/jobs {"importMode":"Append","name":"${platform.jobName()}"}`,
            "upload https://up/x?sig=s text/csv key\r\nq-1",
            "GET /api/v2/flows/datatables/t1/import/jobs/j1",
            "GET /api/v2/flows/datatables/t1/import/jobs/j1",
            "GET /api/v2/flows/datatables/t1/import/jobs/j1",
        ]);
        assert.match(platform.jobName(), /^pulumi-import-[0-9a-f-]{36}$/);
        assert.equal(waits.length, 2, "one wait between polls");
        assert.ok(waits[1] > waits[0], "the waits grow");
    });

    it("takes up the job it created when the create's response was lost: one job, found by its name", async () => {
        const platform = fakePlatform({ polls: ["Succeeded"], createLost: true });
        const outcome = await runImport(platform.client, "t1", "Append", "key", async () => undefined);
        assert.equal(outcome.job.status, "Succeeded");
        assert.equal(platform.calls.filter((call) => call.startsWith("POST")).length, 1);
        assert.ok(platform.calls.includes("LIST /api/v2/flows/datatables/t1/import/jobs"));
    });

    it("goes on when the upload's response was lost but the job took the file, and fails when it did not", async () => {
        const landed = fakePlatform({ polls: ["Processing", "Succeeded"], uploadLost: true });
        assert.equal(
            (await runImport(landed.client, "t1", "Append", "key", async () => undefined)).job.status,
            "Succeeded",
        );

        // The job may show the file a moment late: it is read again through the window before the error stands.
        const late = fakePlatform({ polls: ["WaitingForUpload", "Processing", "Succeeded"], uploadLost: true });
        assert.equal(
            (await runImport(late.client, "t1", "Append", "key", async () => undefined)).job.status,
            "Succeeded",
        );

        const notLanded = fakePlatform({ polls: Array(8).fill("WaitingForUpload"), uploadLost: true });
        await assert.rejects(
            runImport(notLanded.client, "t1", "Append", "key", async () => undefined),
            /upload lost/,
        );
    });

    it("keeps polling through a 404 while the job is new, and says when a job stays missing", async () => {
        const lagging = fakePlatform({ polls: [undefined, "Succeeded"] });
        assert.equal(
            (await runImport(lagging.client, "t1", "Append", "key", async () => undefined)).job.status,
            "Succeeded",
        );

        const gone = fakePlatform({
            polls: [undefined, undefined, undefined, undefined, undefined, undefined, undefined],
        });
        await assert.rejects(
            runImport(gone.client, "t1", "Append", "key", async () => undefined),
            /import job j1 of table t1 disappeared before it finished/,
        );
    });
});

/**
 * The platform's side of one import: the job's statuses as polled in turn (undefined answers 404), and which
 * responses are lost (a lost one has still taken effect).
 */
function fakePlatform(script: { polls: (string | undefined)[]; createLost?: boolean; uploadLost?: boolean }) {
    const calls: string[] = [];
    let sent: { importMode: string; name: string } | undefined;
    const job = () => ({
        id: "j1",
        name: sent?.name,
        status: "WaitingForUpload",
        uploadURI: "https://up/x?sig=s",
        uploadHeaders: { "Content-Type": "text/csv" },
    });
    const lost = (method: string, reason: string) =>
        new GenesysApiError({ method, path: "/x", status: 0, reason, ambiguous: true });
    const client = {
        readAfterWriteMs: 5,
        async post(path: string, body: { importMode: string; name: string }) {
            calls.push(`POST ${path} ${JSON.stringify(body)}`);
            sent = body;
            if (script.createLost) throw lost("POST", "create lost");
            return job();
        },
        async listPages(path: string) {
            calls.push(`LIST ${path}`);
            return sent ? [job()] : [];
        },
        async upload(url: string, headers: Record<string, string>, body: string) {
            calls.push(`upload ${url} ${headers["Content-Type"]} ${body}`);
            if (script.uploadLost) throw lost("PUT", "upload lost");
        },
        async get(path: string) {
            calls.push(`GET ${path}`);
            const status = script.polls.shift();
            if (status === undefined)
                throw new GenesysApiError({ method: "GET", path, status: 404, reason: "not found", ambiguous: false });
            return {
                status,
                errorInformation: {
                    message: "1 row failed",
                    errors: [{ message: "Line 3: priority must be an integer", entityId: "q-2" }],
                },
            };
        },
    } as unknown as ApiClient;
    return { client, calls, jobName: () => sent?.name ?? "" };
}
