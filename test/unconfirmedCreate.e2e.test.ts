import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";

const WEBHOOKS = "/api/v2/webhooks";

/**
 * The one create whose outcome no retry can settle: the POST commits, its response is lost, and the platform
 * then refuses every lookup until the client's deadline. The run must fail, record what may exist, and the next
 * run must leave exactly the declared object, with no orphan beside it.
 */
describe("a create that committed but could not be confirmed", () => {
    let stack: EmulatedStack;
    const program = () => {
        const webhook = new genesys.Webhook("audit-sink", { targetUrl: "https://sink.example.com/genesys", events: ["routing.strategy.updated"] });
        return { id: webhook.id };
    };
    const webhooks = async () => (await stack.platform.get(`${WEBHOOKS}?pageSize=100`)).body.entities as { id: string; name: string }[];

    async function failUnconfirmed(): Promise<string> {
        stack = await startEmulatedStack({
            // A short retry budget, so the lookups that 503 give up quickly.
            config: { "genesys:retryDeadlineMs": "1500", "genesys:minRetryDelayMs": "20" },
            emulator: {
                log: (line) => {
                    // Right after the create commits and its response is lost, every request starts failing.
                    if (line.includes(`POST ${WEBHOOKS} response-lost`)) stack.emulator.setFaults({ shareLostResponse: 0, share5xx: 1 });
                },
            },
        });
        stack.emulator.setFaults({ shareLostResponse: 1 });
        await assert.rejects(stack.run(program), /may have reached the platform, and looking for it failed too/);
        stack.emulator.setFaults({ share5xx: 0 });
        const [orphan, ...others] = await webhooks();
        assert.deepEqual(others, [], "the one POST committed once");
        const [state] = stack.engine.resources();
        assert.equal(state.id, `unconfirmed:${orphan.name}`, "the stack records the create by the name it used");
        return orphan.id;
    }

    afterEach(() => stack.stop());

    it("is replaced on the next up: the orphan removed first, one webhook left", async () => {
        const orphanId = await failUnconfirmed();
        const run = await stack.run(program);
        assert.deepEqual(run.steps.map((s) => s.op), ["replace"]);
        const live = await webhooks();
        assert.equal(live.length, 1);
        assert.notEqual(live[0].id, orphanId);
        assert.equal(run.exports.id, live[0].id);
        assert.deepEqual((await stack.run(program, { preview: true })).steps.map((s) => s.op), ["same"]);
    });

    it("is resolved by a refresh to the object it turned out to be", async () => {
        const orphanId = await failUnconfirmed();
        const [refreshed] = await stack.engine.refresh();
        assert.equal(refreshed.error, undefined);
        assert.equal(refreshed.id, orphanId);
        assert.deepEqual((await stack.run(program, { preview: true })).steps.map((s) => s.op), ["same"]);
        assert.deepEqual((await webhooks()).map((w) => w.id), [orphanId]);
    });
});
