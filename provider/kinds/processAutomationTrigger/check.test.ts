import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UNKNOWN } from "../../validation/unknowns";
import { processAutomationTriggerProvider as provider } from "./provider";

const valid = {
    __resourceName: "customer-end",
    topicName: "v2.detail.events.conversation.{id}.customer.end",
    target: { id: "0b1c2d3e-flow", workflowTargetSettings: { dataFormat: "Json" } },
};

async function reasonsFor(news: Record<string, unknown>): Promise<Record<string, string>> {
    const { failures } = await provider.check({}, { ...valid, ...news });
    return Object.fromEntries(failures.map((f) => [f.property, f.reason]));
}

describe("ProcessAutomationTrigger check", () => {
    it("fills the target type, enables and auto-names the trigger", async () => {
        const { inputs, failures } = await provider.check({}, valid);
        assert.deepEqual(failures, []);
        assert.deepEqual(inputs.target, { type: "Workflow", ...valid.target });
        assert.equal(inputs.enabled, true);
        assert.match(String(inputs.name), /^customer-end-[0-9a-f]{7}$/);
    });

    it("takes only the real topic grammar and the Workflow target", async () => {
        const reasons = await reasonsFor({
            topicName: "conversation.customer.end",
            target: { type: "Lambda", id: "../x", extra: 1 },
        });
        assert.match(reasons.topicName, /notification topic such as v2.detail.events.conversation.\{id\}.customer.end/);
        assert.match(reasons.target, /unknown field\(s\) extra/);
        assert.match((await reasonsFor({ target: { type: "Lambda", id: "f1" } }))["target.type"], /"Workflow"/);
        assert.match((await reasonsFor({ target: { id: "../x" } }))["target.id"], /platform id/);
    });

    it("matches each operator with value or values as the platform reads them", async () => {
        const reasons = await reasonsFor({
            matchCriteria: [
                { jsonPath: "$.mediaType", operator: "In", value: "VOICE" },
                { jsonPath: "$.queueId", operator: "Equal" },
                { jsonPath: "$.disconnectType", operator: "Exists", value: "yes" },
                { jsonPath: "$.durationMs", operator: "GreaterThan", value: "60" },
                { jsonPath: "$.participants", operator: "Size", value: 1.5 },
                { jsonPath: "mediaType", operator: "Equal", value: "VOICE", values: ["x"] },
                { jsonPath: "$.x", operator: "Matches", value: "a" },
            ],
        });
        assert.match(reasons["matchCriteria[0].value"], /not read by In, which compares with a list: use values/);
        assert.match(reasons["matchCriteria[0].values"], /must list what In compares with/);
        assert.match(reasons["matchCriteria[1].value"], /required with Equal/);
        assert.match(reasons["matchCriteria[2].value"], /true or false with Exists/);
        assert.match(reasons["matchCriteria[3].value"], /number with GreaterThan/);
        assert.match(reasons["matchCriteria[4].value"], /whole number with Size/);
        assert.match(reasons["matchCriteria[5].jsonPath"], /starting with \$/);
        assert.match(reasons["matchCriteria[6].operator"], /"GreaterThan"/);
        const fine = await reasonsFor({
            matchCriteria: [
                { jsonPath: "$.mediaType", operator: "In", values: ["VOICE", "CALLBACK"] },
                { jsonPath: "$.wrapup", operator: "Exists", value: true },
                { jsonPath: "$.queueId", operator: "Equal", value: UNKNOWN },
            ],
        });
        assert.deepEqual(fine, {});
    });

    it("bounds the delay and the TTL, and refuses both at once", async () => {
        const reasons = await reasonsFor({ eventTTLSeconds: 5, delayBySeconds: 30 });
        assert.match(reasons.eventTTLSeconds, /at least 10/);
        assert.match(reasons.delayBySeconds, /from 60 to 900/);
        const both = await reasonsFor({ eventTTLSeconds: 60, delayBySeconds: 120 });
        assert.match(both.delayBySeconds, /cannot be set with eventTTLSeconds/);
        assert.deepEqual(await reasonsFor({ eventTTLSeconds: UNKNOWN, delayBySeconds: 120 }), {});
    });
});

describe("ProcessAutomationTrigger diff", () => {
    it("replaces on a new topic, which the platform cannot change, and updates anything else in place", async () => {
        const { inputs: olds } = await provider.check({}, valid);
        const state = { ...olds, triggerId: "t1", version: 1 };
        const topic = await provider.diff("t1", state, { ...olds, topicName: "v2.users.{id}.activity" });
        assert.deepEqual(topic.replaces, ["topicName"]);
        const enabled = await provider.diff("t1", state, { ...olds, enabled: false, delayBySeconds: 60 });
        assert.equal(enabled.changes, true);
        assert.deepEqual(enabled.replaces, []);
    });
});
