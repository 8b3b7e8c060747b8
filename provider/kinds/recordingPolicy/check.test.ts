import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { recordingPolicyProvider as provider } from "./provider";
import { UNKNOWN } from "../../validation/unknowns";

const valid = { __resourceName: "voice", mediaTypes: ["audio"], quality: "standard", retentionDays: 90 };

async function failures(news: Record<string, unknown>) {
    const { failures } = await provider.check({}, { ...valid, ...news });
    return failures;
}

async function reasonsFor(news: Record<string, unknown>): Promise<Record<string, string>> {
    return Object.fromEntries((await failures(news)).map((f) => [f.property, f.reason]));
}

describe("RecordingPolicy check", () => {
    it("accepts a minimal policy and fills the defaults and an auto-name", async () => {
        const { inputs, failures } = await provider.check({}, valid);
        assert.deepEqual(failures, []);
        assert.equal(inputs.enabled, true);
        assert.equal(inputs.maxDurationHours, 24);
        assert.deepEqual(inputs.webhookUrls, []);
        assert.match(String(inputs.name), /^voice-[0-9a-f]{7}$/);
    });

    it("keeps an auto-name across runs and an explicit name as given", async () => {
        const first = await provider.check({}, valid);
        const second = await provider.check(first.inputs, valid);
        assert.equal(second.inputs.name, first.inputs.name);
        const named = await provider.check(first.inputs, { ...valid, name: "Voice policy" });
        assert.equal(named.inputs.name, "Voice policy");
        assert.equal(named.inputs.__autoNamed, undefined);
        const renamedBack = await provider.check(named.inputs, valid);
        assert.notEqual(renamedBack.inputs.name, "Voice policy", "dropping an explicit name auto-names again");
    });

    it("derives the auto-name from the project, stack and resource name, so a preview shows the name created", async () => {
        const identity = { __stack: "dev", __project: "contact-center" };
        const preview = await provider.check({}, { ...valid, ...identity });
        const up = await provider.check({}, { ...valid, ...identity });
        assert.equal(up.inputs.name, preview.inputs.name);
        const otherStack = await provider.check({}, { ...valid, ...identity, __stack: "prod" });
        const otherProject = await provider.check({}, { ...valid, ...identity, __project: "billing" });
        assert.notEqual(otherStack.inputs.name, preview.inputs.name);
        assert.notEqual(otherProject.inputs.name, preview.inputs.name);
    });

    it("names every failing property at once", async () => {
        const reasons = await reasonsFor({
            mediaTypes: ["audio", "fax", "audio"],
            quality: "ultra",
            retentionDays: 400,
            maxDurationHours: 0,
            webhookUrls: ["http://example.com/hook", "https://user:pw@example.com/", "not a url"],
            enabled: "yes",
        });
        assert.deepEqual(Object.keys(reasons).sort(), [
            "enabled",
            "maxDurationHours",
            "mediaTypes[1]",
            "mediaTypes[2]",
            "quality",
            "retentionDays",
            "webhookUrls[0]",
            "webhookUrls[1]",
            "webhookUrls[2]",
        ]);
        assert.match(reasons.retentionDays, /retentionDays must be a whole number of days from 1 to 365 \(got 400\)/);
        assert.match(reasons["mediaTypes[1]"], /one of "audio", "video", "screen"/);
        assert.match(reasons["mediaTypes[2]"], /repeats "audio"/);
        assert.match(reasons.quality, /"standard", "high"/);
        assert.match(reasons["webhookUrls[0]"], /must use https \(found http\)/);
        assert.match(reasons["webhookUrls[1]"], /must not embed credentials/);
    });

    it("requires mediaTypes, quality and retentionDays", async () => {
        const { failures } = await provider.check({}, { __resourceName: "x" });
        assert.deepEqual(failures.map((f) => f.property).sort(), ["mediaTypes", "quality", "retentionDays"]);
    });

    it("refuses an empty mediaTypes list and fractional days", async () => {
        const reasons = await reasonsFor({ mediaTypes: [], retentionDays: 1.5 });
        assert.match(reasons.mediaTypes, /at least 1 media type/);
        assert.match(reasons.retentionDays, /whole number/);
    });

    it("fails a policy over the 5000 kbps gateway limit and explains the estimate", async () => {
        const reasons = await reasonsFor({ mediaTypes: ["audio", "video", "screen"], quality: "high" });
        assert.match(reasons.mediaTypes, /8128 kbps at high quality \(audio 128 \+ video 4000 \+ screen 4000\)/);
        assert.deepEqual(await failures({ mediaTypes: ["audio", "video", "screen"], quality: "standard" }), []);
        assert.deepEqual(await failures({ mediaTypes: ["audio", "video"], quality: "high" }), []);
    });

    it("fails a retention longer than the paired storage target's", async () => {
        const reasons = await reasonsFor({ retentionDays: 120, storageTargetRetentionDays: 90 });
        assert.match(reasons.retentionDays, /exceeds the storage target's retention of 90 days/);
        assert.deepEqual(await failures({ retentionDays: 90, storageTargetRetentionDays: 90 }), []);
    });

    it("passes unknown values during preview, and rules that read them", async () => {
        assert.deepEqual(await failures({ mediaTypes: UNKNOWN, quality: UNKNOWN, retentionDays: UNKNOWN }), []);
        assert.deepEqual(
            await failures({ mediaTypes: ["audio", UNKNOWN], storageTargetId: UNKNOWN, webhookUrls: [UNKNOWN] }),
            [],
        );
        assert.deepEqual(await failures({ retentionDays: 120, storageTargetRetentionDays: UNKNOWN }), []);
        const reasons = await reasonsFor({ mediaTypes: UNKNOWN, retentionDays: 0 });
        assert.deepEqual(Object.keys(reasons), ["retentionDays"], "known values are still checked beside unknown ones");
    });
});

describe("RecordingPolicy diff", () => {
    const olds = {
        ...valid,
        name: "voice-abc1234",
        enabled: true,
        maxDurationHours: 24,
        webhookUrls: [],
        policyId: "p1",
        version: 3,
        __provider: "old",
    };

    it("reports no change when only __provider or computed outputs differ", async () => {
        const news = {
            ...valid,
            name: "voice-abc1234",
            enabled: true,
            maxDurationHours: 24,
            webhookUrls: [],
            __provider: "new",
        };
        assert.deepEqual(await provider.diff("p1", olds, news), {
            changes: false,
            replaces: [],
            deleteBeforeReplace: false,
        });
    });

    it("reports a change in place, never a replacement", async () => {
        const news = {
            ...olds,
            retentionDays: 30,
            mediaTypes: ["audio", "video"],
            policyId: undefined,
            version: undefined,
        };
        const result = await provider.diff("p1", olds, news);
        assert.equal(result.changes, true);
        assert.deepEqual(result.replaces, []);
    });

    it("does not update the policy when only the paired target's retention changed", async () => {
        const paired = { ...olds, storageTargetId: "t1", storageTargetRetentionDays: 365 };
        const result = await provider.diff("p1", paired, { ...paired, storageTargetRetentionDays: 400 });
        assert.equal(result.changes, false);
    });

    it("treats an unknown new value as a possible change", async () => {
        const result = await provider.diff("p1", olds, { ...olds, storageTargetId: UNKNOWN });
        assert.equal(result.changes, true);
    });
});
