import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startEmulator, type RunningEmulator } from "../../emulator";
import { runProgram, type ProgramRun, type Registration } from "../../test/harness/mockProgram";
import { isSecret, makeSecret } from "../../test/harness/secrets";
import { startS3Double, type S3Double } from "../../test/s3Double";
import { readStackConfig } from "../demo/stackConfig";
import { simulatedAws } from "../demo/simulatedAws";
import { contactCenter } from "./program";

const PROJECT = "genesys-contact-center";
const PROJECT_DIR = join(__dirname, "../../..");
const WEBHOOK_SECRET = "example-webhook-secret-5b9e2f";

describe("the example contact-center program, per stack (real providers in process, AWS simulated)", () => {
    let emulator: RunningEmulator;
    let s3: S3Double;
    const runs: Record<string, ProgramRun> = {};
    const savedEnv = { ...process.env };
    const auditDir = mkdtempSync(join(tmpdir(), "example-audit-"));

    before(async () => {
        emulator = await startEmulator({ port: 0 });
        s3 = await startS3Double();
        Object.assign(process.env, {
            AWS_ENDPOINT_URL_S3: s3.url,
            AWS_ACCESS_KEY_ID: "test",
            AWS_SECRET_ACCESS_KEY: "test",
            AWS_REGION: "us-east-1",
        });
        for (const stack of ["dev", "staging", "prod"]) {
            const fileConfig = readStackConfig(PROJECT_DIR, stack);
            runs[stack] = await runProgram(() => contactCenter(), {
                project: PROJECT,
                stack,
                backend: { kind: "inProcess", consumerDir: PROJECT_DIR, simulate: simulatedAws(s3) },
                config: {
                    ...fileConfig,
                    "genesys:apiUrl": emulator.url,
                    "genesys:clientId": DEFAULT_CLIENT_ID,
                    "genesys:clientSecret": makeSecret(DEFAULT_CLIENT_SECRET),
                    "genesys:auditDir": auditDir,
                    [`${PROJECT}:webhookSecret`]: makeSecret(WEBHOOK_SECRET),
                    [`${PROJECT}:replayStartDate`]: new Date(Date.now() - 3_600_000).toISOString(),
                },
            });
        }
    });
    after(async () => {
        process.env = savedEnv;
        await Promise.all([emulator.stop(), s3.stop()]);
        rmSync(auditDir, { recursive: true, force: true });
    });

    const byName = (stack: string, type: string, name: string): Registration => {
        const found = runs[stack].registrations.find((r) => r.name === name && r.type.endsWith(type));
        assert.ok(found, `${stack}: no ${type} named ${name}`);
        return found;
    };

    it("gives every Genesys resource its AWS links as Outputs", () => {
        const bucket = byName("dev", ":Bucket", "recordings");
        const encryption = byName("dev", ":BucketServerSideEncryptionConfiguration", "recordings-encryption");
        const bus = byName("dev", ":EventBus", "genesys-events");
        const role = byName("dev", ":Role", "genesys-platform");
        const storage = byName("dev", "genesys:StorageTarget", "recordings");
        assert.deepEqual(storage.propertyDependencies.bucket, [bucket.urn]);
        assert.deepEqual(storage.propertyDependencies.roleArn, [role.urn]);
        assert.ok(
            storage.dependencies.includes(encryption.urn),
            "the storage target waits for the bucket's encryption",
        );
        const stream = byName("dev", "genesys:EventStream", "contact-center-events");
        assert.deepEqual(stream.propertyDependencies.eventBusArn, [bus.urn]);
        assert.deepEqual(stream.propertyDependencies.roleArn, [role.urn]);
        for (const policy of ["voice", "video"]) {
            assert.deepEqual(byName("dev", "genesys:RecordingPolicy", policy).propertyDependencies.storageTargetId, [
                storage.urn,
            ]);
        }
        const schema = byName("dev", "genesys:DataSchema", "queue-routing");
        assert.ok(byName("dev", "genesys:DataRecordSet", "queue-routing-records").dependencies.includes(schema.urn));
    });

    it("deploys every stack and exports what the stack promises", () => {
        for (const [stack, run] of Object.entries(runs)) {
            const exports = run.exports;
            for (const key of [
                "storageTargetId",
                "voicePolicyId",
                "videoPolicyId",
                "failoverStrategyId",
                "eventStreamId",
                "queueSchemaId",
            ]) {
                assert.match(String(exports[key]), /^[0-9a-f-]{36}$/, `${stack}: ${key}`);
            }
            assert.deepEqual((exports.codecMatrix as Record<string, unknown>).voice, { audio: "OPUS 48 kHz" });
            assert.equal((exports.replayStatus as { coveragePercent: number }).coveragePercent, 100);
            assert.equal(exports.queueRecordCount, 6);
        }
    });

    it("differs per stack only where the stack files say", () => {
        const storageInputs = (stack: string) => byName(stack, "genesys:StorageTarget", "recordings").inputs;
        assert.equal(storageInputs("dev").serverSideEncryption, "AES256");
        assert.equal(storageInputs("staging").serverSideEncryption, "AES256");
        assert.equal(storageInputs("prod").serverSideEncryption, "aws:kms");
        assert.match(String(storageInputs("prod").kmsKeyId), /^arn:aws:kms:/);
        assert.deepEqual(byName("prod", "genesys:StorageTarget", "recordings").propertyDependencies.kmsKeyId, [
            byName("prod", ":Key", "recordings-key").urn,
        ]);
        assert.equal(
            runs.dev.registrations.some((r) => r.type === "aws:kms/key:Key"),
            false,
        );
        assert.deepEqual(
            ["dev", "staging", "prod"].map((s) => storageInputs(s).retentionDays),
            [30, 90, 365],
        );
        assert.deepEqual(
            ["dev", "staging", "prod"].map((s) => byName(s, "genesys:RecordingPolicy", "video").inputs.quality),
            ["standard", "high", "high"],
        );
        assert.deepEqual(Object.keys(runs.prod.exports.healthMatrix as object).sort(), [
            "ca-central-1",
            "us-east-1",
            "us-west-2",
        ]);
        assert.deepEqual(Object.keys(runs.staging.exports.healthMatrix as object).sort(), [
            "eu-central-1",
            "eu-west-1",
        ]);
    });

    it("holds no secret in plain text in any resource's inputs or __provider", () => {
        for (const [stack, run] of Object.entries(runs)) {
            for (const registration of run.registrations) {
                const plain = JSON.stringify(stripSecretsToMarker(registration.inputs));
                for (const secret of [WEBHOOK_SECRET, DEFAULT_CLIENT_SECRET]) {
                    assert.ok(
                        !plain.includes(secret),
                        `${stack} ${registration.type} ${registration.name} holds a secret in plain text`,
                    );
                }
            }
            for (const hook of ["data-lake", "dns-sync"])
                assert.ok(isSecret(byName(stack, "genesys:Webhook", hook).inputs.secret));
        }
    });
});

/** The inputs with every secret value replaced, so what is left is what the state would hold in plain text. */
function stripSecretsToMarker(value: unknown): unknown {
    if (isSecret(value)) return "[secret]";
    if (Array.isArray(value)) return value.map(stripSecretsToMarker);
    if (value !== null && typeof value === "object")
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripSecretsToMarker(v)]));
    return value;
}
