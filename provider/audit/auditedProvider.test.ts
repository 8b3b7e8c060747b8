import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, it } from "node:test";
import type { KindProvider } from "../kindProvider";
import { PartialFailure } from "../lifecycle/partialFailure";
import { auditedProvider } from "./auditedProvider";
import type { AuditRecord } from "./auditRecord";
import { AuditTrail } from "./auditTrail";
import { observeCall } from "./callTracker";
import { canonicalRequest, sha256Hex } from "./requestHash";

const HOOK_SECRET = "webhook-signing-secret-9f8e7d";
const CLIENT_SECRET = "oauth-client-secret-1a2b3c";

const temps: string[] = [];
afterEach(() => {
    for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audited-"));
    temps.push(dir);
    return dir;
}

function readRecords(dir: string): AuditRecord[] {
    return fs
        .readdirSync(dir)
        .sort()
        .flatMap((file) => fs.readFileSync(path.join(dir, file), "utf8").trim().split("\n"))
        .map((line) => JSON.parse(line) as AuditRecord);
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A provider whose API calls are reported as the client reports them, after awaits, like real ones. */
function fakeProvider(): KindProvider {
    const unused = async () => {
        throw new Error("not used");
    };
    return {
        secretFields: ["secret"],
        configure: async () => undefined,
        check: unused,
        diff: unused,
        read: unused,
        async create(inputs) {
            await tick();
            observeCall({ status: 200, attempts: 1, correlationId: `list-${inputs.__resourceName}` });
            await tick();
            observeCall({ status: 201, attempts: 3, correlationId: `post-${inputs.__resourceName}` });
            return { id: `id-${inputs.__resourceName}`, outs: {} };
        },
        async update() {
            await tick();
            observeCall({ status: 409, attempts: 1, correlationId: "corr-409" });
            // The versioned update re-reads the object to explain the conflict, then fails with its own error.
            observeCall({ status: 200, attempts: 1, correlationId: "corr-reread" });
            throw new Error(`the webhook changed outside Pulumi (conflict while sending ${HOOK_SECRET})`);
        },
        async delete() {
            throw new PartialFailure(`2 of 3 records failed (client ${CLIENT_SECRET})`, "schema-1/set-1", {}, []);
        },
    };
}

function clock(...times: string[]): () => Date {
    return () => new Date(times.length > 1 ? (times.shift() as string) : times[0]);
}

describe("audited provider", () => {
    it("records each operation with its own calls, even when operations run concurrently", async () => {
        const dir = tempDir();
        const trail = new AuditTrail({ dir, redact: [] }, { now: clock("2025-03-10T08:00:00.000Z") });
        const provider = auditedProvider("Webhook", fakeProvider(), () => trail);
        const inputs = (name: string) => ({
            __resourceName: name,
            __stack: "prod",
            __provider: "…",
            targetUrl: "https://h.example.com",
            secret: HOOK_SECRET,
        });
        const results = await Promise.all(["alpha", "beta", "gamma"].map((name) => provider.create(inputs(name))));
        assert.deepEqual(
            results.map((r) => r.id),
            ["id-alpha", "id-beta", "id-gamma"],
        );
        const records = readRecords(dir);
        assert.equal(records.length, 3);
        for (const record of records) {
            const name = record.resourceName as string;
            assert.deepEqual(record, {
                time: "2025-03-10T08:00:00.000Z",
                kind: "Webhook",
                resourceName: name,
                stack: "prod",
                platformId: `id-${name}`,
                operation: "create",
                outcome: "success",
                httpStatus: 201,
                attempts: 4,
                retries: 2,
                latencyMs: record.latencyMs,
                correlationId: `post-${name}`,
                requestSha256: sha256Hex(canonicalRequest({ targetUrl: "https://h.example.com" }, [])),
            });
            assert.ok(Number.isInteger(record.latencyMs) && record.latencyMs >= 0);
        }
    });

    it("records failed attempts with the failed call's status and correlation id, secrets scrubbed, and rethrows", async () => {
        const dir = tempDir();
        const trail = new AuditTrail({ dir, redact: [CLIENT_SECRET] }, { now: clock("2025-03-10T08:00:00.000Z") });
        const provider = auditedProvider("Webhook", fakeProvider(), () => trail);
        const props = { __resourceName: "hook", __stack: "prod", secret: HOOK_SECRET };
        await assert.rejects(provider.update("wh-1", props, props), /changed outside Pulumi/);
        await assert.rejects(provider.delete("schema-1/set-1", props), PartialFailure);
        const [update, remove] = readRecords(dir);
        assert.equal(update.operation, "update");
        assert.equal(update.outcome, "failure");
        assert.equal(update.platformId, "wh-1");
        assert.equal(update.httpStatus, 409);
        assert.equal(update.correlationId, "corr-409");
        assert.match(update.error ?? "", /conflict while sending \[secret\]/);
        assert.equal(remove.outcome, "failure");
        assert.equal(remove.httpStatus, null, "no call was made");
        assert.match(remove.error ?? "", /client \[secret\]/);
        const text = fs
            .readdirSync(dir)
            .map((file) => fs.readFileSync(path.join(dir, file), "utf8"))
            .join("");
        assert.equal(text.includes(HOOK_SECRET) || text.includes(CLIENT_SECRET), false);
    });

    it("rotates files by UTC day, following the clock", async () => {
        const dir = tempDir();
        const trail = new AuditTrail(
            { dir, redact: [] },
            { now: clock("2025-03-10T23:59:59.950Z", "2025-03-11T00:00:00.020Z", "2025-03-11T09:00:00.000Z") },
        );
        const provider = auditedProvider("Webhook", fakeProvider(), () => trail);
        for (const name of ["before-midnight", "after-midnight", "morning"])
            await provider.create({ __resourceName: name });
        assert.deepEqual(fs.readdirSync(dir).sort(), ["audit-20250310.jsonl", "audit-20250311.jsonl"]);
        const day = (file: string) =>
            fs
                .readFileSync(path.join(dir, file), "utf8")
                .trim()
                .split("\n")
                .map((line) => JSON.parse(line).resourceName);
        assert.deepEqual(day("audit-20250310.jsonl"), ["before-midnight"]);
        assert.deepEqual(day("audit-20250311.jsonl"), ["after-midnight", "morning"]);
    });

    it("keeps the operation's result when the receiver fails, and records the failed notification", async () => {
        const dir = tempDir();
        const warnings: string[] = [];
        const trail = new AuditTrail(
            { dir, redact: [], notify: { url: "http://127.0.0.1:1/audit", secret: "notify-secret-77" } },
            {
                now: clock("2025-03-10T08:00:00.000Z"),
                warn: (m) => warnings.push(m),
                notifier: { attempts: 2, minRetryDelayMs: 1, timeoutMs: 200 },
            },
        );
        const provider = auditedProvider("Webhook", fakeProvider(), () => trail);
        assert.equal((await provider.create({ __resourceName: "a" })).id, "id-a");
        assert.equal((await provider.create({ __resourceName: "b" })).id, "id-b");
        const records = readRecords(dir);
        assert.deepEqual(
            records.map((r) => `${r.resourceName} ${r.operation} ${r.outcome}`),
            ["a create success", "a notify failure", "b create success", "b notify failure"],
        );
        assert.equal(records[1].attempts, 2);
        assert.match(records[1].error ?? "", /could not be reached/);
        assert.equal(warnings.length, 1, "warned once, not per record");
    });

    it("passes checks, diffs and reads through unrecorded", async () => {
        const dir = tempDir();
        const calls: string[] = [];
        const inner: KindProvider = {
            ...fakeProvider(),
            check: async () => {
                calls.push("check");
                return { inputs: {}, failures: [] };
            },
            diff: async () => {
                calls.push("diff");
                return { changes: false, replaces: [], deleteBeforeReplace: false };
            },
            read: async () => {
                calls.push("read");
                return {};
            },
        };
        const provider = auditedProvider("Webhook", inner, () => new AuditTrail({ dir, redact: [] }));
        await provider.check({}, {});
        await provider.diff("x", {}, {});
        await provider.read("x", {});
        assert.deepEqual(calls, ["check", "diff", "read"]);
        assert.deepEqual(fs.readdirSync(dir), []);
    });
});
