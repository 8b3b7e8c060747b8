// The seven kinds that manage real Genesys Cloud objects through the real Pulumi CLI, one stack holding all of them:
// a preview that calls nothing, one create each, no change on an unchanged program nor after a refresh, and a destroy
// that leaves nothing, against the emulator (and an S3 double for the export integration's bucket pre-flight).
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import * as genesys from "genesys-pulumi";
import { platformInventory, platformPaths } from "../platformInventory";
import { startS3Double, type S3Double } from "../s3Double";
import { cliStackPerSuite } from "./cliStack";
import { describeWithPulumiCli } from "./pulumiCli";

const PLATFORM_KINDS = [
    "DataTable",
    "DataTableRow",
    "DataTableRows",
    "EventBridgeIntegration",
    "RecordingExportIntegration",
    "MediaRetentionPolicy",
    "ProcessAutomationTrigger",
];
const BUCKET = "cc-engine-exports";
const TOPIC = "v2.detail.events.conversation.{id}.customer.end";

/** One of each kind; the table's rows come from a list, as a user's program would hold them. */
const platformProgram = async () => {
    const table = new genesys.DataTable("routes", {
        description: "where calls go",
        fields: [
            { name: "key", type: "string" },
            { name: "queue", type: "string", default: "" },
        ],
    });
    new genesys.DataTableRow("fallback", { table, key: "fallback", data: { queue: "general" } });
    const routes = ["sales", "support", "billing"].map((key) => ({ key, data: { queue: `${key}-queue` } }));
    new genesys.DataTableRows("routed", { table, rows: routes });
    new genesys.EventBridgeIntegration("events", {
        awsAccountId: "123456789012",
        awsAccountRegion: "eu-west-1",
        eventSourceSuffix: "engine-events",
        topics: [TOPIC],
    });
    const exports = new genesys.RecordingExportIntegration("exports", {
        bucket: BUCKET,
        roleArn: "arn:aws:iam::123456789012:role/genesys-exports",
        region: "eu-west-1",
        serverSideEncryption: "AES256",
    });
    new genesys.MediaRetentionPolicy("retention", {
        mediaPolicies: {
            callPolicy: {
                actions: {
                    retainRecording: true,
                    retentionDuration: { archiveRetention: { days: 7 }, deleteRetention: { days: 30 } },
                },
            },
        },
    });
    new genesys.ProcessAutomationTrigger("survey", { topicName: TOPIC, target: { id: "survey-workflow" } });
    return { tableId: table.id, exportCredential: exports.credentialId };
};

describeWithPulumiCli("the real platform's kinds through the real Pulumi engine", (cli) => {
    let s3: S3Double;
    // The provider process takes its AWS endpoint and credentials from the CLI's environment, which the stack reads
    // when it starts: this hook, registered first, fills it before the suite's stack starts.
    const env: Record<string, string> = {};
    before(async () => {
        s3 = await startS3Double({ [BUCKET]: { region: "eu-west-1" } });
        Object.assign(env, {
            AWS_ENDPOINT_URL_S3: s3.url,
            AWS_ACCESS_KEY_ID: "AKIAHOSTCREDENTIALS1",
            AWS_SECRET_ACCESS_KEY: "host-secret-that-the-double-never-checks",
            AWS_EC2_METADATA_DISABLED: "true",
        });
    });
    after(async () => {
        await s3?.stop();
    });
    const suite = cliStackPerSuite(cli, { env });
    const requests = () => suite.emulator.stats().requests;
    const held = async () => (await suite.stack.resources()).flatMap(platformPaths).sort();

    it("previews a new stack of all seven kinds as creates, and calls nothing", async () => {
        const before = requests();
        const run = await suite.stack.preview(platformProgram);
        assert.ok(run.ok, run.output);
        assert.deepEqual(
            [...new Set(run.steps.map((s) => s.type.split(":").pop()))].sort(),
            [...PLATFORM_KINDS].sort(),
        );
        assert.ok(
            run.steps.every((s) => s.op === "create"),
            JSON.stringify(run.steps.map((s) => s.op)),
        );
        assert.equal(requests() - before, 0, "a preview makes no platform call");
        assert.deepEqual(s3.requests, [], "nor a bucket check");
    });

    it("up creates each object once, after checking the export bucket, and the state holds exactly them", async () => {
        const run = await suite.stack.up(platformProgram);
        assert.ok(run.ok, run.output);
        assert.equal(run.changes.create, PLATFORM_KINDS.length + 1, `and the stack: ${JSON.stringify(run.changes)}`);
        assert.ok(
            s3.requests.some((r) => r.method === "HEAD" && r.path.includes(BUCKET)),
            "the bucket was checked",
        );
        const platform = await platformInventory(suite.stack.platform);
        // The table, its four rows, both integrations, the export's credential, the policy and the trigger.
        assert.equal(platform.length, 10, platform.join("\n"));
        assert.deepEqual(platform, await held());
        const rows = platform.filter((p) => p.includes("/rows/")).map((p) => p.split("/").pop());
        assert.deepEqual(rows.sort(), ["billing", "fallback", "sales", "support"]);
    });

    it("a preview of the unchanged program shows no change (--expect-no-changes)", async () => {
        const run = await suite.stack.preview(platformProgram, { expectNoChanges: true });
        assert.ok(run.ok, run.output);
    });

    it("a refresh finds no drift, and the unchanged program still previews no change after it", async () => {
        const refresh = await suite.stack.refresh({ expectNoChanges: true });
        assert.ok(refresh.ok, refresh.output);
        const preview = await suite.stack.preview(platformProgram, { expectNoChanges: true });
        assert.ok(preview.ok, preview.output);
        assert.deepEqual(await platformInventory(suite.stack.platform), await held());
    });

    it("destroy deletes everything: the platform holds nothing, the state no resource", async () => {
        const run = await suite.stack.destroy();
        assert.ok(run.ok, run.output);
        assert.deepEqual(await platformInventory(suite.stack.platform), []);
        assert.deepEqual(await suite.stack.resources(), []);
    });
});
