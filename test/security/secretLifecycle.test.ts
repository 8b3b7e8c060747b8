import assert from "node:assert/strict";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import { ALL_SCOPES } from "../../emulator";
import { startEmulatedStack, type EmulatedStack } from "../emulatedStack";
import type { ProgramRun } from "../../harness/mockProgram";
import { isSecret, makeSecret } from "../../harness/secrets";
import { startS3Double, type S3Double } from "../s3Double";
import { readmeFigure } from "../readmeFigures";
import { SecretSearch, spellings, type Needle } from "./secretSearch";

// Recognisable canaries: each is searched for as is and in every encoding a log line could give it.
const CLIENT_ID = "security-canary-client";
const CLIENT_SECRET = "CANARY-client-secret-5f1d0c7e";
const WRONG_CLIENT_SECRET = "CANARY-wrong-client-secret-9ab2";
const NOTIFY_SECRET = "CANARY-notify-secret-44e0b1a6";
const STORAGE_SECRETS = ["CANARYstorageKey0/abcdefghijklmnop+qrst1", "CANARYstorageKey1/ABCDEFGHIJKLMNOP+QRST2"];
const WEBHOOK_SECRETS = ["CANARY-webhook-secret-0-a81f3", "CANARY-webhook-secret-1-c92d4"];
// Values `check` refuses: its reasons must not quote them either.
const BAD_WEBHOOK_SECRET = "CANARY-short";
const BAD_STORAGE_SECRET = "CANARY-not-an-aws-secret-key";

const NEEDLES: Needle[] = [
    ...spellings({ label: "genesys:clientSecret", value: CLIENT_SECRET }, CLIENT_ID),
    ...spellings({ label: "a wrong genesys:clientSecret", value: WRONG_CLIENT_SECRET }, CLIENT_ID),
    ...spellings({ label: "genesys:notifySecret", value: NOTIFY_SECRET }),
    ...STORAGE_SECRETS.flatMap((value, i) => spellings({ label: `StorageTarget secretAccessKey #${i}`, value })),
    ...WEBHOOK_SECRETS.flatMap((value, i) => spellings({ label: `Webhook secret #${i}`, value })),
    ...spellings({ label: "a refused Webhook secret", value: BAD_WEBHOOK_SECRET }),
    ...spellings({ label: "a refused StorageTarget secretAccessKey", value: BAD_STORAGE_SECRET }),
];

// A failed `pulumi up` is a process of its own, whose unsettled resource promises die with it; here many operations
// share one process, so the runtime's leak detector is told to forget them rather than fail the file at exit.
const runtimeDebug = require("@pulumi/pulumi/runtime/debuggable") as { leakedPromises(): unknown };

const KEY_ID = "AKIAIOSFODNN7CANARY1";
const BUCKET = "canary-recordings";
const DAY_MS = 86_400_000;

interface Settings {
    storageSecret: string;
    webhookSecret: string;
    encryption: "AES256" | "aws:kms";
    generation: number;
}

/** Every kind, wired as a real program wires them, with the secrets the settings name. */
function program(settings: Settings) {
    return () => {
        const target = new genesys.StorageTarget("archive", {
            bucket: BUCKET,
            region: "eu-west-1",
            serverSideEncryption: settings.encryption,
            kmsKeyId: settings.encryption === "aws:kms" ? "alias/recordings" : undefined,
            retentionDays: 90 + settings.generation,
            accessKeyId: KEY_ID,
            secretAccessKey: settings.storageSecret,
        });
        const policy = new genesys.RecordingPolicy("voice", {
            mediaTypes: ["audio"],
            quality: "standard",
            retentionDays: 30 + settings.generation,
            storageTarget: target,
        });
        const webhook = new genesys.Webhook("notify", {
            targetUrl: "https://hooks.example.com/genesys",
            events: ["routing.strategy.updated"],
            secret: settings.webhookSecret,
            headers: { "X-Generation": String(settings.generation) },
        });
        const strategy = new genesys.FailoverStrategy("voice", {
            regions: [
                { regionId: "us-east-1", priority: 1, weight: 70, failoverTrigger: "health_degraded" },
                {
                    regionId: "eu-west-1",
                    priority: 2,
                    weight: 30 + settings.generation,
                    failoverTrigger: "latency_exceeded",
                },
            ],
        });
        const stream = new genesys.EventStream("calls", {
            topics: ["genesys.conversations.call"],
            retentionDays: 30 + settings.generation,
            eventBusArn: "arn:aws:events:eu-west-1:123456789012:event-bus/calls",
            roleArn: "arn:aws:iam::123456789012:role/genesys-eventbridge",
            replay: { startDate: new Date(Date.now() - DAY_MS).toISOString().replace(/\.\d+Z$/, "Z") },
        });
        const schema = new genesys.DataSchema("tickets", {
            fields: [{ name: "status", type: "string", required: true }],
        });
        const record = new genesys.DataRecord("t1", {
            schema,
            key: "t-1",
            data: { status: `open-${settings.generation}` },
        });
        const set = new genesys.DataRecordSet("more", {
            schema,
            records: [{ key: "t-2", data: { status: `new-${settings.generation}` } }],
        });
        const audit = genesys.getFailoverAuditLog(strategy.id);
        // Everything each resource outputs, secrets included: exports must hold them only as secrets.
        return {
            target: {
                id: target.id,
                name: target.name,
                secretAccessKey: target.secretAccessKey,
                accessKeyId: target.accessKeyId,
                version: target.version,
            },
            policy: { id: policy.id, version: policy.version },
            webhook: { id: webhook.id, secret: webhook.secret, headers: webhook.headers, version: webhook.version },
            strategy: { id: strategy.id, version: strategy.version },
            stream: { id: stream.id, version: stream.version },
            data: { schema: schema.schemaId, record: record.version, count: set.recordCount },
            switchSuccessRate: audit.switchSuccessRate,
        };
    };
}

/** All files under a directory (audit logs, when the provider writes them), recursively. */
function filesUnder(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}

/** A governance-notification receiver: keeps every request's headers and body, to be searched like a log. */
async function startReceiver(): Promise<{ url: string; received: string[]; stop(): Promise<void> }> {
    const received: string[] = [];
    const server = http.createServer((req, res) => {
        let body = "";
        req.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        req.on("end", () => {
            received.push(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${body}`);
            res.writeHead(204).end();
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/audit`,
        received,
        stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
}

describe("secrets: the whole lifecycle of every kind, searched for leaks", () => {
    let stack: EmulatedStack;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let s3: S3Double;
    let auditDir: string;
    const emulatorLog: string[] = [];
    const search = new SecretSearch(NEEDLES);
    const failures: string[] = [];
    let settings: Settings;
    let operations = 0;

    /** Searches what a run returned (registrations, steps, exports) and the state it left. */
    function searchRun(name: string, run: ProgramRun): void {
        operations++;
        for (const registration of run.registrations)
            search.values(`${name}: registered inputs of ${registration.name}`, registration.inputs);
        for (const step of run.steps) {
            search.values(`${name}: step outputs of ${step.urn}`, step.outputs);
            search.values(`${name}: check failures of ${step.urn}`, step.failures);
            if (step.error !== undefined) search.text(`${name}: step error of ${step.urn}`, step.error);
        }
        search.values(`${name}: stack exports`, run.exports);
        searchState(name);
    }

    function searchState(name: string): void {
        for (const resource of stack.engine.resources()) {
            search.values(`${name}: state inputs of ${resource.name}`, resource.inputs);
            search.values(`${name}: state outputs of ${resource.name}`, resource.outputs);
        }
    }

    /** Runs an operation that must fail, and searches its error; returns the message for assertions. */
    async function failing(name: string, operation: () => Promise<unknown>): Promise<string> {
        operations++;
        const message = await operation().then(
            () => assert.fail(`${name} was expected to fail`),
            (err: Error) => err.message,
        );
        runtimeDebug.leakedPromises();
        search.text(`${name}: error message`, message);
        failures.push(message);
        searchState(name);
        return message;
    }

    before(async () => {
        s3 = await startS3Double({ [BUCKET]: { region: "eu-west-1", encryption: { algorithm: "AES256" } } });
        receiver = await startReceiver();
        auditDir = mkdtempSync(path.join(tmpdir(), "genesys-security-audit-"));
        stack = await startEmulatedStack({
            emulator: {
                clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: [...ALL_SCOPES] }],
                log: (line) => emulatorLog.push(line),
            },
            config: {
                "genesys:clientId": CLIENT_ID,
                "genesys:clientSecret": makeSecret(CLIENT_SECRET),
                "genesys:notifySecret": makeSecret(NOTIFY_SECRET),
                "genesys:auditDir": auditDir,
                "genesys:notifyUrl": receiver.url,
            },
            hostEnv: {
                AWS_ENDPOINT_URL_S3: s3.url,
                AWS_ACCESS_KEY_ID: "AKIAHOSTCREDENTIALS1",
                AWS_SECRET_ACCESS_KEY: "host-secret-never-checked",
                AWS_EC2_METADATA_DISABLED: "true",
            },
        });
        settings = {
            storageSecret: STORAGE_SECRETS[0],
            webhookSecret: WEBHOOK_SECRETS[0],
            encryption: "AES256",
            generation: 0,
        };
    });
    after(async () => {
        await stack.stop();
        await s3.stop();
        await receiver.stop();
        rmSync(auditDir, { recursive: true, force: true });
    });

    it("refuses malformed secrets at preview without quoting them", async () => {
        // One malformed secret per preview: the engine reports only the first resource whose check fails.
        const storage = await failing("preview with a bad storage secret", () =>
            stack.run(program({ ...settings, storageSecret: BAD_STORAGE_SECRET }), { preview: true }),
        );
        assert.match(storage, /secretAccessKey.*40-character secret/s);
        const webhook = await failing("preview with a bad webhook secret", () =>
            stack.run(program({ ...settings, webhookSecret: BAD_WEBHOOK_SECRET }), { preview: true }),
        );
        assert.match(webhook, /secret.*at least 16 characters/s);
    });

    it("previews, creates, previews again and updates with rotated secrets", async () => {
        searchRun("preview", await stack.run(program(settings), { preview: true }));
        const created = await stack.run(program(settings));
        assert.ok(
            created.steps.every((s) => s.op === "create"),
            JSON.stringify(created.steps.map((s) => s.op)),
        );
        assert.ok(
            isSecret(created.exports.target) ||
                isSecret((created.exports.target as Record<string, unknown>).secretAccessKey),
        );
        searchRun("up", created);
        searchRun("unchanged preview", await stack.run(program(settings), { preview: true }));

        settings = { ...settings, storageSecret: STORAGE_SECRETS[1], webhookSecret: WEBHOOK_SECRETS[1], generation: 1 };
        searchRun("update preview", await stack.run(program(settings), { preview: true }));
        const updated = await stack.run(program(settings));
        assert.ok(
            updated.steps.filter((s) => s.op === "update").length >= 7,
            JSON.stringify(updated.steps.map((s) => [s.urn, s.op])),
        );
        searchRun("update", updated);
    });

    it("refreshes", async () => {
        operations++;
        for (const step of await stack.engine.refresh()) {
            assert.equal(step.error, undefined);
            search.values(`refresh: outputs of ${step.urn}`, step.outputs);
        }
        searchState("refresh");
    });

    it("fails updates in three ways, each error free of secrets", async () => {
        // A change made outside Pulumi: the version no longer matches.
        const webhook = stack.engine.resources().find((r) => r.type.endsWith(":Webhook"));
        assert.ok(webhook);
        const { body } = await stack.platform.get(`/api/v2/webhooks/${webhook.id}`);
        assert.equal(
            (
                await stack.platform.put(`/api/v2/webhooks/${webhook.id}`, {
                    ...body,
                    secret: WEBHOOK_SECRETS[0],
                    enabled: false,
                })
            ).status,
            200,
        );
        settings = { ...settings, generation: 2 };
        assert.match(
            await failing("update over a foreign change", () => stack.run(program(settings))),
            /changed outside Pulumi/,
        );
        await stack.engine.refresh();

        // The bucket's encryption differs from the target's: the S3 pre-flight refuses the update.
        assert.match(
            await failing("update refused by the S3 pre-flight", () =>
                stack.run(program({ ...settings, encryption: "aws:kms" })),
            ),
            /encryption/i,
        );

        // The OAuth client's secret is wrong: the token endpoint refuses it.
        const config = stack.engine.config;
        config["genesys:clientSecret"] = makeSecret(WRONG_CLIENT_SECRET);
        try {
            assert.match(
                await failing("update with a wrong client secret", () =>
                    stack.run(program({ ...settings, generation: 3 })),
                ),
                /refused the OAuth client credentials/,
            );
        } finally {
            config["genesys:clientSecret"] = makeSecret(CLIENT_SECRET);
        }
    });

    it("destroys", async () => {
        operations++;
        for (const step of await stack.engine.destroy()) {
            assert.equal(step.error, undefined, step.urn);
            search.values(`destroy: outputs of ${step.urn}`, step.outputs);
        }
        assert.deepEqual(stack.engine.resources(), []);
    });

    it("never wrote or returned a secret in plain text anywhere", async () => {
        // What the platform returns: every object of every kind (write-only secrets never come back).
        for (const listPath of [
            "/api/v2/webhooks",
            "/api/v2/recording/storage/targets",
            "/api/v2/recording/policies",
            "/api/v2/eventstreams",
            "/api/v2/data/schemas",
        ]) {
            const { body } = await stack.platform.get(`${listPath}?pageSize=100`);
            search.text(`platform responses ${listPath}`, JSON.stringify(body));
        }
        search.text("dynamic-provider host stderr", stack.engine.hostStderr());
        search.text("emulator log", emulatorLog.join("\n"));
        for (const file of filesUnder(auditDir)) search.text(`audit file`, readFileSync(file, "utf8"));
        for (const request of receiver.received) search.text("governance notification received", request);

        assert.ok(emulatorLog.length > 50, "the emulator logged the run");
        assert.ok(failures.length === 5, "every failing operation was searched");
        assert.deepEqual(search.leaks, []);
        const secrets = new Set(NEEDLES.map((n) => n.label.replace(/ \(.*\)$/, ""))).size;
        assert.equal(readmeFigure(/sets (\d+) recognisable secrets/), secrets);
        assert.equal(readmeFigure(/searches them in (\d+) spellings/), NEEDLES.length);
        assert.equal(readmeFigure(/spellings \([^)]*\) over (\d+) kinds of place/), search.placesSearched.length);
        console.log(
            `secret search: ${secrets} secrets in ${NEEDLES.length} spellings, ${operations} operations, ` +
                `${search.searchCount} searches over ${search.placesSearched.length} kinds of place: ${search.placesSearched.join("; ")}`,
        );
    });
});
