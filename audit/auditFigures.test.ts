import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { auditFigures, percentile } from "./auditFigures";
import { parseSince } from "./cliArgs";
import { readAuditLog } from "./readAuditLog";

// The committed fixture: two days of a `prod` stack. RecordingPolicy: 20 operations with latencies 10..200 ms
// (step 10), one failed create, retries 1+1+1+2; Webhook: 10 operations, 5..50 ms (step 5), one failed update,
// one retry; DataRecordSet: 4 operations of 100, 300, 500 and 700 ms, 3 retries; 2 failed notifications; 1 torn line.
const FIXTURES = path.join(__dirname, "..", "..", "audit", "fixtures");
const CLI = path.join(__dirname, "cli.js");

describe("audit report figures on the committed fixture", () => {
    it("counts operations, success rates, latency percentiles, retries and verdicts per kind and overall", () => {
        const log = readAuditLog(FIXTURES);
        assert.equal(log.files.length, 2);
        assert.equal(log.unreadableLines, 1);
        const figures = auditFigures(log.records, { unreadableLines: log.unreadableLines });
        const byKind = Object.fromEntries(figures.kinds.map((f) => [f.kind, f]));
        assert.deepEqual(Object.keys(byKind), ["DataRecordSet", "RecordingPolicy", "Webhook"]);

        // 19 of 20: exactly the 95% threshold passes.
        assert.deepEqual(byKind.RecordingPolicy, {
            kind: "RecordingPolicy",
            operations: 20,
            successes: 19,
            failures: 1,
            successRate: 95,
            latencyMs: { mean: 105, p95: 190, p99: 200 },
            retries: 5,
            verdict: "PASS",
        });
        assert.deepEqual(byKind.Webhook, {
            kind: "Webhook",
            operations: 10,
            successes: 9,
            failures: 1,
            successRate: 90,
            latencyMs: { mean: 27.5, p95: 50, p99: 50 },
            retries: 1,
            verdict: "WARNING",
        });
        assert.deepEqual(byKind.DataRecordSet.latencyMs, { mean: 400, p95: 700, p99: 700 });
        assert.equal(byKind.DataRecordSet.verdict, "PASS");
        // 32 of 34 = 94.12%; the mean is 3975 / 34; p95 is the 33rd of 34 sorted latencies (500), p99 the 34th.
        assert.deepEqual(figures.overall, {
            kind: "overall",
            operations: 34,
            successes: 32,
            failures: 2,
            successRate: 94.12,
            latencyMs: { mean: 116.9, p95: 500, p99: 700 },
            retries: 9,
            verdict: "WARNING",
        });
        // 16 recording-policy creates/updates, the failed create never got an id.
        assert.deepEqual(figures.integrity, { deployments: 16, passed: 15, rate: 93.75 });
        assert.equal(figures.notificationFailures, 2);
        assert.equal(figures.from, "2025-03-10T09:00:00.000Z");
        assert.equal(figures.to, "2025-03-11T11:01:00.000Z");
    });

    it("--since keeps the later operations only (and skips the earlier day's file)", () => {
        const since = parseSince("2025-03-11", new Date());
        const log = readAuditLog(FIXTURES, since);
        assert.equal(log.files.length, 1);
        const figures = auditFigures(log.records, { since });
        assert.equal(figures.overall.operations, 17);
        assert.equal(figures.overall.successRate, 100);
        assert.equal(figures.overall.verdict, "PASS");
        assert.equal(figures.overall.retries, 7);
        assert.deepEqual(figures.overall.latencyMs, { mean: 173.5, p95: 700, p99: 700 });
        assert.deepEqual(figures.integrity, { deployments: 6, passed: 6, rate: 100 });
    });

    it("judges the verdict on the exact ratio, not the rounded one", () => {
        const record = (outcome: "success" | "failure") => ({
            time: "2025-03-10T00:00:00.000Z",
            kind: "Webhook",
            resourceName: "w",
            stack: "s",
            platformId: "p",
            operation: "create" as const,
            outcome,
            httpStatus: 200,
            attempts: 1,
            retries: 0,
            latencyMs: 1,
            correlationId: null,
            requestSha256: "",
        });
        // 1899 of 2000 = 94.95%, shown as 94.95 but a WARNING; 1900 of 2000 passes.
        const records = [
            ...Array.from({ length: 1899 }, () => record("success")),
            ...Array.from({ length: 101 }, () => record("failure")),
        ];
        assert.equal(auditFigures(records).overall.verdict, "WARNING");
        records[1999] = record("success");
        assert.equal(auditFigures(records).overall.verdict, "PASS");
    });

    it("takes nearest-rank percentiles", () => {
        assert.equal(percentile([], 95), null);
        assert.equal(percentile([7], 99), 7);
        assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95), 10);
        assert.equal(
            percentile(
                Array.from({ length: 100 }, (_, i) => i + 1),
                95,
            ),
            95,
        );
    });

    it("reads relative and absolute --since values, and refuses a time without a zone", () => {
        const now = new Date("2025-03-11T12:00:00Z");
        assert.equal(parseSince("12h", now).toISOString(), "2025-03-11T00:00:00.000Z");
        assert.equal(parseSince("1w", now).toISOString(), "2025-03-04T12:00:00.000Z");
        assert.equal(parseSince("2025-03-11T09:30:00+01:00", now).toISOString(), "2025-03-11T08:30:00.000Z");
        assert.throws(
            () => parseSince("2025-03-11T09:30:00", now),
            /--since "2025-03-11T09:30:00" is not .*with a zone/,
        );
    });
});

describe("genesys-pulumi audit report (the command)", () => {
    it("is the package's genesys-pulumi bin", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
        assert.equal(pkg.bin["genesys-pulumi"], "dist/audit/cli.js");
    });

    it("prints the table, and the same figures as JSON with --json", () => {
        const table = execFileSync(process.execPath, [CLI, "audit", "report", "--dir", FIXTURES], { encoding: "utf8" });
        assert.match(table, /^RecordingPolicy\s+20\s+95\.00%\s+105\s+190\s+200\s+5\s+PASS$/m);
        assert.match(table, /^overall\s+34\s+94\.12%\s+116\.9\s+500\s+700\s+9\s+WARNING$/m);
        assert.match(
            table,
            /^Recording-policy integrity: 93\.75% \(15 of 16 creates and updates confirmed with the policy's id\)$/m,
        );
        assert.match(table, /^Compliance verdict: WARNING \(PASS at a success rate of at least 95%, WARNING below\)$/m);
        const json = JSON.parse(
            execFileSync(
                process.execPath,
                [CLI, "audit", "report", "--dir", FIXTURES, "--json", "--since", "2025-03-11"],
                { encoding: "utf8" },
            ),
        );
        assert.equal(json.overall.operations, 17);
        assert.equal(json.since, "2025-03-11T00:00:00.000Z");
    });

    it("explains a wrong command, option or directory", () => {
        const wrong = spawnSync(process.execPath, [CLI, "audit", "summary"], { encoding: "utf8" });
        assert.equal(wrong.status, 2);
        assert.match(wrong.stderr, /the command is `genesys-pulumi audit report`/);
        const missing = spawnSync(
            process.execPath,
            [CLI, "audit", "report", "--dir", path.join(os.tmpdir(), "no-such-audit-dir-7a1")],
            { encoding: "utf8" },
        );
        assert.equal(missing.status, 1);
        assert.match(missing.stderr, /cannot read the audit directory .*pass --dir/);
        const option = spawnSync(process.execPath, [CLI, "audit", "report", "--since"], { encoding: "utf8" });
        assert.equal(option.status, 2);
        assert.match(option.stderr, /--since needs a value/);
    });
});
