import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createEventStreamProvider } from "./provider";
import { UNKNOWN } from "../../validation/unknowns";

const DAY_MS = 86_400_000;
let now = new Date("2030-01-31T00:00:00Z");
const provider = createEventStreamProvider(() => now);
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

const BUS = "arn:aws:events:eu-west-1:123456789012:event-bus/genesys-events";
const ROLE = "arn:aws:iam::123456789012:role/genesys-eventbridge";
const valid = {
    __resourceName: "calls",
    topics: ["genesys.conversations.call"],
    retentionDays: 30,
    eventBusArn: BUS,
    roleArn: ROLE,
};

async function failures(news: Record<string, unknown>, olds: Record<string, unknown> = {}) {
    return (await provider.check(olds, { ...valid, ...news })).failures;
}

async function reasonsFor(news: Record<string, unknown>): Promise<Record<string, string>> {
    return Object.fromEntries((await failures(news)).map((f) => [f.property, f.reason]));
}

describe("EventStream check", () => {
    it("accepts a minimal stream and fills enabled, the bus's region and an auto-name", async () => {
        const { inputs, failures } = await provider.check({}, valid);
        assert.deepEqual(failures, []);
        assert.equal(inputs.enabled, true);
        assert.equal(inputs.region, "eu-west-1");
        assert.match(String(inputs.name), /^calls-[0-9a-f]{7}$/);
        assert.equal(inputs.replay, undefined);
    });

    it("fills the replay trigger and keeps a given one", async () => {
        const automatic = await provider.check({}, { ...valid, replay: { startDate: daysAgo(1) } });
        assert.deepEqual(automatic.inputs.replay, { startDate: daysAgo(1), sequenceIndexTrigger: "automatic" });
        const manual = await provider.check(
            {},
            { ...valid, replay: { startDate: daysAgo(1), sequenceIndexTrigger: "manual" } },
        );
        assert.equal((manual.inputs.replay as { sequenceIndexTrigger: string }).sequenceIndexTrigger, "manual");
    });

    it("accepts the ARNs real event buses have, including partner buses and other partitions", async () => {
        for (const [eventBusArn, region] of [
            ["arn:aws:events:us-east-1:123456789012:event-bus/default", "us-east-1"],
            [
                "arn:aws:events:eu-central-1:123456789012:event-bus/aws.partner/genesys.com/cloud/0a1b2c/orders",
                "eu-central-1",
            ],
            ["arn:aws-us-gov:events:us-gov-west-1:123456789012:event-bus/gov-bus", "us-gov-west-1"],
            ["arn:aws-cn:events:cn-north-1:123456789012:event-bus/cn_bus.1", "cn-north-1"],
        ]) {
            const { inputs, failures } = await provider.check({}, { ...valid, eventBusArn });
            assert.deepEqual(failures, [], eventBusArn);
            assert.equal(inputs.region, region);
        }
    });

    it("names every failing property at once", async () => {
        const reasons = await reasonsFor({
            topics: ["genesys.ok", "Conversations.Call", "genesys.ok"],
            retentionDays: 91,
            eventBusArn: "arn:aws:eventbridge:us-east-1:123456789012:event-bus/gen-cx-events",
            roleArn: "arn:aws:iam::123456789012:user/bob",
            region: "Europe",
            enabled: "yes",
            replay: { startDate: "2030-01-20T08:00:00", sequenceIndexTrigger: "sometimes", start: "typo" },
        });
        assert.deepEqual(Object.keys(reasons).sort(), [
            "enabled",
            "eventBusArn",
            "region",
            "replay",
            "replay.sequenceIndexTrigger",
            "replay.startDate",
            "retentionDays",
            "roleArn",
            "topics[1]",
            "topics[2]",
        ]);
        assert.match(reasons.eventBusArn, /arn:<partition>:events:<region>:<12-digit account>:event-bus\/<name>/);
        assert.match(reasons["topics[1]"], /genesys\.<namespace>\.<event>/);
        assert.match(reasons["topics[2]"], /repeats "genesys.ok"/);
        assert.match(reasons.retentionDays, /from 1 to 90/);
        assert.match(reasons["replay.startDate"], /with a zone/);
        assert.match(reasons.replay, /start/);
        assert.match(reasons.roleArn, /IAM role ARN/);
    });

    it("requires topics, retentionDays, eventBusArn and roleArn, and at least one topic", async () => {
        const { failures } = await provider.check({}, { __resourceName: "x" });
        assert.deepEqual(failures.map((f) => f.property).sort(), ["eventBusArn", "retentionDays", "roleArn", "topics"]);
        assert.match((await reasonsFor({ topics: [] })).topics, /at least 1 topic/);
    });

    it("fails a region that is not the event bus's", async () => {
        const reasons = await reasonsFor({ region: "us-east-1" });
        assert.match(reasons.region, /region us-east-1 is not the event bus's region eu-west-1/);
        assert.deepEqual(await failures({ region: "eu-west-1" }), []);
    });

    it("refuses replay start dates that are not real zoned date-times", async () => {
        for (const startDate of ["2030-01-20", "2030-02-30T00:00:00Z", "2030-01-20T24:00:00Z", "last week", 20300120]) {
            assert.deepEqual(
                Object.keys(await reasonsFor({ replay: { startDate } })),
                ["replay.startDate"],
                String(startDate),
            );
        }
        assert.deepEqual(await failures({ replay: { startDate: "2030-01-30T09:00:00+02:00" } }), []);
    });

    it("fails a new replay that starts in the future or before the retention window", async () => {
        assert.match(
            (await reasonsFor({ replay: { startDate: daysAgo(-1) } }))["replay.startDate"],
            /is in the future \(now is 2030-01-31T00:00:00.000Z\)/,
        );
        const reasons = await reasonsFor({ replay: { startDate: daysAgo(31) } });
        assert.match(
            reasons["replay.startDate"],
            /before the 30-day retention window, which reaches back to 2030-01-01T00:00:00.000Z/,
        );
        assert.deepEqual(
            await failures({ replay: { startDate: daysAgo(30) } }),
            [],
            "the window's first instant is inside it",
        );
        assert.deepEqual(await failures({ replay: { startDate: daysAgo(0) } }), [], "now is not the future");
        assert.deepEqual(await failures({ retentionDays: 60, replay: { startDate: daysAgo(31) } }), []);
    });

    it("never fails an unchanged replay when the clock moves on, but checks one that changes", async () => {
        const first = await provider.check({}, { ...valid, replay: { startDate: daysAgo(10) } });
        assert.deepEqual(first.failures, []);
        const saved = now;
        now = new Date(now.getTime() + 200 * DAY_MS);
        try {
            const unchanged = await provider.check(first.inputs, {
                ...valid,
                replay: { startDate: daysAgo(210) },
                topics: ["genesys.other"],
            });
            assert.deepEqual(
                unchanged.failures,
                [],
                "months later, the same replay (trigger filled both times) still passes",
            );
            const retrigger = await provider.check(first.inputs, {
                ...valid,
                replay: { startDate: daysAgo(210), sequenceIndexTrigger: "manual" },
            });
            assert.deepEqual(
                retrigger.failures.map((f) => f.property),
                ["replay.startDate"],
            );
            const replacement = await provider.check({}, { ...valid, replay: { startDate: daysAgo(210) } });
            assert.deepEqual(
                replacement.failures.map((f) => f.property),
                ["replay.startDate"],
                "a new stream's replay is checked",
            );
        } finally {
            now = saved;
        }
    });

    it("passes unknown values during preview, and rules that read them", async () => {
        assert.deepEqual(
            await failures({
                topics: UNKNOWN,
                eventBusArn: UNKNOWN,
                roleArn: UNKNOWN,
                retentionDays: UNKNOWN,
                replay: UNKNOWN,
            }),
            [],
        );
        assert.deepEqual(await failures({ topics: ["genesys.a", UNKNOWN], replay: { startDate: UNKNOWN } }), []);
        assert.deepEqual(
            await failures({ eventBusArn: UNKNOWN, region: "us-east-1" }),
            [],
            "the region rule waits for the ARN",
        );
        assert.deepEqual(
            await failures({ retentionDays: UNKNOWN, replay: { startDate: daysAgo(80) } }),
            [],
            "the window rule waits for retentionDays",
        );
        const { inputs } = await provider.check({}, { ...valid, eventBusArn: UNKNOWN });
        assert.equal(inputs.region, undefined, "no region is guessed from an unknown ARN");
        const reasons = await reasonsFor({ eventBusArn: UNKNOWN, retentionDays: 0 });
        assert.deepEqual(Object.keys(reasons), ["retentionDays"], "known values are still checked beside unknown ones");
    });
});

describe("EventStream diff", () => {
    const checked = {
        ...valid,
        name: "calls-abc1234",
        enabled: true,
        region: "eu-west-1",
        replay: { startDate: "2030-01-20T00:00:00Z", sequenceIndexTrigger: "automatic" },
    };
    const olds = { ...checked, streamId: "s1", version: 2, replayStatus: { contiguous: true }, __provider: "old" };

    it("reports no change when only __provider or computed outputs differ", async () => {
        assert.deepEqual(await provider.diff("s1", olds, { ...checked, __provider: "new" }), {
            changes: false,
            replaces: [],
            deleteBeforeReplace: false,
        });
    });

    it("reports every change in place, never a replacement", async () => {
        for (const change of [
            { topics: ["genesys.other"] },
            { eventBusArn: "arn:aws:events:eu-west-1:123456789012:event-bus/other" },
            { replay: undefined },
            { retentionDays: 7 },
        ]) {
            const result = await provider.diff("s1", olds, { ...checked, ...change });
            assert.equal(result.changes, true, JSON.stringify(change));
            assert.deepEqual(result.replaces, []);
        }
    });

    it("treats an unknown new value as a possible change", async () => {
        assert.equal((await provider.diff("s1", olds, { ...checked, roleArn: UNKNOWN })).changes, true);
    });
});
