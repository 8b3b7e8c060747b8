// The lowest `@pulumi/pulumi` the peer range allows, as the dynamic-provider host the real engine starts (a user's
// project pins its own): a contract kind and the real platform's data tables through preview, up, a refresh that
// takes in a change made outside Pulumi (what the floor's host is needed for: `read` returning inputs), an update
// and destroy.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";
import * as genesys from "genesys-pulumi";
import { platformInventory } from "../platformInventory";
import { cliStackPerSuite } from "./cliStack";
import { describeWithPulumiCli } from "./pulumiCli";

const FLOOR_HOST = "pulumi-host-floor";

const program = (revision: number) => async () => {
    const hook = new genesys.Webhook("floor-hook", {
        targetUrl: "https://dns.example.com/genesys",
        events: ["routing:strategy:updated"],
        headers: { "X-Revision": String(revision) },
    });
    const table = new genesys.DataTable("floor-table", {
        description: `revision ${revision}`,
        fields: [
            { name: "key", type: "string" },
            { name: "label", type: "string", default: "" },
        ],
    });
    new genesys.DataTableRows("floor-rows", { table, rows: [{ key: "a", data: { label: `rev ${revision}` } }] });
    return { hookId: hook.id };
};

describeWithPulumiCli("the lowest @pulumi/pulumi host the peer range allows, under the real Pulumi engine", (cli) => {
    const suite = cliStackPerSuite(cli, { hostPackage: FLOOR_HOST });
    const held = () => suite.stack.held();
    const stated = (name: string) => suite.stack.stated(name);

    it("the engine starts the floor's host: the program's @pulumi/pulumi is that version", () => {
        const linked = JSON.parse(
            readFileSync(`${suite.stack.project.dir}/node_modules/@pulumi/pulumi/package.json`, "utf8"),
        ) as { version: string };
        const floor = /^>=(\d+\.\d+\.\d+)/.exec(
            JSON.parse(readFileSync(`${suite.stack.project.repoRoot}/package.json`, "utf8")).peerDependencies[
                "@pulumi/pulumi"
            ],
        )?.[1];
        assert.equal(linked.version, floor);
    });

    it("creates, then previews the unchanged program as no change", async () => {
        const run = await suite.stack.up(program(0));
        assert.ok(run.ok, run.output);
        assert.equal(run.changes.create, 4, JSON.stringify(run.changes));
        assert.ok((await suite.stack.preview(program(0), { expectNoChanges: true })).ok);
        assert.deepEqual(await platformInventory(suite.stack.platform), await held());
    });

    it("a refresh takes a change made outside Pulumi into the stack's inputs, and up then converges", async () => {
        const table = await stated("floor-table");
        const path = `/api/v2/flows/datatables/${table.id}?expand=schema`;
        const live = (await suite.stack.platform.get(path)).body;
        assert.equal((await suite.stack.platform.put(path, { ...live, description: "edited elsewhere" })).status, 200);
        const refresh = await suite.stack.refresh();
        assert.ok(refresh.ok, refresh.output);
        assert.equal((await stated("floor-table")).inputs.description, "edited elsewhere", "read returned inputs");
        const up = await suite.stack.up(program(1));
        assert.ok(up.ok, up.output);
        assert.equal((await suite.stack.platform.get(path)).body.description, "revision 1");
        assert.ok((await suite.stack.preview(program(1), { expectNoChanges: true })).ok);
    });

    it("destroys everything", async () => {
        const run = await suite.stack.destroy();
        assert.ok(run.ok, run.output);
        assert.deepEqual(await platformInventory(suite.stack.platform), []);
    });
});
