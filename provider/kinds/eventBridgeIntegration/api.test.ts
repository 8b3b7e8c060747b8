import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { desiredConfig, eventSourceName, inputsFromLive } from "./api";
import type { EventBridgeIntegrationInputs } from "./schema";

const inputs: EventBridgeIntegrationInputs = {
    name: "events-abc1234",
    enabled: true,
    awsAccountId: "123456789012",
    awsAccountRegion: "eu-west-1",
    eventSourceSuffix: "cc-events",
    topics: ["v2.detail.events.conversation.{id}.customer.end"],
};

describe("EventBridgeIntegration API map", () => {
    it("sends the topics as eventFilter, with no credential and empty notes when none are given", () => {
        assert.deepEqual(desiredConfig(inputs), {
            name: "events-abc1234",
            notes: "",
            properties: {
                awsAccountId: "123456789012",
                awsAccountRegion: "eu-west-1",
                eventSourceSuffix: "cc-events",
                eventFilter: ["v2.detail.events.conversation.{id}.customer.end"],
            },
            advanced: {},
            credentials: {},
        });
    });

    it("reads back the inputs it sent, the state from intendedState", () => {
        const config = { ...desiredConfig({ ...inputs, notes: "to analytics" }), version: 3 };
        const live = { integration: { id: "i1", intendedState: "DISABLED" }, config };
        assert.deepEqual(inputsFromLive(live), { ...inputs, notes: "to analytics", enabled: false });
    });

    it("names the partner event source after the org and the suffix", () => {
        assert.equal(
            eventSourceName("6c1a1b0e-0000-4000-8000-000000000001", "cc-events"),
            "aws.partner/genesys.com/cloud/6c1a1b0e-0000-4000-8000-000000000001/cc-events",
        );
    });
});
