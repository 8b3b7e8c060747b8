import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import type { JsonBody } from "./emulatorClient";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";
import { unknownValue } from "./harness/secrets";

const STREAMS = "/api/v2/eventstreams";
const DAY_MS = 86_400_000;
// The provider runs in the host process with the real clock, so replay dates are relative to now.
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
const firstReplayStart = daysAgo(2);

describe("EventStream end to end (program → real host → emulator)", () => {
    let stack: EmulatedStack;
    let args: genesys.EventStreamArgs;
    const program = () => {
        const stream = new genesys.EventStream("calls", args);
        return {
            id: stream.id,
            name: stream.name,
            region: stream.region,
            version: stream.version,
            replay: stream.replay,
            replayStatus: stream.replayStatus,
        };
    };
    const streams = async () => (await stack.platform.get(`${STREAMS}?pageSize=100`)).body.entities as JsonBody[];
    const setReplay = (settings: object) =>
        fetch(`${stack.emulator.url}/__emulator/replay`, { method: "PUT", body: JSON.stringify(settings) });

    before(async () => {
        stack = await startEmulatedStack({ emulator: { replay: { length: 10, gaps: [4, 5] } } });
        args = {
            topics: ["genesys.conversations.call"],
            retentionDays: 30,
            eventBusArn: "arn:aws:events:eu-west-1:123456789012:event-bus/aws.partner/genesys.com/cloud/0a1b2c/calls",
            roleArn: "arn:aws:iam::123456789012:role/genesys-eventbridge",
            replay: { startDate: firstReplayStart },
        };
    });
    after(() => stack.stop());

    it("previews without touching the platform", async () => {
        const run = await stack.run(program, { preview: true });
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["create"],
        );
        assert.deepEqual(await streams(), []);
    });

    it("creates the stream with an auto-name, the bus's region and the replay's gap check", async () => {
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["create"],
        );
        const [live, ...others] = await streams();
        assert.equal(others.length, 0);
        assert.match(live.name, /^calls-[0-9a-f]{7}$/);
        assert.equal(live.destination.eventBridgeConfig.region, "eu-west-1");
        assert.deepEqual(live.replayConfig, {
            enabled: true,
            startDate: firstReplayStart,
            sequenceIndexTrigger: "automatic",
        });
        assert.equal(run.exports.id, live.id);
        assert.equal(run.exports.region, "eu-west-1");
        assert.deepEqual(run.exports.replayStatus, {
            firstSequenceIndex: 1,
            lastSequenceIndex: 10,
            contiguous: false,
            missingSequenceIndices: [4, 5],
            coveragePercent: 80,
        });
    });

    it("shows no change on an unchanged second run (defaulted region and trigger are not drift)", async () => {
        const run = await stack.run(program, { preview: true });
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["same"],
        );
    });

    it("updates in place with the version it last saw, keeping an unchanged replay's data", async () => {
        args = {
            ...args,
            topics: ["genesys.conversations.call", "genesys.conversations.message"],
            description: "calls and messages",
        };
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["update"],
        );
        const [live] = await streams();
        assert.deepEqual(live.filters.topics, args.topics);
        assert.equal(live.version, 2);
        assert.equal(run.exports.version, 2);
        assert.deepEqual(
            (run.exports.replayStatus as { missingSequenceIndices: number[] }).missingSequenceIndices,
            [4, 5],
        );
    });

    it("starts a changed replay over under the emulator's current replay settings", async () => {
        assert.equal((await setReplay({ length: 8, gaps: [] })).status, 200);
        args = { ...args, replay: { startDate: daysAgo(1), sequenceIndexTrigger: "manual" } };
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["update"],
        );
        assert.deepEqual(run.exports.replayStatus, {
            firstSequenceIndex: 1,
            lastSequenceIndex: 8,
            contiguous: true,
            missingSequenceIndices: [],
            coveragePercent: 100,
        });
    });

    it("refuses to overwrite a change made outside Pulumi, and converges after a refresh", async () => {
        const [live] = await streams();
        const foreign = await stack.platform.put(`${STREAMS}/${live.id}`, { ...live, retentionDays: 45 });
        assert.equal(foreign.status, 200);

        args = { ...args, enabled: false };
        await assert.rejects(stack.run(program), /changed outside Pulumi.*pulumi refresh/s);
        assert.equal((await streams())[0].retentionDays, 45, "the foreign change is intact");

        const [refreshed] = await stack.engine.refresh();
        assert.equal(refreshed.error, undefined);
        assert.equal(refreshed.outputs.retentionDays, 45, "refresh shows the drift");
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["update"],
        );
        const [after] = await streams();
        assert.equal(after.enabled, false);
        assert.equal(after.retentionDays, 30, "the program wins after the refresh");
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
                    topics: ["genesys.ok", "Genesys.Bad"],
                    retentionDays: 30,
                    eventBusArn: "arn:aws:events:us-east-1:123456789012:event-bus/default",
                    region: "eu-west-1",
                    roleArn: unknownValue,
                    replay: { startDate: daysAgo(-1) },
                },
            },
        ]);
        const failures = steps.flatMap((s) => s.failures.map((f) => f.property)).sort();
        assert.deepEqual(failures, ["region", "replay.startDate", "topics[1]"]);
        assert.equal((await streams()).length, 1);
    });

    it("drops a stream deleted outside Pulumi on refresh, and recreates it on the next up", async () => {
        const [live] = await streams();
        assert.equal(await stack.platform.remove(`${STREAMS}/${live.id}`), 204);
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
        const recreated = await streams();
        assert.equal(recreated.length, 1);
        assert.equal(run.exports.id, recreated[0].id);
    });

    it("destroys the stream, and a second destroy finds nothing to do", async () => {
        await stack.engine.destroy();
        assert.deepEqual(await streams(), []);
        assert.deepEqual(await stack.engine.destroy(), []);
    });
});
