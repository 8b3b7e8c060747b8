import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { createConsumerProject, type ConsumerProject } from "./consumerProject";
import { clearEchoCalls, installEchoProvider, readEchoCalls } from "./echoProviderFixture";
import { Engine } from "./engine";
import { runProgram } from "./mockProgram";
import { isSecret, makeSecret, unknownValue } from "./secrets";

// The same shape the SDK's resource classes use: a module-level provider whose methods require the implementation
// by package path at call time, so the serialized `__provider` stays small and resolves in the consumer project.
const echoProvider: pulumi.dynamic.ResourceProvider = {
    configure: (req) => require("echo-provider").configure(req),
    check: (olds, news) => require("echo-provider").check(olds, news),
    diff: (id, olds, news) => require("echo-provider").diff(id, olds, news),
    create: (inputs) => require("echo-provider").create(inputs),
    read: (id, props) => require("echo-provider").read(id, props),
    update: (id, olds, news) => require("echo-provider").update(id, olds, news),
    delete: (id, props) => require("echo-provider").delete(id, props),
};

interface EchoArgs {
    name: pulumi.Input<string>;
    password?: pulumi.Input<string>;
    peerToken?: pulumi.Input<string>;
}

class Echo extends pulumi.dynamic.Resource {
    declare readonly token: pulumi.Output<string>;
    declare readonly password: pulumi.Output<string | undefined>;
    declare readonly passwordDigest: pulumi.Output<string | undefined>;

    constructor(name: string, args: EchoArgs, opts?: pulumi.CustomResourceOptions) {
        super(echoProvider, name, { token: undefined, passwordDigest: undefined, ...args }, opts, "echo", "Echo");
    }
}

/** Stands in for an AWS resource class (e.g. aws.s3.BucketV2) without loading @pulumi/aws. */
class Bucket extends pulumi.CustomResource {
    declare readonly arn: pulumi.Output<string>;

    constructor(name: string) {
        super("aws:s3/bucketV2:BucketV2", name, { bucket: undefined, arn: undefined });
    }
}

function program() {
    const config = new pulumi.Config("genesys");
    const first = new Echo("first", { name: "first", password: config.requireSecret("clientSecret") });
    const bucket = new Bucket("recordings");
    const second = new Echo("second", { name: "second", peerToken: first.token }, { dependsOn: [bucket] });
    return { firstToken: first.token, digest: first.passwordDigest, bucketArn: bucket.arn, secondId: second.id };
}

const config = { "genesys:clientId": "c1", "genesys:clientSecret": makeSecret("program-secret") };

describe("runProgram (Pulumi program under mocks)", () => {
    let project: ConsumerProject;

    before(() => {
        project = createConsumerProject();
        installEchoProvider(project);
    });
    after(() => project.cleanup());

    it("collects registrations with __provider, secret inputs and dependency edges (in-process backend)", async () => {
        clearEchoCalls(project);
        const run = await runProgram(program, { backend: { kind: "inProcess", consumerDir: project.dir }, config });
        const byName = Object.fromEntries(run.registrations.map((r) => [r.name, r]));
        assert.deepEqual(Object.keys(byName).sort(), ["first", "project-stack", "recordings", "second"]);

        assert.equal(byName.first.type, "pulumi-nodejs:dynamic/echo:Echo");
        assert.match(String(byName.first.inputs.__provider), /require\("echo-provider"\)/);
        assert.deepEqual(byName.first.secretInputs, ["password"]);

        assert.deepEqual([...byName.second.dependencies].sort(), [byName.first.urn, byName.recordings.urn].sort());
        assert.deepEqual(byName.second.propertyDependencies.peerToken, [byName.first.urn]);
        assert.match(String(byName.second.inputs.peerToken), /^tok-first-/);

        // The provider was configured from the consumer project with the unwrapped secret.
        const configure = readEchoCalls(project).find((c) => c.op === "configure");
        assert.equal(configure?.clientSecret, "program-secret");

        assert.match(String(run.exports.bucketArn), /^arn:aws:s3:::recordings-/);
        assert.equal(isSecret(run.exports.digest), false, "a differently named output is not re-marked secret");
    });

    it("previews with unknown outputs flowing into dependents, then a second up shows same (engine backend)", async () => {
        const engine = new Engine({ consumerDir: project.dir, config });
        const preview = await runProgram(program, { backend: { kind: "engine", engine }, preview: true });
        assert.deepEqual(
            preview.steps.map((s) => s.op),
            ["create", "create", "create"],
        );
        const second = preview.registrations.find((r) => r.name === "second");
        assert.equal(second?.inputs.peerToken, unknownValue);

        const up = await runProgram(program, { backend: { kind: "engine", engine } });
        assert.deepEqual(
            up.steps.map((s) => s.op),
            ["create", "create", "create"],
        );
        assert.equal(isSecret(up.exports.digest), false);

        const again = await runProgram(program, { backend: { kind: "engine", engine }, preview: true });
        assert.deepEqual(
            again.steps.map((s) => s.op),
            ["same", "same", "same"],
        );
        assert.deepEqual(again.exports, up.exports);
    });

    it("fails the run when a resource others depend on fails, instead of waiting for its outputs", {
        timeout: 30_000,
    }, async () => {
        const engine = new Engine({ consumerDir: project.dir, config });
        const failing = () => {
            const first = new Echo("first", { name: "" });
            const second = new Echo("second", { name: "second", peerToken: first.token });
            return { token: second.token };
        };
        await assert.rejects(
            runProgram(failing, { backend: { kind: "engine", engine } }),
            /Echo first: .*check errors: name: name must be a non-empty string/,
        );
        assert.deepEqual(engine.resources(), [], "nothing was created");
    });
});
