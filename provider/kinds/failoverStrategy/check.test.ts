import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { failoverStrategyProvider as provider } from "./provider";
import { UNKNOWN } from "../../validation/unknowns";

const primary = { regionId: "us-east-1", priority: 1, weight: 100, failoverTrigger: "health_degraded" };
const secondary = { regionId: "eu-west-1", priority: 2, weight: 50, failoverTrigger: "latency_exceeded" };
const valid = { __resourceName: "voice", regions: [primary, secondary] };

async function failures(news: Record<string, unknown>) {
    const { failures } = await provider.check({}, { ...valid, ...news });
    return failures;
}

async function reasonsFor(news: Record<string, unknown>): Promise<Record<string, string>> {
    return Object.fromEntries((await failures(news)).map((f) => [f.property, f.reason]));
}

describe("FailoverStrategy check", () => {
    it("accepts a minimal strategy and fills the defaults and an auto-name", async () => {
        const { inputs, failures } = await provider.check({}, valid);
        assert.deepEqual(failures, []);
        assert.equal(inputs.enabled, true);
        assert.equal(inputs.evaluationTimeoutMs, 5000);
        assert.equal(inputs.maxSyncIntervalSeconds, 300);
        assert.match(String(inputs.name), /^voice-[0-9a-f]{7}$/);
    });

    it("keeps an auto-name across runs and an explicit name as given", async () => {
        const first = await provider.check({}, valid);
        assert.equal((await provider.check(first.inputs, valid)).inputs.name, first.inputs.name);
        assert.equal(
            (await provider.check(first.inputs, { ...valid, name: "Voice failover" })).inputs.name,
            "Voice failover",
        );
    });

    it("names every failing property at once", async () => {
        const reasons = await reasonsFor({
            name: "",
            enabled: "yes",
            evaluationTimeoutMs: 30001,
            maxSyncIntervalSeconds: 0,
            regions: [
                { regionId: "", priority: 0, weight: 101, failoverTrigger: "dns" },
                { ...secondary, priority: 1.5 },
                { ...secondary, priority: 3 },
            ],
        });
        assert.deepEqual(Object.keys(reasons).sort(), [
            "enabled",
            "evaluationTimeoutMs",
            "maxSyncIntervalSeconds",
            "name",
            "regions[0].failoverTrigger",
            "regions[0].priority",
            "regions[0].regionId",
            "regions[0].weight",
            "regions[1].priority",
            "regions[2].regionId",
        ]);
        assert.match(
            reasons.evaluationTimeoutMs,
            /evaluationTimeoutMs must be a whole number of milliseconds from 1 to 30000 \(got 30001\)/,
        );
        assert.match(reasons["regions[0].weight"], /from 0 to 100/);
        assert.match(reasons["regions[0].failoverTrigger"], /"health_degraded", "latency_exceeded"/);
        assert.match(reasons["regions[0].priority"], /positive whole number/);
        assert.match(
            reasons["regions[2].regionId"],
            /repeats "eu-west-1" \(already at regions\[1\]\); list each region once/,
        );
    });

    it("refuses a fraction too small for floating-point tolerance to notice, as the platform does", async () => {
        const reasons = await reasonsFor({
            regions: [
                { ...primary, weight: 3.8e-64 },
                { ...secondary, priority: 2 + 1e-12 },
            ],
        });
        assert.deepEqual(Object.keys(reasons).sort(), ["regions[0].weight", "regions[1].priority"]);
        assert.match(reasons["regions[0].weight"], /whole number of percent/);
    });

    it("requires priorities to be unique, reporting each repeat at its own path", async () => {
        const reasons = await reasonsFor({
            regions: [primary, { ...secondary, priority: 1 }, { ...secondary, regionId: "eu-central-1", priority: 1 }],
        });
        assert.deepEqual(Object.keys(reasons).sort(), ["regions[1].priority", "regions[2].priority"]);
        assert.match(
            reasons["regions[1].priority"],
            /repeats 1 \(already at regions\[0\]\); give each region its own priority/,
        );
    });

    it("requires two or more regions, and only the region fields", async () => {
        assert.match((await reasonsFor({ regions: [primary] })).regions, /at least 2 regions/);
        assert.match((await reasonsFor({ regions: "us-east-1" })).regions, /must be a list of regions/);
        const reasons = await reasonsFor({ regions: [{ ...primary, wieght: 5 }, secondary] });
        assert.match(
            reasons["regions[0]"],
            /unknown field\(s\) wieght: a region takes only regionId, priority, weight, failoverTrigger/,
        );
        const { failures } = await provider.check({}, { __resourceName: "x" });
        assert.deepEqual(
            failures.map((f) => f.property),
            ["regions"],
        );
    });

    it("passes unknown values during preview, and still checks the known ones beside them", async () => {
        assert.deepEqual(await failures({ regions: UNKNOWN, evaluationTimeoutMs: UNKNOWN }), []);
        assert.deepEqual(
            await failures({
                regions: [
                    { ...primary, regionId: UNKNOWN },
                    { ...secondary, regionId: UNKNOWN },
                ],
            }),
            [],
            "two unknown ids are not a repeat",
        );
        assert.deepEqual(await failures({ regions: [primary, { ...secondary, priority: UNKNOWN }] }), []);
        const reasons = await reasonsFor({ regions: [primary, { ...secondary, regionId: UNKNOWN, priority: 1 }] });
        assert.deepEqual(Object.keys(reasons), ["regions[1].priority"]);
    });
});

describe("FailoverStrategy diff", () => {
    const olds = {
        ...valid,
        name: "voice-abc1234",
        enabled: true,
        evaluationTimeoutMs: 5000,
        maxSyncIntervalSeconds: 300,
        strategyId: "s1",
        version: 2,
        healthMatrix: { "us-east-1": "HEALTHY" },
    };

    it("reports no change when only computed outputs differ", async () => {
        const news = {
            ...valid,
            name: "voice-abc1234",
            enabled: true,
            evaluationTimeoutMs: 5000,
            maxSyncIntervalSeconds: 300,
            __provider: "new",
        };
        assert.deepEqual(await provider.diff("s1", olds, news), {
            changes: false,
            replaces: [],
            deleteBeforeReplace: false,
        });
    });

    it("changes every input in place, never a replacement (the id is the client's)", async () => {
        for (const change of [
            { regions: [primary, { ...secondary, weight: 10 }] },
            { evaluationTimeoutMs: 100 },
            { maxSyncIntervalSeconds: 60 },
            { name: "renamed" },
        ]) {
            const result = await provider.diff("s1", olds, { ...olds, ...change });
            assert.equal(result.changes, true, JSON.stringify(change));
            assert.deepEqual(result.replaces, []);
        }
    });

    it("treats an unknown region value as a possible change", async () => {
        assert.equal(
            (await provider.diff("s1", olds, { ...olds, regions: [primary, { ...secondary, regionId: UNKNOWN }] }))
                .changes,
            true,
        );
    });
});
