// A stack deployed by an earlier version of the package holds, in every resource, the 2.4 KB `__provider` closure
// that `pulumi.dynamic.Resource` serialized. Through the real engine: the upgraded program previews no change, and
// refresh and destroy (which load the `__provider` the state holds) still work.
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import * as genesys from "genesys-pulumi";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { platformInventory } from "../platformInventory";
import { type CliStack, startCliStack } from "./cliStack";
import { describeWithPulumiCli } from "./pulumiCli";

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

/** What the earlier SDK registered: a dynamic resource carrying the serialized provider. */
class EarlierRecordingPolicy extends pulumi.CustomResource {
    constructor(name: string, props: pulumi.Inputs) {
        super("pulumi-nodejs:dynamic/genesys:RecordingPolicy", name, props);
    }
}

const ARGS = { mediaTypes: ["audio"], quality: "standard", retentionDays: 30 } as const;

describeWithPulumiCli("a stack deployed with the earlier serialized __provider, through the real engine", (cli) => {
    let emulator: RunningEmulator;
    let stack: CliStack;
    let earlier: string;

    before(async () => {
        emulator = await startEmulator({ port: 0 });
        stack = await startCliStack({ cli, emulator });
        const provider = earlierProvider("recordingPolicy");
        earlier = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
    });
    after(async () => {
        stack?.remove();
        await emulator?.stop();
    });

    it("deploys with the earlier closure, and the upgraded program previews no change", async () => {
        assert.ok(earlier.length > 1000, "the earlier text is the closure wrapper, not the new loader");
        const deployed = await stack.up(async () => {
            new EarlierRecordingPolicy("voice", {
                ...ARGS,
                __provider: earlier,
                __resourceName: "voice",
                __stack: pulumi.getStack(),
                __project: pulumi.getProject(),
            });
        });
        assert.ok(deployed.ok, deployed.output);
        const [voice] = await stack.resources();
        assert.equal(voice.outputs.__provider, earlier);
        const upgraded = await stack.preview(
            async () => void new genesys.RecordingPolicy("voice", { ...ARGS, mediaTypes: [...ARGS.mediaTypes] }),
            {
                expectNoChanges: true,
            },
        );
        assert.ok(upgraded.ok, upgraded.output);
    });

    it("refreshes and destroys through the __provider the state still holds", async () => {
        const refreshed = await stack.refresh({ expectNoChanges: true });
        assert.ok(refreshed.ok, refreshed.output);
        assert.equal((await stack.resources())[0].outputs.__provider, earlier);
        const destroyed = await stack.destroy();
        assert.ok(destroyed.ok, destroyed.output);
        assert.deepEqual(await platformInventory(stack.platform), []);
    });
});
