// `pulumi up --parallel 16` over 200 resources through the real Pulumi engine, against an emulator whose rate limit
// binds (the deployment needs several windows' worth of requests): every resource is created once, none fails, and
// the client keeps within the limit. Then `pulumi destroy --parallel 16` leaves nothing.
import assert from "node:assert/strict";
import { it } from "node:test";
import * as genesys from "genesys-pulumi";
import { platformInventory } from "../platformInventory";
import { cliStackPerSuite } from "./cliStack";
import { describeWithPulumiCli } from "./pulumiCli";

/** 50 of each of four kinds (each collection fits the inventory's one page). */
const PER_KIND = 50;
const RESOURCES = 4 * PER_KIND;
/** Requests allowed per window: the deployment's 200 creates need at least four windows. */
const LIMIT = 50;
/** A compressed window keeps the test short; the provider is told its length, as the benchmark does. */
const WINDOW_MS = 1500;

const fleet = async () => {
    for (let i = 0; i < PER_KIND; i++) {
        new genesys.RecordingPolicy(`policy-${i}`, { mediaTypes: ["audio"], quality: "standard", retentionDays: 30 });
        new genesys.Webhook(`hook-${i}`, {
            targetUrl: `https://hooks.example.com/${i}`,
            events: ["routing:strategy:updated"],
        });
        new genesys.EventStream(`stream-${i}`, {
            topics: ["genesys.conversations.call"],
            retentionDays: 7,
            eventBusArn: "arn:aws:events:eu-west-1:123456789012:event-bus/contact-center",
            roleArn: "arn:aws:iam::123456789012:role/genesys-eventbridge",
        });
        new genesys.FailoverStrategy(`routing-${i}`, {
            regions: [
                { regionId: "us-east-1", priority: 1, weight: 100, failoverTrigger: "health_degraded" },
                { regionId: "eu-west-1", priority: 2, weight: 50, failoverTrigger: "health_degraded" },
            ],
        });
    }
};

describeWithPulumiCli("pulumi up --parallel 16 over 200 resources under a binding rate limit", (cli) => {
    const suite = cliStackPerSuite(cli, {
        emulator: { rateLimitPerMinute: LIMIT, rateLimitWindowMs: WINDOW_MS },
        config: { "genesys:rateLimitWindowMs": { value: String(WINDOW_MS) } },
    });

    it("creates all 200 once, with no failure and no request over the limit", async () => {
        const before = suite.emulator.stats();
        const run = await suite.stack.up(fleet, { parallel: 16 });
        const during = suite.emulator.stats();
        assert.ok(run.ok, run.output);
        assert.deepEqual(run.failed, []);
        assert.equal(run.changes.create, RESOURCES + 1, `the resources and the stack: ${JSON.stringify(run.changes)}`);
        const requests = during.requests - before.requests;
        assert.ok(requests > 3 * LIMIT, `the limit binds: ${requests} requests against ${LIMIT} a window`);
        assert.equal(during.rateLimited - before.rateLimited, 0, "no request went over the limit");
        const inventory = await platformInventory(suite.stack.platform);
        assert.equal(inventory.length, RESOURCES, "nothing duplicated");
        assert.deepEqual(inventory, await suite.stack.held(), "nothing lost");
    });

    it("destroy --parallel 16 leaves nothing, within the limit too", async () => {
        const before = suite.emulator.stats();
        const run = await suite.stack.destroy({ parallel: 16 });
        assert.deepEqual(run.failed, []);
        assert.ok(run.ok, run.output);
        assert.equal(suite.emulator.stats().rateLimited - before.rateLimited, 0, "no request went over the limit");
        assert.deepEqual(await platformInventory(suite.stack.platform), []);
    });
});
