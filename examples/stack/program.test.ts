import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startEmulator, type RunningEmulator } from "../../emulator";
import { runProgram, type ProgramRun, type Registration } from "../../harness/mockProgram";
import { isSecret, makeSecret } from "../../harness/secrets";
import { call, tokenFor } from "../../test/emulatorClient";
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

    const fetchPlatform = async (path: string) => call(emulator.url, await tokenFor(emulator.url), "GET", path);
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

    it("retains recordings per stack, prod the longest and on every channel, and the platform holds the policy", async () => {
        const policyInputs = (stack: string) =>
            byName(stack, "genesys:MediaRetentionPolicy", "recording-retention").inputs as {
                mediaPolicies: Record<string, { actions: { retentionDuration: Record<string, { days: number }> } }>;
            };
        const durations = ["dev", "staging", "prod"].map((stack) => {
            const policies = policyInputs(stack).mediaPolicies;
            const { archiveRetention, deleteRetention } = policies.callPolicy.actions.retentionDuration;
            return {
                channels: Object.keys(policies).length,
                archive: archiveRetention.days,
                delete: deleteRetention.days,
            };
        });
        assert.deepEqual(durations, [
            { channels: 1, archive: 7, delete: 30 },
            { channels: 1, archive: 30, delete: 90 },
            { channels: 4, archive: 90, delete: 365 },
        ]);
        assert.deepEqual(
            ["dev", "staging", "prod"].map(
                (s) => byName(s, "genesys:StorageTarget", "recordings").inputs.retentionDays,
            ),
            durations.map((d) => d.delete),
            "the bucket keeps recordings as long as the policy does",
        );
        for (const [stack, run] of Object.entries(runs)) {
            const id = String(run.exports.retentionPolicyId);
            const live = await fetchPlatform(`/api/v2/recording/mediaretentionpolicies/${id}`);
            assert.equal(live.status, 200, `${stack}: the emulator holds the policy`);
            assert.equal(
                live.body.mediaPolicies.callPolicy.actions.retentionDuration.deleteRetention.days,
                durations[["dev", "staging", "prod"].indexOf(stack)].delete,
            );
            const trigger = byName(stack, "genesys:ProcessAutomationTrigger", "post-call-survey").inputs;
            assert.equal(trigger.topicName, "v2.detail.events.conversation.{id}.customer.end");
            assert.match(String(run.exports.surveyTriggerId), /^[0-9a-f-]{36}$/);
            assert.equal(run.exports.retentionBandwidthKbps, stack === "dev" ? 64 : 128, `${stack}: audio only`);
        }
    });

    it("loads the queue CSV into the org's data table on every stack, validated against the table, default filled in", async () => {
        for (const [stack, run] of Object.entries(runs)) {
            const table = byName(stack, "genesys:DataTable", "queue-routing-table");
            const rows = byName(stack, "genesys:DataTableRows", "queue-routing-rows");
            assert.deepEqual(rows.propertyDependencies.datatableId, [table.urn], `${stack}: the rows follow the table`);
            assert.equal(run.exports.queueTableRowCount, 6);
            const id = String(run.exports.queueTableId);
            const live = await fetchPlatform(`/api/v2/flows/datatables/${id}/rows?showbrief=false&pageSize=100`);
            assert.equal(live.status, 200, `${stack}: the emulator holds the table`);
            const byKey = Object.fromEntries(
                (live.body.entities as Record<string, unknown>[]).map((row) => [row.key, row]),
            );
            assert.deepEqual(Object.keys(byKey).sort(), [
                "billing",
                "claims",
                "emergency",
                "legacy-fax",
                "retention",
                "vip",
            ]);
            assert.deepEqual(byKey.emergency, {
                key: "emergency",
                queueName: "Emergency line",
                priority: "critical",
                status: "active",
                slaSeconds: 10,
            });
            assert.equal(byKey["legacy-fax"].slaSeconds, 3600, `${stack}: an empty cell takes the field's default`);
        }
    });

    it("pairs the EventBridge integration with its partner bus, rule, target and archive on every stack", () => {
        for (const stack of ["dev", "staging", "prod"]) {
            const integration = byName(stack, "genesys:EventBridgeIntegration", "contact-center-events");
            const bus = byName(stack, ":EventBus", "genesys-partner");
            assert.deepEqual(
                bus.propertyDependencies.name,
                [integration.urn],
                `${stack}: the bus follows the integration`,
            );
            assert.deepEqual(bus.propertyDependencies.eventSourceName, [integration.urn]);
            const source = String(runs[stack].exports.partnerEventSource);
            assert.match(
                source,
                new RegExp(`^aws\\.partner/genesys\\.com/cloud/[0-9a-f-]{36}/contact-center-${stack}$`),
            );
            assert.equal(bus.inputs.name, source);
            assert.equal(bus.inputs.eventSourceName, source);
            const rule = byName(stack, ":EventRule", "conversation-ends");
            assert.deepEqual(rule.propertyDependencies.eventBusName, [bus.urn]);
            assert.ok(byName(stack, ":EventTarget", "conversation-ends-to-logs").dependencies.includes(rule.urn));
            const archive = byName(stack, ":EventArchive", "genesys-partner-archive");
            assert.deepEqual(archive.propertyDependencies.eventSourceArn, [bus.urn]);
        }
    });

    it("exports recordings in staging and prod only, prod under its own KMS key, through a role Genesys assumes", () => {
        assert.equal(runs.dev.exports.recordingExportIntegrationId, undefined);
        assert.equal(
            runs.dev.registrations.some((r) => r.type.endsWith(":RecordingExportIntegration")),
            false,
        );
        for (const stack of ["staging", "prod"]) {
            const exports = byName(stack, "genesys:RecordingExportIntegration", "recording-exports");
            const bucket = byName(stack, ":BucketV2", "recording-exports");
            const role = byName(stack, ":Role", "genesys-recording-export");
            const encryption = byName(
                stack,
                ":BucketServerSideEncryptionConfiguration",
                "recording-exports-encryption",
            );
            assert.deepEqual(exports.propertyDependencies.bucket, [bucket.urn]);
            assert.deepEqual(exports.propertyDependencies.roleArn, [role.urn]);
            assert.ok(exports.dependencies.includes(encryption.urn), `${stack}: the pre-flight sees the encryption`);
            const trust = JSON.parse(String(role.inputs.assumeRolePolicy));
            const org = String(runs[stack].exports.partnerEventSource).split("/")[3];
            assert.deepEqual(trust.Statement[0].Principal, { AWS: "arn:aws:iam::765628985471:root" });
            assert.deepEqual(trust.Statement[0].Condition, { StringEquals: { "sts:ExternalId": org } });
            assert.match(String(runs[stack].exports.recordingExportIntegrationId), /^[0-9a-f-]{36}$/);
        }
        assert.equal(
            byName("staging", "genesys:RecordingExportIntegration", "recording-exports").inputs.serverSideEncryption,
            "AES256",
        );
        const prod = byName("prod", "genesys:RecordingExportIntegration", "recording-exports");
        assert.equal(prod.inputs.serverSideEncryption, "aws:kms");
        assert.deepEqual(prod.propertyDependencies.kmsKeyId, [byName("prod", ":Key", "recording-exports-key").urn]);
        assert.equal(byName("prod", ":Key", "recording-exports-key").inputs.enableKeyRotation, true);
        assert.equal(byName("prod", ":BucketV2", "recording-exports").inputs.forceDestroy, false);
        assert.equal(byName("staging", ":BucketV2", "recording-exports").inputs.forceDestroy, true);
        for (const stack of ["staging", "prod"]) {
            const block = byName(stack, ":BucketPublicAccessBlock", "recording-exports-public-access");
            assert.deepEqual(block.propertyDependencies.bucket, [byName(stack, ":BucketV2", "recording-exports").urn]);
            for (const flag of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"])
                assert.equal(block.inputs[flag], true, `${stack}: ${flag}`);
        }
    });

    it("exports what the retention policy retains to the export integration, where the stack has one", async () => {
        type Actions = { integrationExport?: { integration: { id: string } } };
        const actionsOf = (stack: string) =>
            (
                byName(stack, "genesys:MediaRetentionPolicy", "recording-retention").inputs as {
                    mediaPolicies: Record<string, { actions: Actions }>;
                }
            ).mediaPolicies;
        assert.ok(
            Object.values(actionsOf("dev")).every((policy) => policy.actions.integrationExport === undefined),
            "dev exports nothing",
        );
        for (const stack of ["staging", "prod"]) {
            const exportsId = String(runs[stack].exports.recordingExportIntegrationId);
            const policy = byName(stack, "genesys:MediaRetentionPolicy", "recording-retention");
            assert.ok(
                policy.propertyDependencies.mediaPolicies.includes(
                    byName(stack, "genesys:RecordingExportIntegration", "recording-exports").urn,
                ),
                `${stack}: the policy follows the integration`,
            );
            for (const [channel, { actions }] of Object.entries(actionsOf(stack)))
                assert.equal(actions.integrationExport?.integration.id, exportsId, `${stack} ${channel}`);
            const live = await fetchPlatform(
                `/api/v2/recording/mediaretentionpolicies/${runs[stack].exports.retentionPolicyId}`,
            );
            assert.equal(live.body.mediaPolicies.callPolicy.actions.integrationExport.integration.id, exportsId);
        }
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
