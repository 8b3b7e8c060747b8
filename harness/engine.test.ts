import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { createConsumerProject, type ConsumerProject } from "./consumerProject";
import {
    clearEchoCalls,
    echoProviderString,
    echoResourceType,
    installEchoProvider,
    readEchoCalls,
    type EchoCall,
} from "./echoProviderFixture";
import { Engine, type DesiredResource, type StepResult } from "./engine";
import { makeSecret, secretKeys, unknownValue, type PropertyMap } from "./secrets";

const clientSecret = "engine-client-secret";

function echo(name: string, inputs: PropertyMap = {}, extra: Partial<DesiredResource> = {}): DesiredResource {
    return { type: echoResourceType, name, inputs: { __provider: echoProviderString, name, ...inputs }, ...extra };
}

function ops(steps: StepResult[]): Record<string, string> {
    return Object.fromEntries(steps.map((s) => [s.urn.split("::").pop() as string, s.op]));
}

/** The provider calls that changed something, as "op:name". */
function mutations(calls: EchoCall[]): string[] {
    return calls
        .filter((c) => ["create", "update", "delete"].includes(c.op))
        .map((c) => {
            const props = (c.inputs ?? c.news ?? c.props) as PropertyMap;
            return `${c.op}:${String(props.name)}`;
        });
}

describe("Engine over the real dynamic-provider host", () => {
    let project: ConsumerProject;
    let engine: Engine;

    before(() => {
        project = createConsumerProject();
        installEchoProvider(project);
    });
    after(() => project.cleanup());
    beforeEach(() => {
        clearEchoCalls(project);
        engine = new Engine({
            consumerDir: project.dir,
            config: { "genesys:clientId": "c1", "genesys:clientSecret": makeSecret(clientSecret) },
        });
    });

    it("previews with unknowns reaching check and never calls create", async () => {
        const steps = await engine.preview([echo("a", { region: unknownValue })]);
        assert.deepEqual(ops(steps), { a: "create" });
        const calls = readEchoCalls(project);
        assert.deepEqual(mutations(calls), []);
        const check = calls.find((c) => c.op === "check");
        assert.ok(check, "check was called");
        assert.equal((check.news as PropertyMap).region, unknownValue);
        assert.deepEqual(engine.resources(), []);
    });

    it("creates, then shows same on an unchanged second up, then updates", async () => {
        const first = await engine.up([echo("a", { region: "eu" })]);
        assert.deepEqual(ops(first), { a: "create" });
        assert.equal(first[0].outputs.token, `tok-${first[0].id}`);

        const second = await engine.up([echo("a", { region: "eu" })]);
        assert.deepEqual(ops(second), { a: "same" });
        assert.equal(second[0].id, first[0].id);

        clearEchoCalls(project);
        const third = await engine.up([echo("a", { region: "eu", label: "x" })]);
        // The fixture's diff only reports name/password/region changes: a label change is "no changes".
        assert.deepEqual(ops(third), { a: "same" });
        const diff = readEchoCalls(project).find((c) => c.op === "diff");
        assert.ok(diff, "diff was called");
        // Diff receives the previous OUTPUTS as olds (token is an output, not an input).
        assert.equal((diff.olds as PropertyMap).token, first[0].outputs.token);
    });

    it("replaces create-before-delete by default: the old one is deleted after the new one exists", async () => {
        const [created] = await engine.up([echo("a", { region: "eu" })]);
        clearEchoCalls(project);
        const steps = await engine.up([echo("a", { region: "us" })]);
        const replace = steps.find((s) => s.op === "replace");
        assert.ok(replace);
        assert.deepEqual(replace.replaces, ["region"]);
        assert.equal(replace.oldId, created.id);
        assert.notEqual(replace.id, created.id);
        const calls = readEchoCalls(project);
        assert.deepEqual(mutations(calls), ["create:a", "delete:a"]);
        assert.equal(calls.find((c) => c.op === "delete")?.id, created.id);
        // The replacement re-runs Check with no olds.
        assert.deepEqual(
            calls.filter((c) => c.op === "check").map((c) => Object.keys(c.olds as PropertyMap).length > 0),
            [true, false],
        );
        assert.equal(engine.resources()[0].id, replace.id);
    });

    it("deletes before creating when the diff asks for delete-before-replace", async () => {
        await engine.up([echo("a", { region: "eu" })]);
        clearEchoCalls(project);
        await engine.up([echo("a", { region: "us", deleteBeforeReplace: true })]);
        assert.deepEqual(mutations(readEchoCalls(project)), ["delete:a", "create:a"]);
    });

    it("strips secrets for the provider and re-marks only same-named outputs", async () => {
        const [step] = await engine.up([echo("s", { password: makeSecret("hunter2") })]);
        assert.deepEqual(secretKeys(step.outputs), ["password"]);
        assert.equal(typeof step.outputs.passwordDigest, "string");
        const create = readEchoCalls(project).find((c) => c.op === "create");
        assert.ok(create, "create was called");
        assert.equal((create.inputs as PropertyMap).password, "hunter2");
        assert.ok(!engine.hostStderr().includes(clientSecret));
        assert.ok(!engine.hostStderr().includes("hunter2"));
    });

    it("marks additionalSecretOutputs secret", async () => {
        const [step] = await engine.up([
            echo("s", { password: makeSecret("pw") }, { additionalSecretOutputs: ["passwordDigest"] }),
        ]);
        assert.deepEqual(secretKeys(step.outputs), ["password", "passwordDigest"]);
    });

    it("reports check failures with property paths and creates nothing", async () => {
        const steps = await engine.up([echo("bad", { settings: { retentionDays: -1 } })]);
        assert.deepEqual(
            steps[0].failures.map((f) => f.property),
            ["settings.retentionDays"],
        );
        assert.match(steps[0].error ?? "", /settings\.retentionDays/);
        assert.deepEqual(engine.resources(), []);
    });

    it("records a partially created resource so it is tracked", async () => {
        const steps = await engine.up([echo("half", { failInit: true })]);
        assert.match(steps[0].error ?? "", /failed to initialise/);
        assert.deepEqual(
            engine.resources().map((r) => r.id),
            ["partial-half"],
        );
    });

    it("deletes resources no longer desired in reverse dependency order, and destroys the rest", async () => {
        const parentUrn = engine.urnOf(echoResourceType, "parent");
        await engine.up([echo("parent"), echo("child", {}, { dependsOn: [parentUrn] }), echo("keep")]);
        clearEchoCalls(project);
        const steps = await engine.up([echo("keep")]);
        assert.deepEqual(ops(steps), { keep: "same", child: "delete", parent: "delete" });
        assert.deepEqual(mutations(readEchoCalls(project)), ["delete:child", "delete:parent"]);

        const destroyed = await engine.destroy();
        assert.deepEqual(ops(destroyed), { keep: "delete" });
        assert.deepEqual(engine.resources(), []);
    });

    it("creates dependencies before dependents even when running in parallel", async () => {
        const parallel = new Engine({ consumerDir: project.dir, parallel: 4 });
        const a = parallel.urnOf(echoResourceType, "a");
        await parallel.up([echo("a"), echo("b", {}, { dependsOn: [a] }), echo("c"), echo("d", {}, { dependsOn: [a] })]);
        const order = mutations(readEchoCalls(project));
        assert.equal(order.length, 4);
        assert.ok(order.indexOf("create:a") < order.indexOf("create:b"));
        assert.ok(order.indexOf("create:a") < order.indexOf("create:d"));
    });

    it("refreshes through read then the diff of the refreshed state, as the engine does, keeping secret-ness", async () => {
        await engine.up([echo("r", { password: makeSecret("pw") })]);
        clearEchoCalls(project);
        const [step] = await engine.refresh();
        assert.deepEqual(
            readEchoCalls(project)
                .map((c) => c.op)
                .filter((op) => op !== "configure"),
            ["read", "diff"],
        );
        assert.equal(step.op, "same", "the diff found no drift");
        assert.equal(step.outputs.observed, true);
        assert.deepEqual(secretKeys(step.outputs), ["password"]);
    });
});
