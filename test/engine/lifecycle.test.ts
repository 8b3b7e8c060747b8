// Every resource kind through the real Pulumi CLI, one stack holding all eight: preview, up, update, replace, drift,
// deletion outside Pulumi, secrets and destroy, against the emulator.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, it } from "node:test";
import * as genesys from "genesys-pulumi";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { KIND_FIXTURES } from "../faults/kindFixtures";
import { platformInventory, platformPaths } from "../platformInventory";
import { type CliStack, namesWith, startCliStack } from "./cliStack";
import { contactCenter, KINDS, RESOURCE_OF, SECRETS } from "./contactCenterProgram";
import { describeWithPulumiCli } from "./pulumiCli";

const kindOfStep = (type: string) => type.split(":").pop() as string;

describeWithPulumiCli("every kind through the real Pulumi engine", (cli) => {
    let emulator: RunningEmulator;
    let stack: CliStack;
    const requests = () => emulator.stats().requests;
    const held = () => stack.held();
    const stated = (name: string) => stack.stated(name);

    before(async () => {
        emulator = await startEmulator({ port: 0 });
        stack = await startCliStack({ cli, emulator });
    });
    after(async () => {
        stack?.remove();
        await emulator?.stop();
    });

    it("previews invalid inputs as check failures naming the property path, exits non-zero, calls nothing", async () => {
        const before = requests();
        const run = await stack.preview(async () => {
            new genesys.RecordingPolicy("bad-policy", {
                mediaTypes: ["audio"],
                quality: "ultra" as "high",
                retentionDays: 400,
            });
            new genesys.FailoverStrategy("bad-strategy", {
                regions: [
                    { regionId: "us-east-1", priority: 1, weight: 100, failoverTrigger: "health_degraded" },
                    { regionId: "eu-west-1", priority: 1, weight: 150, failoverTrigger: "health_degraded" },
                ],
            });
        });
        assert.equal(run.ok, false, run.output);
        const errors = (name: string) =>
            run.diagnostics
                .filter((d) => d.severity === "error" && d.name === name)
                .map((d) => d.message)
                .join("\n");
        // The engine stops at the first resource whose check fails: only one of the two is reported, with every one
        // of its failures.
        const reported = ["bad-policy", "bad-strategy"].filter((name) => errors(name) !== "");
        assert.equal(reported.length, 1, run.output);
        const expected =
            reported[0] === "bad-policy"
                ? [/property quality .*quality must be/, /property retentionDays .*retentionDays/]
                : [/property regions\[1\]\.weight .*weight/, /property regions\[1\]\.priority .*priority repeats/];
        for (const pattern of expected) assert.match(errors(reported[0]), pattern);
        assert.equal(requests() - before, 0, "a preview makes no platform call");
    });

    it("never shows a malformed secret in a check failure", async () => {
        const malformed = "not-forty-characters-but-secret";
        const run = await stack.preview(async () => {
            new genesys.StorageTarget("bad-keys", {
                bucket: "acme-recordings",
                region: "eu-west-1",
                serverSideEncryption: "AES256",
                retentionDays: 90,
                accessKeyId: "AKIAIOSFODNN7EXAMPLE",
                secretAccessKey: malformed,
                verifyBucket: false,
            });
        });
        assert.equal(run.ok, false);
        assert.match(run.output, /secretAccessKey must be the 40-character secret/);
        assert.ok(!run.output.includes(malformed), run.output);
    });

    const planFile = () => join(stack.project.dir, "plan.json");

    it("previews a new stack with unknown values reaching check, and calls nothing", async () => {
        const before = requests();
        const run = await stack.preview(contactCenter(0), { plan: planFile() });
        assert.ok(run.ok, run.output);
        assert.deepEqual([...new Set(run.steps.map((s) => kindOfStep(s.type)))].sort(), [...KINDS].sort());
        assert.ok(
            run.steps.every((s) => s.op === "create"),
            JSON.stringify(run.steps.map((s) => s.op)),
        );
        assert.equal(requests() - before, 0, "a preview makes no platform call");
    });

    it("up --plan creates exactly what the saved preview showed, names included", async () => {
        const preview = await stack.preview(contactCenter(0));
        const previewedNames = Object.fromEntries(preview.steps.map((s) => [s.name, s.newInputs?.name]));
        const run = await stack.up(contactCenter(0), { plan: planFile() });
        assert.ok(run.ok, run.output);
        assert.equal(run.changes.create, 9, `8 resources and the stack: ${JSON.stringify(run.changes)}`);
        for (const name of ["voice", "routing", "lake", "events", "archive", "contacts"]) {
            assert.equal(
                (await stated(name)).outputs.name,
                previewedNames[name],
                `${name}: the name the preview showed`,
            );
        }
        assert.deepEqual(await platformInventory(stack.platform), await held());
    });

    it("a preview of the unchanged program shows no change (--expect-no-changes)", async () => {
        const run = await stack.preview(contactCenter(0), { expectNoChanges: true });
        assert.ok(run.ok, run.output);
    });

    it("a refresh of the unchanged stack finds no drift, and every kind survives the diff of refreshed outputs", async () => {
        const run = await stack.refresh({ expectNoChanges: true });
        assert.ok(run.ok, run.output);
        const preview = await stack.preview(contactCenter(0), { expectNoChanges: true });
        assert.ok(preview.ok, preview.output);
    });

    it("updates every kind in place, as the diff says", async () => {
        const names = Object.fromEntries(
            await Promise.all(["voice", "archive", "contacts"].map(async (n) => [n, (await stated(n)).outputs.name])),
        );
        const preview = await stack.preview(contactCenter(1));
        const run = await stack.up(contactCenter(1));
        assert.ok(run.ok, run.output);
        assert.deepEqual(namesWith("update", run.steps), Object.values(RESOURCE_OF).sort());
        assert.deepEqual(namesWith("update", preview.steps), namesWith("update", run.steps), "the preview said so");
        assert.match(run.output, /genesys:RecordingPolicy: \(update\)[\s\S]*?retentionDays\s*: 30 => 31/);
        for (const [n, name] of Object.entries(names)) assert.equal((await stated(n)).outputs.name, name);
        assert.deepEqual(await platformInventory(stack.platform), await held());
        assert.ok((await stack.preview(contactCenter(1), { expectNoChanges: true })).ok);
    });

    it("replaces create-before-delete under new names, dependents after their schema, nothing orphaned", async () => {
        const old = { archive: await stated("archive"), contacts: await stated("contacts") };
        const preview = await stack.preview(contactCenter(2));
        const run = await stack.up(contactCenter(2));
        assert.ok(run.ok, run.output);
        assert.deepEqual(namesWith("replace", run.steps), ["ada", "archive", "contacts", "roster"]);
        assert.deepEqual(namesWith("replace", preview.steps), namesWith("replace", run.steps), "the preview said so");
        for (const name of ["archive", "contacts"]) {
            const ops = run.steps.filter((s) => s.name === name).map((s) => s.op);
            assert.ok(ops.indexOf("create-replacement") < ops.indexOf("delete-replaced"), `${name}: ${ops}`);
        }
        const order = run.steps.map((s) => `${s.op} ${s.name}`);
        assert.ok(order.indexOf("create-replacement contacts") < order.indexOf("create-replacement ada"));
        assert.ok(order.indexOf("delete-replaced ada") < order.indexOf("delete-replaced contacts"));
        for (const name of ["archive", "contacts"] as const) {
            const now = await stated(name);
            assert.notEqual(now.id, old[name].id);
            assert.notEqual(now.outputs.name, old[name].outputs.name, `${name} got a new name`);
        }
        assert.deepEqual(await platformInventory(stack.platform), await held());
        assert.ok((await stack.preview(contactCenter(2), { expectNoChanges: true })).ok);
    });

    it("refuses to overwrite a change made outside Pulumi; refresh shows it; up converges", async () => {
        const edited: Record<string, string> = {};
        for (const kind of KINDS) {
            const resource = await stated(RESOURCE_OF[kind]);
            const path = KIND_FIXTURES[kind].stablePath(resource.id, resource.outputs);
            const live = await stack.platform.get(path);
            const answer = await stack.platform.put(path, KIND_FIXTURES[kind].foreignEdit(live.body));
            assert.equal(answer.status, 200, `${kind}: ${JSON.stringify(answer.body)}`);
            edited[kind] = JSON.stringify((await stack.platform.get(path)).body);
        }
        const refused = await stack.up(contactCenter(3));
        assert.equal(refused.ok, false);
        assert.match(refused.output, /changed outside Pulumi.*pulumi refresh/s);
        for (const kind of KINDS) {
            const resource = await stated(RESOURCE_OF[kind]);
            const path = KIND_FIXTURES[kind].stablePath(resource.id, resource.outputs);
            assert.equal(JSON.stringify((await stack.platform.get(path)).body), edited[kind], `${kind} kept its edit`);
        }
        const refresh = await stack.refresh();
        assert.ok(refresh.ok, refresh.output);
        const drifted = refresh.results.filter((s) => s.op === "update").map((s) => s.name);
        for (const kind of KINDS) assert.ok(drifted.includes(RESOURCE_OF[kind]), `refresh shows ${kind}'s drift`);
        const converged = await stack.up(contactCenter(3));
        assert.ok(converged.ok, converged.output);
        assert.ok((await stack.preview(contactCenter(3), { expectNoChanges: true })).ok);
        assert.deepEqual(await platformInventory(stack.platform), await held());
    });

    it("drops an object deleted outside Pulumi at refresh, and up creates it again", async () => {
        const gone = ["voice", "lake", "ada"];
        for (const name of gone) {
            const [path] = platformPaths(await stated(name));
            assert.equal(await stack.platform.remove(path), 204);
        }
        const refresh = await stack.refresh();
        assert.ok(refresh.ok, refresh.output);
        assert.deepEqual(namesWith("delete", refresh.results), gone.sort());
        const up = await stack.up(contactCenter(3));
        assert.ok(up.ok, up.output);
        assert.deepEqual(namesWith("create", up.steps), gone.sort());
        assert.deepEqual(await platformInventory(stack.platform), await held());
    });

    it("keeps every secret out of the stack export and the state file; --show-secrets alone shows them", async () => {
        const exported = await stack.cli(["stack", "export"]);
        assert.ok(exported.ok, exported.stderr);
        const state = stack.stateFile();
        for (const secret of [...Object.values(SECRETS), "genesys-emulator-secret"]) {
            assert.ok(!exported.stdout.includes(secret), `stack export holds ${secret}`);
            assert.ok(!state.includes(secret), `the state file holds ${secret}`);
        }
        const shown = await stack.cli(["stack", "export", "--show-secrets"]);
        assert.ok(shown.ok, shown.stderr);
        for (const secret of Object.values(SECRETS))
            assert.ok(shown.stdout.includes(secret), `--show-secrets shows ${secret}`);
    });

    it("destroy leaves nothing on the platform", async () => {
        const run = await stack.destroy();
        assert.ok(run.ok, run.output);
        assert.deepEqual(await platformInventory(stack.platform), []);
        assert.deepEqual(await stack.resources(), []);
    });
});
