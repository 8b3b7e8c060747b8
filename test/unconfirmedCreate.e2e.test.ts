import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";

interface Case {
    kind: string;
    collection: string;
    /** The emulator's log line of the create whose response the fault drops. */
    lostCreate: RegExp;
    program(): { id: unknown };
    /** How the stack records the unconfirmed create, given the object that turned out to exist. */
    recordedAs(object: { id: string; name: string }): string;
}

const CASES: Case[] = [
    {
        kind: "Webhook (the platform chooses the id: recorded by name)",
        collection: "/api/v2/webhooks",
        lostCreate: / POST \/api\/v2\/webhooks response-lost /,
        program: () => ({
            id: new genesys.Webhook("audit-sink", {
                targetUrl: "https://sink.example.com/genesys",
                events: ["routing.strategy.updated"],
            }).id,
        }),
        recordedAs: (object) => `unconfirmed:${object.name}`,
    },
    {
        kind: "FailoverStrategy (we choose the id: recorded by it)",
        collection: "/api/v2/routing/strategies",
        lostCreate: / PUT \/api\/v2\/routing\/strategies\/[0-9a-f-]+ response-lost /,
        program: () => ({
            id: new genesys.FailoverStrategy("routing", {
                regions: [
                    { regionId: "us-east-1", priority: 1, weight: 100, failoverTrigger: "health_degraded" },
                    { regionId: "us-west-2", priority: 2, weight: 0, failoverTrigger: "health_degraded" },
                ],
            }).id,
        }),
        recordedAs: (object) => `unconfirmed:${object.id}`,
    },
];

/**
 * The one create whose outcome no retry can settle: the POST commits, its response is lost, and the platform
 * then refuses every lookup until the client's deadline. The run must fail, record what may exist, and the next
 * run must leave exactly the declared object, with no orphan beside it.
 */
for (const kase of CASES)
    describe(`a create that committed but could not be confirmed: ${kase.kind}`, () => {
        let stack: EmulatedStack;
        const program = kase.program;
        const objects = async () =>
            (await stack.platform.get(`${kase.collection}?pageSize=100`)).body.entities as {
                id: string;
                name: string;
            }[];

        async function failUnconfirmed(): Promise<string> {
            stack = await startEmulatedStack({
                // A short retry budget, so the lookups that 503 give up quickly.
                config: { "genesys:retryDeadlineMs": "1500", "genesys:minRetryDelayMs": "20" },
                emulator: {
                    log: (line) => {
                        // Right after the create commits and its response is lost, every request starts failing.
                        if (kase.lostCreate.test(line)) stack.emulator.setFaults({ shareLostResponse: 0, share5xx: 1 });
                    },
                },
            });
            stack.emulator.setFaults({ shareLostResponse: 1 });
            await assert.rejects(stack.run(program), /may have reached the platform, and looking for it failed too/);
            stack.emulator.setFaults({ share5xx: 0 });
            const [orphan, ...others] = await objects();
            assert.deepEqual(others, [], "the one create committed once");
            const [state] = stack.engine.resources();
            assert.equal(state.id, kase.recordedAs(orphan), "the stack records the create by how to find it");
            return orphan.id;
        }

        afterEach(() => stack.stop());

        it("is replaced on the next up: the orphan removed first, one object left", async () => {
            const orphanId = await failUnconfirmed();
            const run = await stack.run(program);
            assert.deepEqual(
                run.steps.map((s) => s.op),
                ["replace", "delete"],
                "the orphan's delete is a step of its own, as the engine reports it",
            );
            const live = await objects();
            assert.equal(live.length, 1);
            assert.notEqual(live[0].id, orphanId);
            assert.equal(run.exports.id, live[0].id);
            assert.deepEqual(
                (await stack.run(program, { preview: true })).steps.map((s) => s.op),
                ["same"],
            );
        });

        it("is resolved by a refresh to the object it turned out to be", async () => {
            const orphanId = await failUnconfirmed();
            const [refreshed] = await stack.engine.refresh();
            assert.equal(refreshed.error, undefined);
            assert.equal(refreshed.id, orphanId);
            assert.deepEqual(
                (await stack.run(program, { preview: true })).steps.map((s) => s.op),
                ["same"],
            );
            assert.deepEqual(
                (await objects()).map((w) => w.id),
                [orphanId],
            );
        });
    });
