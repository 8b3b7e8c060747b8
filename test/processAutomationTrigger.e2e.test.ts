import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import type { JsonBody } from "./emulatorClient";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";
import type { ProgramRun } from "../harness/mockProgram";

const TRIGGERS = "/api/v2/processautomation/triggers";

describe("ProcessAutomationTrigger end to end (program → real host → emulator)", () => {
    let stack: EmulatedStack;
    let args: genesys.ProcessAutomationTriggerArgs;
    const program = () => {
        const trigger = new genesys.ProcessAutomationTrigger("post-call-survey", args);
        return { id: trigger.id, version: trigger.version, target: trigger.target };
    };
    const triggers = async () => (await stack.platform.get(`${TRIGGERS}?pageSize=200`)).body.entities as JsonBody[];

    before(async () => {
        stack = await startEmulatedStack();
        args = {
            topicName: "v2.detail.events.conversation.{id}.customer.end",
            target: { id: "5f3a7c1e-survey-workflow", workflowTargetSettings: { dataFormat: "TopLevelPrimitives" } },
            matchCriteria: [{ jsonPath: "$.mediaType", operator: "In", values: ["VOICE"] }],
            eventTTLSeconds: 300,
        };
    });
    after(() => stack.stop());

    it("fails a topic outside the real grammar and a delay with a TTL at preview", async () => {
        const saved = args;
        args = { ...args, topicName: "conversation:customer:end", delayBySeconds: 120 };
        await assert.rejects(
            stack.run(program, { preview: true }),
            /topicName must be a notification topic.*delayBySeconds cannot be set with eventTTLSeconds/s,
        );
        args = saved;
        assert.deepEqual(await triggers(), []);
    });

    it("creates exactly one trigger even when the create's response is lost (found by walking the list)", async () => {
        stack.emulator.setFaults({ shareLostResponse: 1 });
        let run: ProgramRun;
        try {
            run = await stack.run(program);
        } finally {
            stack.emulator.setFaults({ shareLostResponse: 0 });
        }
        assert.equal(stack.emulator.stats().perPath[`POST ${TRIGGERS}`], 1, "the create was not sent again");
        const live = await triggers();
        assert.equal(live.length, 1, "no duplicate");
        assert.equal(run.exports.id, live[0].id);
        assert.deepEqual(live[0].target, { type: "Workflow", ...args.target });
        assert.equal(run.exports.version, 1);
    });

    it("shows no change on an unchanged run, nor after a refresh", async () => {
        assert.deepEqual(
            (await stack.run(program, { preview: true })).steps.map((s) => s.op),
            ["same"],
        );
        assert.equal((await stack.engine.refresh())[0].error, undefined);
        assert.deepEqual(
            (await stack.run(program, { preview: true })).steps.map((s) => s.op),
            ["same"],
        );
    });

    it("updates in place with the version it last saw, and replaces on a new topic", async () => {
        args = { ...args, enabled: false, description: "Survey callers" };
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["update"],
        );
        assert.equal(run.exports.version, 2);
        const [before] = await triggers();
        args = { ...args, topicName: "v2.detail.events.conversation.{id}.acw" };
        const replaced = await stack.run(program);
        assert.deepEqual(
            replaced.steps.map((s) => s.op),
            ["replace", "delete"],
            "the new trigger is created, then the old one deleted",
        );
        const live = await triggers();
        assert.equal(live.length, 1);
        assert.notEqual(live[0].id, before.id);
        assert.equal(live[0].topicName, "v2.detail.events.conversation.{id}.acw");
    });

    it("refuses to overwrite a change made outside Pulumi until a refresh", async () => {
        const [live] = await triggers();
        const edited = await stack.platform.put(`${TRIGGERS}/${live.id}`, { ...live, enabled: true });
        assert.equal(edited.status, 200);
        args = { ...args, description: "Survey callers after the call" };
        await assert.rejects(stack.run(program), /changed outside Pulumi.*pulumi refresh/s);
        await stack.engine.refresh();
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["update"],
        );
        const [after] = await triggers();
        assert.equal(after.enabled, false, "the program's enabled wins after the refresh");
        assert.equal(after.description, "Survey callers after the call");
    });

    it("drops a trigger deleted outside Pulumi on refresh, recreates it, and destroys", async () => {
        const [live] = await triggers();
        assert.equal(await stack.platform.remove(`${TRIGGERS}/${live.id}`), 204);
        assert.deepEqual(
            (await stack.engine.refresh()).map((s) => s.op),
            ["delete"],
        );
        await stack.run(program);
        assert.equal((await triggers()).length, 1);
        await stack.engine.destroy();
        assert.deepEqual(await triggers(), []);
    });
});
