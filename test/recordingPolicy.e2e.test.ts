import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import type { JsonBody } from "./emulatorClient";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";
import { unknownValue } from "./harness/secrets";

const POLICIES = "/api/v2/recording/policies";

describe("RecordingPolicy end to end (program → real host → emulator)", () => {
    let stack: EmulatedStack;
    let args: genesys.RecordingPolicyArgs;
    const program = () => {
        const policy = new genesys.RecordingPolicy("voice", args);
        return {
            id: policy.id,
            name: policy.name,
            version: policy.version,
            codecs: policy.codecMatrix,
            kbps: policy.estimatedBandwidthKbps,
        };
    };
    const policies = async () => (await stack.platform.get(`${POLICIES}?pageSize=100`)).body.entities as JsonBody[];

    before(async () => {
        stack = await startEmulatedStack();
        args = { mediaTypes: ["audio", "video"], quality: "high", retentionDays: 90 };
    });
    after(() => stack.stop());

    it("previews without touching the platform", async () => {
        const run = await stack.run(program, { preview: true });
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["create"],
        );
        assert.deepEqual(await policies(), []);
    });

    it("creates the policy with an auto-name and the computed outputs", async () => {
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["create"],
        );
        const live = await policies();
        assert.equal(live.length, 1);
        assert.match(live[0].name, /^voice-[0-9a-f]{7}$/);
        assert.equal(live[0].recordingQuality, "high");
        assert.deepEqual(run.exports.id, live[0].id);
        assert.equal(run.exports.name, live[0].name, "the auto-name reaches the program");
        assert.equal(run.exports.version, 1);
        assert.deepEqual(run.exports.codecs, { audio: "OPUS 48 kHz", video: "VP9 1080p" });
        assert.equal(run.exports.kbps, 128 + 4000);
    });

    it("shows no change on an unchanged second run", async () => {
        const run = await stack.run(program, { preview: true });
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["same"],
        );
    });

    it("updates in place with the version it last saw", async () => {
        args = { ...args, retentionDays: 30, webhookUrls: ["https://media.example.com/capture"] };
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["update"],
        );
        const [live] = await policies();
        assert.equal(live.retentionDays, 30);
        assert.equal(live.version, 2);
        assert.equal(run.exports.version, 2);
    });

    it("refuses to overwrite a change made outside Pulumi, and converges after a refresh", async () => {
        const [live] = await policies();
        const foreign = await stack.platform.put(`${POLICIES}/${live.id}`, {
            ...live,
            description: "edited in the admin UI",
        });
        assert.equal(foreign.status, 200);

        args = { ...args, retentionDays: 60 };
        await assert.rejects(stack.run(program), /changed outside Pulumi.*pulumi refresh/s);
        assert.equal((await policies())[0].description, "edited in the admin UI", "the foreign change is intact");

        const [refreshed] = await stack.engine.refresh();
        assert.equal(refreshed.error, undefined);
        assert.equal(refreshed.outputs.description, "edited in the admin UI", "refresh shows the drift");
        assert.equal(refreshed.outputs.version, 3);
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["update"],
        );
        const [after] = await policies();
        assert.equal(after.retentionDays, 60);
        assert.equal(after.description, undefined, "the program, which sets no description, wins after the refresh");
    });

    it("reports check failures with property paths and creates nothing", async () => {
        const [state] = stack.engine.resources();
        const steps = await stack.engine.preview([
            {
                type: state.type,
                name: "bad",
                inputs: {
                    __provider: state.inputs.__provider,
                    __resourceName: "bad",
                    mediaTypes: ["audio", "audio"],
                    quality: "ultra",
                    retentionDays: 0,
                    webhookUrls: [unknownValue],
                },
            },
        ]);
        const failures = steps.flatMap((s) => s.failures.map((f) => f.property)).sort();
        assert.deepEqual(failures, ["mediaTypes[1]", "quality", "retentionDays"]);
        assert.equal((await policies()).length, 1);
    });

    it("drops a policy deleted outside Pulumi on refresh, and recreates it on the next up", async () => {
        const [live] = await policies();
        assert.equal(await stack.platform.remove(`${POLICIES}/${live.id}`), 204);
        const refresh = await stack.engine.refresh();
        assert.deepEqual(
            refresh.map((s) => s.op),
            ["delete"],
        );
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["create"],
        );
        assert.equal((await policies()).length, 1);
    });

    it("destroys the policy, and a second destroy finds nothing to do", async () => {
        await stack.engine.destroy();
        assert.deepEqual(await policies(), []);
        assert.deepEqual(await stack.engine.destroy(), []);
    });
});
