// Stacks deployed by earlier versions of the package hold, in every resource's inputs and outputs, the `__provider`
// that `pulumi.dynamic.Resource` serialized from a provider object. The host loads whichever `__provider` a call
// carries (a refresh or delete: the one in the state), so that text must keep working after an upgrade.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import * as genesys from "genesys-pulumi";
import type { JsonBody } from "./emulatorClient";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";

const POLICIES = "/api/v2/recording/policies";

/** The provider object the SDK handed to `pulumi.dynamic.Resource` before `__provider` was written out. */
function earlierProvider(kind: string): pulumi.dynamic.ResourceProvider {
    const load = () => require("genesys-pulumi/provider/registry");
    return {
        configure: (req) => load().configure(req),
        check: (olds, news) => load().load(kind).check(olds, news),
        diff: (id, olds, news) => load().load(kind).diff(id, olds, news),
        create: (inputs) => load().load(kind).create(inputs),
        read: (id, props) => load().load(kind).read(id, props),
        update: (id, olds, news) => load().load(kind).update(id, olds, news),
        delete: (id, props) => load().load(kind).delete(id, props),
    };
}

describe("a stack deployed with the earlier serialized __provider", () => {
    let stack: EmulatedStack;
    let earlier: string;
    const program = () =>
        new genesys.RecordingPolicy("voice", { mediaTypes: ["audio"], quality: "standard", retentionDays: 30 });
    const policies = async () => (await stack.platform.get(`${POLICIES}?pageSize=100`)).body.entities as JsonBody[];

    before(async () => {
        stack = await startEmulatedStack();
        const provider = earlierProvider("recordingPolicy");
        // As pulumi.dynamic.Resource serializes it.
        earlier = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
        const steps = await stack.engine.up([
            {
                type: "pulumi-nodejs:dynamic/genesys:RecordingPolicy",
                name: "voice",
                inputs: {
                    __provider: earlier,
                    __resourceName: "voice",
                    __stack: "test",
                    mediaTypes: ["audio"],
                    quality: "standard",
                    retentionDays: 30,
                },
            },
        ]);
        assert.deepEqual(
            steps.map((s) => [s.op, s.error]),
            [["create", undefined]],
        );
    });
    after(() => stack.stop());

    it("shows no change when the upgraded program runs", async () => {
        assert.ok(earlier.length > 1000, "the earlier text is the closure wrapper, not the new loader");
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["same"],
        );
        assert.equal((await policies()).length, 1);
    });

    it("refreshes and destroys through the __provider the state still holds", async () => {
        const refreshed = await stack.engine.refresh();
        assert.deepEqual(
            refreshed.map((s) => [s.op, s.error]),
            [["read", undefined]],
        );
        assert.equal(stack.engine.resources()[0].outputs.__provider, earlier);
        const destroyed = await stack.engine.destroy();
        assert.deepEqual(
            destroyed.map((s) => [s.op, s.error]),
            [["delete", undefined]],
        );
        assert.deepEqual(await policies(), []);
    });
});
