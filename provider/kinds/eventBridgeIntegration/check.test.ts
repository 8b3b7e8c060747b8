import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { eventBridgeIntegrationProvider as provider } from "./provider";
import { UNKNOWN } from "../../validation/unknowns";

const valid = {
    __resourceName: "events",
    awsAccountId: "123456789012",
    awsAccountRegion: "eu-west-1",
    eventSourceSuffix: "cc-events.prod",
    topics: ["v2.detail.events.conversation.{id}.customer.end", "v2.audits.entitytype.{id}.entityid.{id}"],
};

async function failures(news: Record<string, unknown>) {
    return (await provider.check({}, { ...valid, ...news })).failures;
}

async function reasonsFor(news: Record<string, unknown>): Promise<Record<string, string>> {
    return Object.fromEntries((await failures(news)).map((f) => [f.property, f.reason]));
}

describe("EventBridgeIntegration check", () => {
    it("accepts real topics, fills enabled and an auto-name", async () => {
        const { inputs, failures } = await provider.check({}, valid);
        assert.deepEqual(failures, []);
        assert.equal(inputs.enabled, true);
        assert.match(String(inputs.name), /^events-[0-9a-f]{7}$/);
    });

    it("refuses topics outside the platform's grammar, at their index, with an example", async () => {
        const reasons = await reasonsFor({
            topics: ["v2.users.{id}.presence", "genesys.conversations.call", "v2.users.{userId}.presence", "v2."],
        });
        assert.deepEqual(Object.keys(reasons).sort(), ["topics[1]", "topics[2]", "topics[3]"]);
        assert.match(reasons["topics[1]"], /v2\. then dot-separated names, \{id\} for an entity id/);
        assert.match(reasons["topics[1]"], /v2\.detail\.events\.conversation\.\{id\}\.customer\.end/);
    });

    it("refuses an empty or repeating topic list", async () => {
        assert.match((await reasonsFor({ topics: [] })).topics, /at least 1 topic/);
        const repeated = await reasonsFor({ topics: ["v2.users.{id}.presence", "v2.users.{id}.presence"] });
        assert.match(repeated["topics[1]"], /repeats .* \(already at index 0\)/);
    });

    it("names the account, region and suffix rules", async () => {
        const reasons = await reasonsFor({
            awsAccountId: "12345",
            awsAccountRegion: "Europe",
            eventSourceSuffix: "has spaces",
        });
        assert.match(reasons.awsAccountId, /12-digit id of the AWS account/);
        assert.match(reasons.awsAccountRegion, /AWS region code such as us-east-1/);
        assert.match(reasons.eventSourceSuffix, /1 to 64 characters of A-Z, a-z, 0-9, '\.', '_' or '-'/);
        assert.match((await reasonsFor({ eventSourceSuffix: "a".repeat(65) })).eventSourceSuffix, /1 to 64/);
    });

    it("accepts every suffix of the allowed alphabet up to 64 characters, and nothing longer", () => {
        const suffix = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9._-]{${min},${max}}$`));
        fc.assert(
            fc.asyncProperty(suffix(1, 64), async (s) => (await failures({ eventSourceSuffix: s })).length === 0),
            { numRuns: 50 },
        );
        fc.assert(
            fc.asyncProperty(
                suffix(65, 80),
                async (s) => (await failures({ eventSourceSuffix: s }))[0]?.property === "eventSourceSuffix",
            ),
            { numRuns: 20 },
        );
    });

    it("passes unknown values during preview", async () => {
        assert.deepEqual(
            await failures({ awsAccountId: UNKNOWN, awsAccountRegion: UNKNOWN, eventSourceSuffix: UNKNOWN }),
            [],
        );
        assert.deepEqual(await failures({ topics: [UNKNOWN] }), []);
    });
});

describe("EventBridgeIntegration diff", () => {
    const olds = { ...valid, name: "events-abc1234", enabled: true, integrationId: "i1", version: 2 };

    it("updates every change in place: the paired bus follows the event source name", async () => {
        for (const change of [{ eventSourceSuffix: "other" }, { awsAccountRegion: "us-east-1" }, { enabled: false }]) {
            const diff = await provider.diff("i1", olds, { ...olds, ...change });
            assert.equal(diff.changes, true);
            assert.deepEqual(diff.replaces, []);
        }
        assert.equal((await provider.diff("i1", olds, { ...olds, version: undefined })).changes, false);
    });
});
