import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, it } from "node:test";
import { AuditLog } from "./auditLog";
import type { AuditRecord } from "./auditRecord";

const temps: string[] = [];
function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-log-"));
    temps.push(dir);
    return dir;
}
afterEach(() => {
    for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function record(time: string, resourceName: string): AuditRecord {
    return {
        time,
        kind: "Webhook",
        resourceName,
        stack: "dev",
        platformId: "id-1",
        operation: "create",
        outcome: "success",
        httpStatus: 200,
        attempts: 1,
        retries: 0,
        latencyMs: 3,
        correlationId: null,
        requestSha256: "0".repeat(64),
    };
}

/** Appends `count` records of about 3 KB from a separate process, starting at `startAt` (epoch ms). */
function writerProcess(dir: string, writer: number, count: number, startAt: number): Promise<number> {
    const script = `
        const { AuditLog } = require(${JSON.stringify(path.join(__dirname, "auditLog.js"))});
        const log = new AuditLog(${JSON.stringify(dir)});
        while (Date.now() < ${startAt}) {}
        for (let seq = 0; seq < ${count}; seq += 1) {
            log.append({ time: "2025-03-10T12:00:00.000Z", kind: "DataRecordSet", resourceName: "w${writer}-" + seq, stack: "dev",
                platformId: null, operation: "update", outcome: "failure", httpStatus: 500, attempts: 3, retries: 2, latencyMs: seq,
                correlationId: null, requestSha256: "f".repeat(64), error: "${writer}".repeat(1900 + (seq % 100)) });
        }`;
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "ignore", "inherit"] });
        child.on("error", reject);
        child.on("exit", (code) => resolve(code ?? -1));
    });
}

describe("AuditLog", () => {
    it("keeps every line whole when several processes append to the same file at once", async () => {
        const dir = tempDir();
        const writers = 4;
        const count = 800;
        const startAt = Date.now() + 400;
        const codes = await Promise.all(
            Array.from({ length: writers }, (_, writer) => writerProcess(dir, writer, count, startAt)),
        );
        assert.deepEqual(codes, [0, 0, 0, 0]);
        const lines = fs.readFileSync(path.join(dir, "audit-20250310.jsonl"), "utf8").split("\n");
        assert.equal(lines.pop(), "", "the file ends with a newline");
        assert.equal(lines.length, writers * count);
        const seen = new Set<string>();
        for (const line of lines) {
            const parsed = JSON.parse(line) as AuditRecord;
            const writer = /^w(\d)-/.exec(parsed.resourceName ?? "")?.[1];
            assert.ok(writer !== undefined);
            assert.equal(
                parsed.error,
                writer.repeat(parsed.error?.length ?? 0),
                "no other writer's bytes inside a line",
            );
            seen.add(parsed.resourceName as string);
        }
        assert.equal(seen.size, writers * count, "every record exactly once");
    });

    it("creates the directory and names each file after its records' UTC day", () => {
        const dir = path.join(tempDir(), "nested", "audit");
        const log = new AuditLog(dir);
        assert.equal(log.append(record("2025-03-10T23:59:59.999Z", "a")), true);
        assert.equal(log.append(record("2025-03-11T00:00:00.000Z", "b")), true);
        assert.deepEqual(fs.readdirSync(dir).sort(), ["audit-20250310.jsonl", "audit-20250311.jsonl"]);
    });

    it("makes the directory again when it is removed between two lines", () => {
        const dir = path.join(tempDir(), "audit");
        const log = new AuditLog(dir);
        assert.equal(log.append(record("2025-03-10T10:00:00.000Z", "a")), true);
        fs.rmSync(dir, { recursive: true });
        assert.equal(log.append(record("2025-03-10T10:00:01.000Z", "b")), true);
        const lines = fs.readFileSync(path.join(dir, "audit-20250310.jsonl"), "utf8").trim().split("\n");
        assert.deepEqual(
            lines.map((line) => JSON.parse(line).resourceName),
            ["b"],
        );
    });

    it("warns once and carries on when the directory cannot be written", () => {
        const blocker = path.join(tempDir(), "not-a-directory");
        fs.writeFileSync(blocker, "");
        const warnings: string[] = [];
        const log = new AuditLog(path.join(blocker, "audit"), (message) => warnings.push(message));
        assert.equal(log.append(record("2025-03-10T10:00:00.000Z", "a")), false);
        assert.equal(log.append(record("2025-03-10T10:00:01.000Z", "b")), false);
        assert.equal(warnings.length, 1);
        assert.match(
            warnings[0],
            /cannot write .*audit-20250310\.jsonl \(ENOTDIR.*the deployment goes on.*genesys:auditDir/,
        );
    });

    it("warns and carries on when the disk is full", {
        skip: fs.existsSync("/dev/full") ? false : "no /dev/full on this system",
    }, () => {
        const dir = tempDir();
        fs.symlinkSync("/dev/full", path.join(dir, "audit-20250310.jsonl"));
        const warnings: string[] = [];
        const log = new AuditLog(dir, (message) => warnings.push(message));
        assert.equal(log.append(record("2025-03-10T10:00:00.000Z", "a")), false);
        assert.match(warnings[0] ?? "", /ENOSPC/);
    });

    it("bounds a long error text so a line stays one small write", () => {
        const dir = tempDir();
        new AuditLog(dir).append({
            ...record("2025-03-10T10:00:00.000Z", "a"),
            outcome: "failure",
            error: "x".repeat(50_000),
        });
        const [line] = fs.readFileSync(path.join(dir, "audit-20250310.jsonl"), "utf8").split("\n");
        assert.ok(line.length < 3000, `line of ${line.length} characters`);
        assert.match(JSON.parse(line).error, /^x+…$/);
    });
});
