import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import type { JsonBody } from "./emulatorClient";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";
import type { ProgramRun } from "../harness/mockProgram";

const POLICIES = "/api/v2/recording/mediaretentionpolicies";

const retention = (archiveDays: number, deleteDays: number): genesys.MediaPolicies => ({
    callPolicy: {
        actions: {
            retainRecording: true,
            retentionDuration: {
                archiveRetention: { days: archiveDays, storageMedium: "CLOUDARCHIVE" },
                deleteRetention: { days: deleteDays },
            },
        },
        conditions: { directions: ["INBOUND"], forQueues: [{ id: "sales-queue" }] },
    },
});

describe("MediaRetentionPolicy end to end (program → real host → emulator)", () => {
    let stack: EmulatedStack;
    let args: genesys.MediaRetentionPolicyArgs;
    const program = () => {
        const policy = new genesys.MediaRetentionPolicy("inbound-calls", args);
        return { id: policy.id, name: policy.name, mediaPolicies: policy.mediaPolicies };
    };
    const policies = async () => (await stack.platform.get(`${POLICIES}?pageSize=100`)).body.entities as JsonBody[];

    before(async () => {
        stack = await startEmulatedStack();
        args = { order: 1, mediaPolicies: retention(30, 90) };
    });
    after(() => stack.stop());

    it("fails a delete retention shorter than the archive one at preview, touching nothing", async () => {
        const saved = args;
        args = { ...args, mediaPolicies: retention(90, 30) };
        await assert.rejects(
            stack.run(program, { preview: true }),
            /mediaPolicies\.callPolicy\.actions\.retentionDuration\.deleteRetention\.days must be at least/,
        );
        args = saved;
        assert.deepEqual(await policies(), []);
    });

    it("creates exactly one policy even when the create's response is lost (orphan adopted by name)", async () => {
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
        assert.equal(stack.emulator.stats().perPath[`POST ${POLICIES}`], 1, "the create was not sent again");
        const live = await policies();
        assert.equal(live.length, 1, "no duplicate");
        assert.equal(run.exports.id, live[0].id);
        assert.match(live[0].name, /^inbound-calls-[0-9a-f]{7}$/);
        assert.equal(live[0].enabled, true);
        assert.deepEqual(live[0].mediaPolicies, retention(30, 90));
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

    it("updates in place, after checking the policy still holds what the stack wrote", async () => {
        args = { ...args, mediaPolicies: retention(30, 365) };
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["update"],
        );
        const [live] = await policies();
        assert.equal(live.mediaPolicies.callPolicy.actions.retentionDuration.deleteRetention.days, 365);
    });

    it("refuses to overwrite a change made outside Pulumi until a refresh takes it in", async () => {
        const [live] = await policies();
        assert.equal((await stack.platform.put(`${POLICIES}/${live.id}`, { ...live, enabled: false })).status, 200);
        args = { ...args, description: "Inbound sales calls" };
        await assert.rejects(stack.run(program), /changed outside Pulumi \(enabled no longer hold.*pulumi refresh/s);
        const [untouched] = await policies();
        assert.equal(untouched.enabled, false, "the foreign change was not overwritten");
        assert.equal(untouched.description, undefined);
        await stack.engine.refresh();
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["update"],
        );
        const [after] = await policies();
        assert.equal(after.enabled, true, "the program's enabled (default true) wins after the refresh");
        assert.equal(after.description, "Inbound sales calls");
    });

    it("drops a policy deleted outside Pulumi on refresh, recreates it, and destroys", async () => {
        const [live] = await policies();
        assert.equal(await stack.platform.remove(`${POLICIES}/${live.id}`), 204);
        assert.deepEqual(
            (await stack.engine.refresh()).map((s) => s.op),
            ["delete"],
        );
        await stack.run(program);
        assert.equal((await policies()).length, 1);
        await stack.engine.destroy();
        assert.deepEqual(await policies(), []);
    });
});
