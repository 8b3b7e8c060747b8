/**
 * A user runs our provider in the dynamic-provider host of their own `@pulumi/pulumi`. This runs one kind's
 * whole lifecycle in the host of the lowest version the peer range allows (installed beside the pinned one as
 * the npm alias `pulumi-host-floor`): create, an unchanged preview, a refresh that takes in a change made
 * outside Pulumi, an update, a refresh of an object deleted outside Pulumi, and destroy.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";
import { findRepoRoot } from "../harness/consumerProject";
import { startProviderHost } from "../harness/providerHost";

const FLOOR_HOST = "pulumi-host-floor";
const WEBHOOKS = "/api/v2/webhooks";

interface LiveWebhook {
    id: string;
    enabled: boolean;
    events: string[];
}

interface Manifest {
    version: string;
    peerDependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
}
const manifest = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Manifest;

describe("the lowest @pulumi/pulumi host the peer range allows runs a whole lifecycle", () => {
    let stack: EmulatedStack;
    let args: genesys.WebhookArgs;
    const program = () => ({ id: new genesys.Webhook("floor", args).id });
    const webhooks = async () => (await stack.platform.get(`${WEBHOOKS}?pageSize=100`)).body.entities as LiveWebhook[];
    const stateInputs = () => stack.engine.resources()[0].inputs;

    before(async () => {
        stack = await startEmulatedStack({
            startHost: (options) => startProviderHost({ ...options, pulumiPackage: FLOOR_HOST }),
        });
        args = { targetUrl: "https://dns.example.com/genesys", events: ["routing:strategy:updated"] };
    });
    after(() => stack.stop());

    it("is the version the peer range names as its floor", () => {
        const own = manifest(join(findRepoRoot(), "package.json"));
        const floor = /^>=(\d+\.\d+\.\d+) </.exec(own.peerDependencies?.["@pulumi/pulumi"] ?? "")?.[1];
        assert.ok(floor, "the peer range reads >=<floor> <<next major>");
        assert.equal(own.devDependencies?.[FLOOR_HOST], `npm:@pulumi/pulumi@${floor}`);
        assert.equal(manifest(require.resolve(`${FLOOR_HOST}/package.json`)).version, floor);
    });

    it("creates, then previews the unchanged program as no change", async () => {
        assert.deepEqual(
            (await stack.run(program)).steps.map((s) => s.op),
            ["create"],
        );
        assert.equal((await webhooks()).length, 1);
        assert.deepEqual(
            (await stack.run(program, { preview: true })).steps.map((s) => s.op),
            ["same"],
        );
    });

    it("takes a change made outside Pulumi into the state's inputs on refresh, and the program wins on up", async () => {
        const [live] = await webhooks();
        assert.equal((await stack.platform.put(`${WEBHOOKS}/${live.id}`, { ...live, enabled: false })).status, 200);
        args = { ...args, events: ["routing:strategy:updated", "routing.recording.storage.updated"] };
        await assert.rejects(stack.run(program), /changed outside Pulumi.*pulumi refresh/s);
        assert.deepEqual(
            (await stack.engine.refresh()).map((s) => s.op),
            ["update"],
        );
        // The host hands back the inputs `read` returned, so later checks and diffs start from what the platform holds.
        assert.equal(stateInputs().enabled, false);
        assert.deepEqual(
            (await stack.run(program)).steps.map((s) => s.op),
            ["update"],
        );
        const [after] = await webhooks();
        assert.equal(after.enabled, true);
        assert.deepEqual(after.events, args.events);
    });

    it("drops an object deleted outside Pulumi on refresh, recreates it, and destroys", async () => {
        const [live] = await webhooks();
        assert.equal(await stack.platform.remove(`${WEBHOOKS}/${live.id}`), 204);
        assert.deepEqual(
            (await stack.engine.refresh()).map((s) => s.op),
            ["delete"],
        );
        assert.deepEqual(
            (await stack.run(program)).steps.map((s) => s.op),
            ["create"],
        );
        await stack.engine.destroy();
        assert.deepEqual(await webhooks(), []);
    });
});
