// The seven kinds that manage real Genesys Cloud objects through the real Pulumi CLI, one stack holding all of them:
// a preview that calls nothing, one create each, no change on an unchanged program nor after a refresh, and a destroy
// that leaves nothing, against the emulator (and an S3 double for the export integration's bucket pre-flight).
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import * as genesys from "genesys-pulumi";
import { KIND_FIXTURES } from "../faults/kindFixtures";
import { platformInventory, platformPaths } from "../platformInventory";
import { startS3Double, type S3Double } from "../s3Double";
import { cliStackPerSuite, namesWith } from "./cliStack";
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

/**
 * One of each kind; the table's rows come from a list, as a user's program would hold them. `revision` moves it
 * through the lifecycle: 0 the first deployment; 1 an in-place update of every kind; 2 a field removed from the
 * table, which replaces it and so its rows; 3 another in-place update of every kind (after changes made outside
 * Pulumi).
 */
const platformProgram = (revision: number) => async () => {
    const rev = String(revision);
    const table = new genesys.DataTable("routes", {
        description: `where calls go (revision ${rev})`,
        fields: [
            { name: "key", type: "string" },
            { name: "queue", type: "string", default: "" },
            { name: "label", type: "string", default: "" },
            ...(revision >= 2 ? [] : [{ name: "priority", type: "integer" as const }]),
        ],
    });
    new genesys.DataTableRow("fallback", { table, key: "fallback", data: { queue: "general", label: rev } });
    const routes = ["sales", "support", "billing"].map((key) => ({ key, data: { queue: `${key}-queue` } }));
    // The row the changes made outside Pulumi land on (see KIND_FIXTURES.DataTableRows).
    new genesys.DataTableRows("routed", { table, rows: [...routes, { key: "s-stable", data: { label: rev } }] });
    new genesys.EventBridgeIntegration("events", {
        awsAccountId: "123456789012",
        awsAccountRegion: "eu-west-1",
        eventSourceSuffix: "engine-events",
        topics: [TOPIC],
        notes: `revision ${rev}`,
    });
    const exports = new genesys.RecordingExportIntegration("exports", {
        bucket: BUCKET,
        roleArn: "arn:aws:iam::123456789012:role/genesys-exports",
        region: "eu-west-1",
        serverSideEncryption: "AES256",
        notes: `revision ${rev}`,
    });
    new genesys.MediaRetentionPolicy("retention", {
        mediaPolicies: {
            callPolicy: {
                actions: {
                    retainRecording: true,
                    retentionDuration: { archiveRetention: { days: 7 }, deleteRetention: { days: 30 + revision } },
                },
            },
        },
    });
    new genesys.ProcessAutomationTrigger("survey", {
        topicName: TOPIC,
        target: { id: "survey-workflow" },
        description: `revision ${rev}`,
    });
    return { tableId: table.id, exportCredential: exports.credentialId };
};

/** The resource of each kind whose platform object is changed and deleted outside Pulumi. */
const RESOURCE_OF: Record<string, string> = {
    DataTable: "routes",
    DataTableRow: "fallback",
    DataTableRows: "routed",
    EventBridgeIntegration: "events",
    RecordingExportIntegration: "exports",
    MediaRetentionPolicy: "retention",
    ProcessAutomationTrigger: "survey",
};

/** One invalid resource of each kind, and the property path its check failure names. */
const INVALID: Record<string, { declare(): void; property: RegExp }> = {
    DataTable: {
        declare: () => new genesys.DataTable("bad", { fields: [{ name: "key", type: "integer" }] }),
        property: /property fields\[0\]\.type /,
    },
    DataTableRow: {
        declare: () =>
            new genesys.DataTableRow("bad", {
                datatableId: "t-1",
                fields: [
                    { name: "key", type: "string" },
                    { name: "seats", type: "integer" },
                ],
                key: "a",
                data: { seats: "many" },
            }),
        property: /property data\.seats /,
    },
    DataTableRows: {
        declare: () =>
            new genesys.DataTableRows("bad", {
                datatableId: "t-1",
                fields: [{ name: "key", type: "string" }],
                rows: [{ key: "..", data: {} }],
            }),
        property: /property rows\[0\]\.key /,
    },
    EventBridgeIntegration: {
        declare: () =>
            new genesys.EventBridgeIntegration("bad", {
                awsAccountId: "12345",
                awsAccountRegion: "eu-west-1",
                eventSourceSuffix: "ok",
                topics: [TOPIC],
            }),
        property: /property awsAccountId /,
    },
    RecordingExportIntegration: {
        declare: () =>
            new genesys.RecordingExportIntegration("bad", {
                bucket: BUCKET,
                roleArn: "not-an-arn",
                region: "eu-west-1",
                serverSideEncryption: "AES256",
            }),
        property: /property roleArn /,
    },
    MediaRetentionPolicy: {
        declare: () =>
            new genesys.MediaRetentionPolicy("bad", {
                mediaPolicies: {
                    callPolicy: {
                        actions: {
                            retainRecording: true,
                            retentionDuration: { archiveRetention: { days: 30 }, deleteRetention: { days: 7 } },
                        },
                    },
                },
            }),
        property: /property mediaPolicies\.callPolicy\.actions\.retentionDuration\.deleteRetention\.days /,
    },
    ProcessAutomationTrigger: {
        declare: () => new genesys.ProcessAutomationTrigger("bad", { topicName: "not a topic", target: { id: "w" } }),
        property: /property topicName /,
    },
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
    const held = () => suite.stack.held();

    it("previews a new stack of all seven kinds as creates, and calls nothing", async () => {
        const before = requests();
        const run = await suite.stack.preview(platformProgram(0));
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
        const run = await suite.stack.up(platformProgram(0));
        assert.ok(run.ok, run.output);
        assert.equal(run.changes.create, PLATFORM_KINDS.length + 1, `and the stack: ${JSON.stringify(run.changes)}`);
        assert.ok(
            s3.requests.some((r) => r.method === "HEAD" && r.path.includes(BUCKET)),
            "the bucket was checked",
        );
        const platform = await platformInventory(suite.stack.platform);
        // The table, its five rows, both integrations, the export's credential, the policy and the trigger.
        assert.equal(platform.length, 11, platform.join("\n"));
        assert.deepEqual(platform, await held());
        const rows = platform.filter((p) => p.includes("/rows/")).map((p) => p.split("/").pop());
        assert.deepEqual(rows.sort(), ["billing", "fallback", "s-stable", "sales", "support"]);
    });

    it("a preview of the unchanged program shows no change (--expect-no-changes)", async () => {
        const run = await suite.stack.preview(platformProgram(0), { expectNoChanges: true });
        assert.ok(run.ok, run.output);
    });

    it("a refresh finds no drift, and the unchanged program still previews no change after it", async () => {
        const refresh = await suite.stack.refresh({ expectNoChanges: true });
        assert.ok(refresh.ok, refresh.output);
        const preview = await suite.stack.preview(platformProgram(0), { expectNoChanges: true });
        assert.ok(preview.ok, preview.output);
        assert.deepEqual(await platformInventory(suite.stack.platform), await held());
    });

    const stated = (name: string) => suite.stack.stated(name);

    it("updates every kind in place, as the preview said", async () => {
        const ids = Object.fromEntries(
            await Promise.all(Object.values(RESOURCE_OF).map(async (name) => [name, (await stated(name)).id])),
        );
        const preview = await suite.stack.preview(platformProgram(1));
        const run = await suite.stack.up(platformProgram(1));
        assert.ok(run.ok, run.output);
        assert.deepEqual(namesWith("update", run.steps), Object.values(RESOURCE_OF).sort());
        assert.deepEqual(namesWith("update", preview.steps), namesWith("update", run.steps));
        for (const [name, id] of Object.entries(ids)) assert.equal((await stated(name)).id, id, `${name} kept its id`);
        assert.deepEqual(await platformInventory(suite.stack.platform), await held());
        assert.ok((await suite.stack.preview(platformProgram(1), { expectNoChanges: true })).ok);
    });

    it("replaces the table when a field is removed, and its rows with it, create-before-delete, nothing orphaned", async () => {
        const oldTable = await stated("routes");
        const preview = await suite.stack.preview(platformProgram(2));
        const run = await suite.stack.up(platformProgram(2));
        assert.ok(run.ok, run.output);
        assert.deepEqual(namesWith("replace", run.steps), ["fallback", "routed", "routes"]);
        assert.deepEqual(namesWith("replace", preview.steps), namesWith("replace", run.steps));
        const ops = run.steps.filter((s) => s.name === "routes").map((s) => s.op);
        assert.ok(ops.indexOf("create-replacement") < ops.indexOf("delete-replaced"), String(ops));
        const newTable = await stated("routes");
        assert.notEqual(newTable.id, oldTable.id);
        assert.notEqual(newTable.outputs.name, oldTable.outputs.name, "the new table has a name of its own");
        assert.deepEqual(await platformInventory(suite.stack.platform), await held());
        assert.ok((await suite.stack.preview(platformProgram(2), { expectNoChanges: true })).ok);
    });

    it("refuses to overwrite a change made outside Pulumi; refresh shows it; up converges", async () => {
        const edited: Record<string, string> = {};
        for (const [kind, name] of Object.entries(RESOURCE_OF)) {
            const resource = await stated(name);
            const path = KIND_FIXTURES[kind].stablePath(resource.id, resource.outputs);
            const live = await suite.stack.platform.get(path);
            const answer = await suite.stack.platform.put(path, KIND_FIXTURES[kind].foreignEdit(live.body));
            assert.equal(answer.status, 200, `${kind}: ${JSON.stringify(answer.body)}`);
            edited[kind] = JSON.stringify((await suite.stack.platform.get(path)).body);
        }
        const refused = await suite.stack.up(platformProgram(3));
        assert.equal(refused.ok, false);
        // The engine starts no step after the first failure (and the rows wait for their table), so which of them are
        // tried varies: each one tried is refused, and every edit is kept.
        const tried = new Set(refused.diagnostics.filter((d) => d.severity === "error" && d.name).map((d) => d.name));
        assert.ok(tried.size > 0, refused.output);
        for (const name of tried)
            assert.match(
                refused.diagnostics
                    .filter((d) => d.name === name)
                    .map((d) => d.message)
                    .join("\n"),
                /changed outside Pulumi.*pulumi refresh/s,
                `${name} refused`,
            );
        for (const [kind, name] of Object.entries(RESOURCE_OF)) {
            const resource = await stated(name);
            const path = KIND_FIXTURES[kind].stablePath(resource.id, resource.outputs);
            const now = JSON.stringify((await suite.stack.platform.get(path)).body);
            assert.equal(now, edited[kind], `${kind} kept its edit`);
        }
        const refresh = await suite.stack.refresh();
        assert.ok(refresh.ok, refresh.output);
        assert.deepEqual(namesWith("update", refresh.results), Object.values(RESOURCE_OF).sort(), "every drift shown");
        const converged = await suite.stack.up(platformProgram(3));
        assert.ok(converged.ok, converged.output);
        assert.ok((await suite.stack.preview(platformProgram(3), { expectNoChanges: true })).ok);
        assert.deepEqual(await platformInventory(suite.stack.platform), await held());
    });

    it("drops objects deleted outside Pulumi at refresh, and up creates them again", async () => {
        const gone = ["fallback", "retention", "survey"];
        for (const name of gone) {
            const [path] = platformPaths(await stated(name));
            assert.equal(await suite.stack.platform.remove(path), 204, path);
        }
        const refresh = await suite.stack.refresh();
        assert.ok(refresh.ok, refresh.output);
        assert.deepEqual(namesWith("delete", refresh.results), gone.sort());
        const up = await suite.stack.up(platformProgram(3));
        assert.ok(up.ok, up.output);
        assert.deepEqual(namesWith("create", up.steps), gone.sort());
        assert.deepEqual(await platformInventory(suite.stack.platform), await held());
    });

    for (const [kind, invalid] of Object.entries(INVALID)) {
        it(`previews an invalid ${kind} as a check failure naming the property, exits non-zero, calls nothing`, async () => {
            const before = requests();
            const run = await suite.stack.preview(async () => invalid.declare());
            assert.equal(run.ok, false, run.output);
            const errors = run.diagnostics.filter((d) => d.severity === "error" && d.name === "bad");
            assert.match(errors.map((d) => d.message).join("\n"), invalid.property, run.output);
            assert.equal(requests() - before, 0, "a preview makes no platform call");
        });
    }

    it("destroy deletes everything: the platform holds nothing, the state no resource", async () => {
        const run = await suite.stack.destroy();
        assert.ok(run.ok, run.output);
        assert.deepEqual(await platformInventory(suite.stack.platform), []);
        assert.deepEqual(await suite.stack.resources(), []);
    });
});
