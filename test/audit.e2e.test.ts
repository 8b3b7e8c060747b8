import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import { ALL_SCOPES } from "../emulator";
import type { AuditRecord } from "../provider/audit/auditRecord";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";
import { makeSecret } from "../harness/secrets";

const HOOK_SECRET = "audit-e2e-hook-secret-Q7xK2p";
const ROTATED_HOOK_SECRET = "audit-e2e-rotated-secret-Z3w9";
const CLIENT = { clientId: "audit-e2e-client", clientSecret: "audit-e2e-client-secret-Vb81", scopes: [...ALL_SCOPES] };
const NOTIFY_SECRET = "audit-e2e-notify-secret-Lm44";
const SECRETS = [HOOK_SECRET, ROTATED_HOOK_SECRET, CLIENT.clientSecret, NOTIFY_SECRET];
const WEBHOOKS = "/api/v2/webhooks";

/** The governance receiver: checks each POST's X-Signature itself and answers `status`. */
async function startReceiver(secret: string, status: number) {
    const received: { body: string; verified: boolean }[] = [];
    const server = http.createServer((req, res) => {
        let body = "";
        req.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        req.on("end", () => {
            const expected = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
            received.push({ body, verified: req.headers["x-signature"] === expected });
            res.writeHead(status).end();
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
        received,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/genesys-audit`,
        stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
}

function auditLines(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir)
        .filter((file) => /^audit-\d{8}\.jsonl$/.test(file))
        .sort()
        .flatMap((file) => fs.readFileSync(path.join(dir, file), "utf8").split("\n").filter(Boolean));
}

describe("audit trail end to end (program → real host → emulator)", () => {
    describe("a full lifecycle, notified to a receiver that verifies every signature", () => {
        let stack: EmulatedStack;
        let receiver: Awaited<ReturnType<typeof startReceiver>>;
        let hookSecret = HOOK_SECRET;
        let events = ["routing:strategy:updated"];
        let records = [{ key: "t-1", data: { status: "open" } }];
        const program = () => {
            const hook = new genesys.Webhook("dns-sync", {
                targetUrl: "https://dns.example.com/genesys",
                events,
                secret: hookSecret,
            });
            const schema = new genesys.DataSchema("tickets", {
                fields: [{ name: "status", type: "string", required: true }],
            });
            const set = new genesys.DataRecordSet("ticket-set", { schema, records });
            return { hook: hook.id, count: set.recordCount };
        };
        const auditDir = () => path.join(stack.project.dir, ".genesys-audit");

        before(async () => {
            receiver = await startReceiver(NOTIFY_SECRET, 204);
            stack = await startEmulatedStack({
                stack: "audit-e2e",
                emulator: { clients: [CLIENT] },
                config: {
                    "genesys:clientId": CLIENT.clientId,
                    "genesys:clientSecret": makeSecret(CLIENT.clientSecret),
                    "genesys:notifyUrl": receiver.url,
                    "genesys:notifySecret": makeSecret(NOTIFY_SECRET),
                },
            });
        });
        after(async () => {
            await stack.stop();
            await receiver.stop();
        });

        it("records every create, update, failed update and delete, beside the program by default", async () => {
            await stack.run(program);
            const created = stack.engine.resources();
            hookSecret = ROTATED_HOOK_SECRET;
            events = ["routing:strategy:updated", "architecture:region:healthchanged"];
            records = [...records, { key: "t-2", data: { status: "closed" } }];
            assert.deepEqual((await stack.run(program)).steps.map((s) => s.op).sort(), ["same", "update", "update"]);

            // Someone edits the webhook outside Pulumi: the next update is refused (409) and that attempt is recorded too.
            const hook = created.find((r) => r.type.endsWith(":Webhook"));
            assert.ok(hook);
            const live = (await stack.platform.get(`${WEBHOOKS}/${hook.id}`)).body;
            assert.equal((await stack.platform.put(`${WEBHOOKS}/${hook.id}`, { ...live, enabled: false })).status, 200);
            events = ["routing:strategy:updated"];
            await assert.rejects(stack.run(program), /changed outside Pulumi/);
            await stack.engine.refresh();
            await stack.engine.destroy();

            const lines = auditLines(auditDir());
            const audit = lines.map((line) => JSON.parse(line) as AuditRecord);
            const summary = audit.map((r) => `${r.kind} ${r.resourceName} ${r.operation} ${r.outcome}`).sort();
            assert.deepEqual(summary, [
                "DataRecordSet ticket-set create success",
                "DataRecordSet ticket-set delete success",
                "DataRecordSet ticket-set update success",
                "DataSchema tickets create success",
                "DataSchema tickets delete success",
                "Webhook dns-sync create success",
                "Webhook dns-sync delete success",
                "Webhook dns-sync update failure",
                "Webhook dns-sync update success",
            ]);
            for (const record of audit) {
                assert.match(record.time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
                assert.equal(record.stack, "audit-e2e");
                assert.equal(typeof record.platformId, "string");
                assert.equal(typeof record.httpStatus, "number");
                assert.ok(record.attempts >= 1 && record.retries >= 0 && record.latencyMs >= 0);
                assert.match(record.correlationId ?? "", /^[0-9a-f-]{36}$/, "the platform's correlation id");
                assert.match(record.requestSha256, /^[0-9a-f]{64}$/);
            }
            const hookCreate = audit.find((r) => r.kind === "Webhook" && r.operation === "create");
            assert.equal(hookCreate?.platformId, hook.id);
            const refused = audit.find((r) => r.outcome === "failure");
            assert.equal(refused?.httpStatus, 409, "the failed call's status, not the re-read's");
            assert.match(refused?.error ?? "", /changed outside Pulumi/);
            // The set's delete carries its name and stack although delete only gets the set's outputs.
            assert.equal(
                audit.find((r) => r.kind === "DataRecordSet" && r.operation === "delete")?.resourceName,
                "ticket-set",
            );

            // Each record reached the receiver, signed with the secret the receiver holds.
            assert.equal(receiver.received.length, lines.length);
            assert.ok(
                receiver.received.every((r) => r.verified),
                "every X-Signature verified",
            );
            assert.deepEqual(receiver.received.map((r) => r.body).sort(), [...lines].sort());
        });

        it("never writes a secret: not the webhook's, the OAuth client's nor the notification key", () => {
            const written = [
                ...fs.readdirSync(auditDir()).map((file) => fs.readFileSync(path.join(auditDir(), file), "utf8")),
                ...receiver.received.map((r) => r.body),
            ].join("\n");
            assert.ok(written.length > 1000);
            for (const secret of SECRETS)
                assert.equal(written.includes(secret), false, `a secret of ${secret.length} characters leaked`);
        });
    });

    describe("a receiver that always fails", () => {
        let stack: EmulatedStack;
        let receiver: Awaited<ReturnType<typeof startReceiver>>;
        let auditDir: string;
        const program = () => ({
            id: new genesys.Webhook("alerts", {
                targetUrl: "https://alerts.example.com/in",
                events: ["routing:strategy:updated"],
            }).id,
        });

        before(async () => {
            receiver = await startReceiver(NOTIFY_SECRET, 500);
            auditDir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-e2e-dir-"));
            stack = await startEmulatedStack({
                config: {
                    "genesys:auditDir": auditDir,
                    "genesys:notifyUrl": receiver.url,
                    "genesys:notifySecret": makeSecret(NOTIFY_SECRET),
                },
            });
        });
        after(async () => {
            await stack.stop();
            await receiver.stop();
            fs.rmSync(auditDir, { recursive: true, force: true });
        });

        it("never fails the deployment, and records each failed notification in genesys:auditDir", async () => {
            const run = await stack.run(program);
            assert.deepEqual(
                run.steps.map((s) => [s.op, s.error]),
                [["create", undefined]],
            );
            const destroyed = await stack.engine.destroy();
            assert.deepEqual(
                destroyed.map((s) => [s.op, s.error]),
                [["delete", undefined]],
            );
            assert.deepEqual((await stack.platform.get(`${WEBHOOKS}?pageSize=100`)).body.entities, []);

            const audit = auditLines(auditDir).map((line) => JSON.parse(line) as AuditRecord);
            assert.deepEqual(
                audit.map((r) => `${r.operation} ${r.outcome}`),
                ["create success", "notify failure", "delete success", "notify failure"],
            );
            const notify = audit[1];
            assert.equal(notify.httpStatus, 500);
            assert.equal(notify.attempts, 3, "retried");
            assert.equal(notify.resourceName, "alerts");
            assert.equal(receiver.received.length, 6);
            assert.match(
                stack.engine.hostStderr(),
                /governance notification failed: the receiver \(genesys:notifyUrl\) answered 500/,
            );
            assert.equal(
                fs.existsSync(path.join(stack.project.dir, ".genesys-audit")),
                false,
                "genesys:auditDir replaces the default",
            );
        });
    });
});
