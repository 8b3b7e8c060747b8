import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import type { RegionConfig } from "../emulator";
import type { JsonBody } from "./emulatorClient";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";

const STRATEGIES = "/api/v2/routing/strategies";
const REGION_IDS = ["us-east-1", "eu-west-1", "eu-central-1"];

describe("FailoverStrategy end to end (program → real host → emulator)", () => {
    let stack: EmulatedStack;
    let args: genesys.FailoverStrategyArgs;
    let withAuditLog = false;
    const program = () => {
        const strategy = new genesys.FailoverStrategy("voice", args);
        const audit = withAuditLog ? genesys.getFailoverAuditLog(strategy.id, { pageSize: 2 }) : undefined;
        return {
            id: strategy.id,
            name: strategy.name,
            version: strategy.version,
            health: strategy.healthMatrix,
            audit,
        };
    };
    const strategies = async () => (await stack.platform.get(`${STRATEGIES}?pageSize=100`)).body.entities as JsonBody[];
    const setRegions = (changes: Record<string, Partial<RegionConfig>>) =>
        stack.emulator.setRegions(REGION_IDS.map((id) => ({ id, ...changes[id] })));

    before(async () => {
        stack = await startEmulatedStack({ emulator: { regions: REGION_IDS.map((id) => ({ id })) } });
        args = {
            regions: [
                { regionId: "us-east-1", priority: 1, weight: 100, failoverTrigger: "health_degraded" },
                { regionId: "eu-west-1", priority: 2, weight: 50, failoverTrigger: "latency_exceeded" },
            ],
        };
    });
    after(() => stack.stop());

    it("previews without touching the platform", async () => {
        const run = await stack.run(program, { preview: true });
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["create"],
        );
        assert.deepEqual(await strategies(), []);
    });

    it("creates the strategy under a client-chosen UUID, with an auto-name and the health matrix", async () => {
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["create"],
        );
        const live = await strategies();
        assert.equal(live.length, 1);
        assert.match(live[0].id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        assert.equal(run.exports.id, live[0].id);
        assert.match(live[0].name, /^voice-[0-9a-f]{7}$/);
        assert.deepEqual(live[0].routingConfig, { evaluationTimeoutMs: 5000, regions: args.regions });
        assert.equal(run.exports.version, 1);
        assert.deepEqual(run.exports.health, { "us-east-1": "HEALTHY", "eu-west-1": "HEALTHY" });
    });

    it("shows no change on an unchanged second run", async () => {
        const run = await stack.run(program, { preview: true });
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["same"],
        );
    });

    it("updates in place with the version it last saw", async () => {
        args = { ...args, evaluationTimeoutMs: 2000, description: "Voice routing" };
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["update"],
        );
        const [live] = await strategies();
        assert.equal(live.routingConfig.evaluationTimeoutMs, 2000);
        assert.equal(live.version, 2);
        assert.equal(run.exports.version, 2);
    });

    it("stops an update whose regions fail the pre-flight, naming each region, and changes nothing", async () => {
        setRegions({ "eu-central-1": { syncIntervalSeconds: 900 } });
        args = {
            ...args,
            regions: [
                { regionId: "eu-central-1", priority: 1, weight: 100, failoverTrigger: "health_degraded" },
                { regionId: "ap-east-9", priority: 2, weight: 50, failoverTrigger: "health_degraded" },
            ],
        };
        await assert.rejects(stack.run(program), (err: Error) => {
            assert.match(
                err.message,
                /region pre-flight failed: region eu-central-1 \(regions\[0\]\) syncs every 900 s, over maxSyncIntervalSeconds 300/,
            );
            assert.match(err.message, /regions\[1\]\.regionId "ap-east-9" is not a region of this org/);
            return true;
        });
        assert.equal((await strategies())[0].version, 2, "nothing was written");
        args = {
            ...args,
            maxSyncIntervalSeconds: 900,
            regions: [
                { regionId: "eu-central-1", priority: 1, weight: 100, failoverTrigger: "health_degraded" },
                { regionId: "eu-west-1", priority: 2, weight: 50, failoverTrigger: "latency_exceeded" },
            ],
        };
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["update"],
        );
        assert.deepEqual(run.exports.health, { "eu-central-1": "HEALTHY", "eu-west-1": "HEALTHY" });
    });

    it("reads the audit log across pages, with the switch success rate, from the program", async () => {
        setRegions({ "eu-central-1": { status: "DEGRADED" } }); // switch to eu-west-1: success
        setRegions({ "eu-central-1": { status: "DEGRADED" }, "eu-west-1": { latencyMs: 2500 } }); // over 2000 ms, none left: failure
        setRegions({}); // back to eu-central-1: success
        const auditPages = () => stack.emulator.stats().perPath["GET /api/v2/platform/auditlogs"] ?? 0;
        const pagesBefore = auditPages();
        withAuditLog = true;
        const run = await stack.run(program);
        withAuditLog = false;
        const audit = run.exports.audit as genesys.FailoverAuditLog;
        assert.equal(audit.strategyId, run.exports.id);
        assert.deepEqual(
            audit.entries.map((e) => `${e.action}:${e.status}`),
            [
                "Create:SUCCESS",
                "Update:SUCCESS",
                "Update:SUCCESS",
                "Failover:SUCCESS",
                "Failover:FAILURE",
                "Failover:SUCCESS",
            ],
        );
        assert.deepEqual(audit.entries[4].context, {
            fromRegionId: "eu-west-1",
            toRegionId: "",
            trigger: "latency_exceeded",
        });
        assert.equal(auditPages() - pagesBefore, 3, "six entries, two per page");
        assert.equal(audit.switchCount, 3);
        assert.equal(audit.successfulSwitches, 2);
        assert.equal(audit.switchSuccessRate, 2 / 3);
    });

    it("refuses to overwrite a change made outside Pulumi; a refresh takes it in with the current health", async () => {
        const [live] = await strategies();
        const foreign = await stack.platform.put(`${STRATEGIES}/${live.id}`, { ...live, enabled: false });
        assert.equal(foreign.status, 200);
        setRegions({ "eu-west-1": { status: "DEGRADED" } });

        args = { ...args, evaluationTimeoutMs: 3000 };
        await assert.rejects(stack.run(program), /changed outside Pulumi.*pulumi refresh/s);
        assert.equal((await strategies())[0].enabled, false, "the foreign change is intact");

        const [refreshed] = await stack.engine.refresh();
        assert.equal(refreshed.error, undefined);
        assert.equal(refreshed.outputs.enabled, false, "refresh shows the drift");
        assert.deepEqual(refreshed.outputs.healthMatrix, { "eu-central-1": "HEALTHY", "eu-west-1": "DEGRADED" });
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["update"],
        );
        const [after] = await strategies();
        assert.equal(after.enabled, true, "the program wins after the refresh");
        assert.equal(after.routingConfig.evaluationTimeoutMs, 3000);
        setRegions({});
    });

    it("drops a strategy deleted outside Pulumi on refresh, and recreates it on the next up", async () => {
        const [live] = await strategies();
        assert.equal(await stack.platform.remove(`${STRATEGIES}/${live.id}`), 204);
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
        const now = await strategies();
        assert.equal(now.length, 1);
        assert.notEqual(now[0].id, live.id, "a fresh client-chosen id");
    });

    it("destroys the strategy, and a second destroy finds nothing to do", async () => {
        await stack.engine.destroy();
        assert.deepEqual(await strategies(), []);
        assert.deepEqual(await stack.engine.destroy(), []);
    });
});
