import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import type { JsonBody } from "./emulatorClient";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";
import type { ProgramRun } from "./harness/mockProgram";
import { isSecret } from "./harness/secrets";

const WEBHOOKS = "/api/v2/webhooks";
const SECRET = "dns-sync-signing-secret-0123456789";

describe("Webhook end to end (program → real host → emulator)", () => {
    let stack: EmulatedStack;
    let args: genesys.WebhookArgs;
    const program = () => {
        const webhook = new genesys.Webhook("dns-sync", args);
        return { id: webhook.id, name: webhook.name, version: webhook.version, events: webhook.events };
    };
    const webhooks = async () => (await stack.platform.get(`${WEBHOOKS}?pageSize=100`)).body.entities as JsonBody[];

    before(async () => {
        stack = await startEmulatedStack();
        args = {
            targetUrl: "https://dns.example.com/genesys",
            events: ["routing:strategy:updated", "routing.recording.storage.updated"],
            secret: SECRET,
            headers: { "X-Event-Type": "architecture-failover" },
        };
    });
    after(() => stack.stop());

    it("previews without touching the platform, and fails reserved headers at preview", async () => {
        const run = await stack.run(program, { preview: true });
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["create"],
        );
        const saved = args;
        args = { ...args, headers: { authorization: "Bearer leaked", "X-A": "1\r\nX-B: 2" } };
        await assert.rejects(
            stack.run(program, { preview: true }),
            /headers\.authorization.*set by the platform.*headers\.X-A.*CR, LF/s,
        );
        args = saved;
        assert.deepEqual(await webhooks(), []);
    });

    it("creates exactly one webhook even when the create's response is lost (orphan adopted by name)", async () => {
        stack.emulator.setFaults({ shareLostResponse: 1 });
        let run: ProgramRun;
        try {
            run = await stack.run(program);
        } finally {
            stack.emulator.setFaults({ shareLostResponse: 0 });
        }
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["create"],
        );
        const stats = stack.emulator.stats();
        assert.equal(stats.lostResponses, 1, "the fault dropped the create's response");
        assert.equal(stats.perPath[`POST ${WEBHOOKS}`], 1, "the create was not sent again");
        const live = await webhooks();
        assert.equal(live.length, 1, "no duplicate");
        assert.equal(run.exports.id, live[0].id);
        assert.match(live[0].name, /^dns-sync-[0-9a-f]{7}$/);
        assert.deepEqual(live[0].events, args.events, "both spellings kept as written");
    });

    it("keeps the secret only as a secret: never from the platform, not in logs or __provider", async () => {
        const [state] = stack.engine.resources();
        assert.ok(isSecret(state.inputs.secret));
        assert.ok(isSecret(state.outputs.secret));
        const { body } = await stack.platform.get(`${WEBHOOKS}/${state.id}`);
        assert.equal("secret" in body, false);
        assert.equal(stack.engine.hostStderr().includes(SECRET), false);
        assert.equal(String(state.inputs.__provider).includes(SECRET), false);
    });

    it("shows no change on an unchanged run, nor after a refresh (the write-only secret is no drift)", async () => {
        assert.deepEqual(
            (await stack.run(program, { preview: true })).steps.map((s) => s.op),
            ["same"],
        );
        const refreshed = await stack.engine.refresh();
        assert.equal(refreshed[0].error, undefined);
        assert.deepEqual(
            (await stack.run(program, { preview: true })).steps.map((s) => s.op),
            ["same"],
        );
    });

    it("updates in place on a rotated secret and new events, with the version it last saw", async () => {
        args = { ...args, secret: `${SECRET}-rotated`, events: ["architecture:region:healthchanged"] };
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["update"],
        );
        const [live] = await webhooks();
        assert.equal(live.version, 2);
        assert.deepEqual(live.events, ["architecture:region:healthchanged"]);
        assert.equal(run.exports.version, 2);
    });

    it("refuses to overwrite a change made outside Pulumi until a refresh", async () => {
        const [live] = await webhooks();
        assert.equal((await stack.platform.put(`${WEBHOOKS}/${live.id}`, { ...live, enabled: false })).status, 200);
        args = { ...args, headers: { "X-Event-Type": "failover" } };
        await assert.rejects(stack.run(program), /changed outside Pulumi.*pulumi refresh/s);
        await stack.engine.refresh();
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["update"],
        );
        const [after] = await webhooks();
        assert.equal(after.enabled, true, "the program's enabled (default true) wins after the refresh");
        assert.deepEqual(after.headers, { "X-Event-Type": "failover" });
    });

    it("drops a webhook deleted outside Pulumi on refresh, and destroys", async () => {
        const [live] = await webhooks();
        assert.equal(await stack.platform.remove(`${WEBHOOKS}/${live.id}`), 204);
        assert.deepEqual(
            (await stack.engine.refresh()).map((s) => s.op),
            ["delete"],
        );
        await stack.run(program);
        assert.equal((await webhooks()).length, 1);
        await stack.engine.destroy();
        assert.deepEqual(await webhooks(), []);
    });
});
