import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import type { InstalledIntegration } from "./installedIntegration";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";

const INTEGRATIONS = "/api/v2/integrations?integrationType=amazon-eventbridge-source&expand=config.current";
const CONVERSATION_END = "v2.detail.events.conversation.{id}.customer.end";
const AUDITS = "v2.audits.entitytype.{id}.entityid.{id}";

describe("EventBridgeIntegration end to end (program → real host → emulator's real integration paths)", () => {
    let stack: EmulatedStack;
    let args: genesys.EventBridgeIntegrationArgs;
    const program = () => {
        const events = new genesys.EventBridgeIntegration("events", args);
        return { id: events.id, source: events.eventSourceName, org: events.organizationId, version: events.version };
    };
    const installed = async () => (await stack.platform.get(INTEGRATIONS)).body.entities as InstalledIntegration[];
    const ops = async (preview = false) => (await stack.run(program, { preview })).steps.map((s) => s.op);

    before(async () => {
        stack = await startEmulatedStack({ config: { "genesys:readAfterWriteMs": "300" } });
        args = {
            awsAccountId: "123456789012",
            awsAccountRegion: "eu-west-1",
            eventSourceSuffix: "cc-events",
            topics: [CONVERSATION_END],
        };
    });
    after(() => stack.stop());

    it("refuses a topic outside the platform's grammar at preview, touching nothing", async () => {
        args = { ...args, topics: ["genesys.conversations.call"] };
        await assert.rejects(stack.run(program, { preview: true }), /topics\[0\] must be a notification topic/);
        assert.deepEqual(await installed(), []);
        args = { ...args, topics: [CONVERSATION_END] };
    });

    it("installs, configures and enables the integration, and names its partner event source", async () => {
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["create"],
        );
        const [live] = await installed();
        assert.equal(run.exports.id, live.id);
        assert.equal(live.intendedState, "ENABLED");
        assert.equal(live.reportedState.code, "ACTIVE");
        assert.deepEqual(live.config.current.properties.eventFilter, [CONVERSATION_END]);
        const org = (await stack.platform.get("/api/v2/organizations/me")).body.id;
        assert.equal(run.exports.org, org);
        assert.equal(run.exports.source, `aws.partner/genesys.com/cloud/${org}/cc-events`);
        assert.equal(run.exports.version, live.config.current.version);
    });

    it("previews no change on an unchanged program, nor after a refresh", async () => {
        assert.deepEqual(await ops(true), ["same"]);
        assert.ok((await stack.engine.refresh()).every((s) => s.error === undefined));
        assert.deepEqual(await ops(true), ["same"]);
    });

    it("updates topics and state in place with the configuration's version", async () => {
        const [before] = await installed();
        args = { ...args, topics: [CONVERSATION_END, AUDITS], enabled: false };
        assert.deepEqual(await ops(), ["update"]);
        const [live] = await installed();
        assert.equal(live.id, before.id);
        assert.equal(live.config.current.version, before.config.current.version + 1);
        assert.deepEqual(live.config.current.properties.eventFilter, [CONVERSATION_END, AUDITS]);
        assert.equal(live.intendedState, "DISABLED");
    });

    it("refuses to overwrite a change made outside Pulumi, and takes it in on refresh", async () => {
        const [live] = await installed();
        const config = live.config.current;
        const foreign = { ...config, notes: "edited in the admin UI" };
        assert.equal((await stack.platform.put(`/api/v2/integrations/${live.id}/config/current`, foreign)).status, 200);
        args = { ...args, topics: [AUDITS] };
        await assert.rejects(stack.run(program), /was changed outside Pulumi .*Run `pulumi refresh`/s);
        const [untouched] = await installed();
        assert.equal(untouched.config.current.notes, "edited in the admin UI");
        assert.deepEqual(untouched.config.current.properties.eventFilter, [CONVERSATION_END, AUDITS]);

        await stack.engine.refresh();
        args = { ...args, notes: "edited in the admin UI" };
        assert.deepEqual(await ops(), ["update"]);
        assert.deepEqual((await installed())[0].config.current.properties.eventFilter, [AUDITS]);
    });

    it("never installs a second integration when create responses are lost", async () => {
        await stack.engine.destroy();
        assert.deepEqual(await installed(), []);
        const lostBefore = stack.emulator.stats().lostResponses;
        stack.emulator.setFaults({ shareLostResponse: 0.6, seed: 7 });
        const first = await stack.run(program).catch((err: Error) => err);
        stack.emulator.setFaults({ shareLostResponse: 0 });
        assert.ok(stack.emulator.stats().lostResponses > lostBefore, "writes of the install lost their responses");
        if (first instanceof Error) await stack.run(program);
        assert.equal((await installed()).length, 1);
        assert.deepEqual(await ops(true), ["same"]);
    });

    it("refuses to take over an integration someone else installed under the name the program chose", async () => {
        await stack.engine.destroy();
        const foreign = await stack.platform.post("/api/v2/integrations", {
            name: "team-events",
            integrationType: { id: "amazon-eventbridge-source" },
        });
        assert.equal(foreign.status, 200, JSON.stringify(foreign.body));
        const before = JSON.stringify(await installed());
        args = { ...args, name: "team-events" };
        await assert.rejects(
            stack.run(program),
            /an integration named "team-events" already exists.*does not take over an integration it did not create/,
        );
        assert.equal(JSON.stringify(await installed()), before, "the foreign integration is untouched, none added");
        assert.equal((await stack.platform.remove(`/api/v2/integrations/${foreign.body.id}`)) < 300, true);
        const { name: _name, ...autoNamed } = args;
        args = autoNamed;
        assert.deepEqual(await ops(), ["create"]);
    });

    it("drops an integration deleted outside Pulumi on refresh, and destroys what it holds", async () => {
        const [live] = await installed();
        assert.equal((await stack.platform.remove(`/api/v2/integrations/${live.id}`)) < 300, true);
        const refresh = await stack.engine.refresh();
        assert.deepEqual(
            refresh.map((s) => s.op),
            ["delete"],
        );
        assert.deepEqual(await ops(), ["create"]);
        await stack.engine.destroy();
        assert.deepEqual(await installed(), []);
    });
});
