import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import type { JsonBody } from "./emulatorClient";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";
import { isSecret } from "../harness/secrets";
import { createMotoBuckets, createMotoKey } from "./motoBuckets";
import { type MotoServer, skipUnlessMoto, startMotoServer } from "./motoServer";
import { PREFLIGHT_REGION, preflightBuckets } from "./preflightBuckets";
import { startS3Double, type S3Double } from "./s3Double";

const TARGETS = "/api/v2/recording/storage/targets";
const POLICIES = "/api/v2/recording/policies";
const KEY_ID = "AKIAIOSFODNN7EXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const HOST_KEY_ID = "AKIAHOSTCREDENTIALS1";
const ROLE_ARN = "arn:aws:iam::123456789012:role/genesys-recordings";

/** Every place `needle` appears in plain text, outside values the engine holds as secrets. */
function plainOccurrences(value: unknown, needle: string, path = ""): string[] {
    if (isSecret(value)) return [];
    if (typeof value === "string") return value.includes(needle) ? [path] : [];
    if (Array.isArray(value)) return value.flatMap((v, i) => plainOccurrences(v, needle, `${path}[${i}]`));
    if (value !== null && typeof value === "object")
        return Object.entries(value).flatMap(([k, v]) => plainOccurrences(v, needle, `${path}.${k}`));
    return [];
}

describe("StorageTarget end to end (program → real host → S3 pre-flight → emulator)", () => {
    let stack: EmulatedStack;
    let s3: S3Double;
    let targetArgs: genesys.StorageTargetArgs;
    let policyRetentionDays: number;
    const program = () => {
        const target = new genesys.StorageTarget("archive", targetArgs);
        const policy = new genesys.RecordingPolicy("voice", {
            mediaTypes: ["audio"],
            quality: "standard",
            retentionDays: policyRetentionDays,
            storageTarget: target,
        });
        return {
            targetId: target.id,
            targetName: target.name,
            version: target.version,
            policyTarget: policy.storageTargetId,
        };
    };
    const targets = async () => (await stack.platform.get(`${TARGETS}?pageSize=100`)).body.entities as JsonBody[];
    const policies = async () => (await stack.platform.get(`${POLICIES}?pageSize=100`)).body.entities as JsonBody[];

    before(async () => {
        s3 = await startS3Double({
            "acme-recordings": { region: "eu-west-1" },
            "acme-recordings-2": { region: "eu-west-1" },
            "acme-locked": { status: 403 },
        });
        stack = await startEmulatedStack({
            hostEnv: {
                AWS_ENDPOINT_URL_S3: s3.url,
                AWS_ACCESS_KEY_ID: HOST_KEY_ID,
                AWS_SECRET_ACCESS_KEY: "host-secret-that-the-double-never-checks",
                AWS_EC2_METADATA_DISABLED: "true",
            },
        });
        targetArgs = {
            bucket: "acme-recordings",
            region: "eu-west-1",
            serverSideEncryption: "AES256",
            retentionDays: 90,
            accessKeyId: KEY_ID,
            secretAccessKey: SECRET,
        };
        policyRetentionDays = 120;
    });
    after(async () => {
        await stack.stop();
        await s3.stop();
    });

    it("fails at preview a policy that keeps recordings longer than its target, touching nothing", async () => {
        await assert.rejects(
            stack.run(program, { preview: true }),
            /retentionDays 120 exceeds the storage target's retention of 90 days/,
        );
        assert.deepEqual(await targets(), []);
        assert.deepEqual(s3.requests, [], "check makes no network call");
    });

    it("previews a valid pair without touching the platform or S3", async () => {
        policyRetentionDays = 60;
        const run = await stack.run(program, { preview: true });
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["create", "create"],
        );
        assert.deepEqual(await targets(), []);
        assert.deepEqual(s3.requests, []);
    });

    it("checks the bucket with the target's keys, registers the target under a client-chosen id, and pairs the policy", async () => {
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["create", "create"],
        );
        const [live] = await targets();
        assert.match(live.id, /^[0-9a-f-]{36}$/);
        assert.equal(run.exports.targetId, live.id);
        assert.match(live.name, /^archive-[0-9a-f]{7}$/);
        assert.equal(live.configuration.pathPrefix, "recordings/voice");
        assert.equal(run.exports.version, 1);
        assert.equal(run.exports.policyTarget, live.id);
        assert.equal((await policies())[0].storageTargetId, live.id);
        assert.deepEqual(
            s3.requests.map((r) => [r.method, r.accessKeyId]),
            [
                ["HEAD", KEY_ID],
                ["GET", KEY_ID],
            ],
        );
    });

    it("keeps the secret key only as a secret: not in state in plain, not from the platform, not in logs or __provider", async () => {
        const [target] = stack.engine.resources().filter((r) => r.type.endsWith(":StorageTarget"));
        assert.ok(isSecret(target.inputs.secretAccessKey));
        assert.ok(isSecret(target.outputs.secretAccessKey));
        assert.deepEqual(plainOccurrences([target.inputs, target.outputs], SECRET), []);
        const { body } = await stack.platform.get(`${TARGETS}/${target.id}`);
        assert.equal(JSON.stringify(body).includes(SECRET), false);
        assert.equal(stack.engine.hostStderr().includes(SECRET), false);
        assert.equal(String(target.inputs.__provider).includes(SECRET), false);
    });

    it("shows no change on an unchanged run, nor after a refresh (the write-only secret is no drift)", async () => {
        assert.deepEqual(
            (await stack.run(program, { preview: true })).steps.map((s) => s.op),
            ["same", "same"],
        );
        const refreshed = await stack.engine.refresh();
        assert.ok(refreshed.every((s) => s.error === undefined));
        assert.deepEqual(
            (await stack.run(program, { preview: true })).steps.map((s) => s.op),
            ["same", "same"],
        );
    });

    it("updates in place with the version it last saw; the policy is not rewritten for the target's retention", async () => {
        targetArgs = { ...targetArgs, retentionDays: 365, pathPrefix: "recordings/all" };
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["update", "same"],
        );
        const [live] = await targets();
        assert.equal(live.version, 2);
        assert.equal(live.retentionDays, 365);
        assert.equal(live.configuration.pathPrefix, "recordings/all");
    });

    it("gives a 404 bucket and a 403 bucket different, actionable errors, and verifyBucket: false skips the check", async () => {
        targetArgs = { ...targetArgs, bucket: "acme-missing" };
        await assert.rejects(
            stack.run(program),
            /bucket "acme-missing" does not exist: create it in eu-west-1.*verifyBucket: false/s,
        );
        targetArgs = { ...targetArgs, bucket: "acme-locked" };
        await assert.rejects(
            stack.run(program),
            /bucket "acme-locked" exists but the target's access key AKIAIOSFODNN7EXAMPLE may not access it: allow s3:ListBucket/s,
        );
        assert.equal((await targets()).length, 1, "a failed pre-flight registers nothing");

        const before = s3.requests.length;
        targetArgs = { ...targetArgs, bucket: "acme-missing", verifyBucket: false };
        const run = await stack.run(program, { preview: true });
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["replace", "update", "delete"],
            "the replaced target's delete is a step of the preview, as the engine shows it",
        );
        assert.equal(s3.requests.length, before);
    });

    it("replaces on a new bucket: the new target (a new name) is created before the old one is deleted", async () => {
        targetArgs = { ...targetArgs, bucket: "acme-recordings-2", verifyBucket: true };
        const [old] = await targets();
        let most = 0;
        let running = true;
        const watch = (async () => {
            while (running) {
                most = Math.max(most, (await targets()).length);
                await new Promise((resolve) => setTimeout(resolve, 20));
            }
        })();
        const run = await stack.run(program).finally(() => (running = false));
        await watch;
        const replace = run.steps.find((s) => s.op === "replace");
        assert.equal(replace?.deleteBeforeReplace, false);
        assert.deepEqual(replace?.replaces, ["bucket"]);
        assert.equal(most, 2, "old and new existed together");
        const after = await targets();
        assert.equal(after.length, 1);
        assert.notEqual(after[0].id, old.id);
        assert.notEqual(after[0].name, old.name);
        assert.equal(after[0].configuration.bucket, "acme-recordings-2");
        assert.equal((await policies())[0].storageTargetId, after[0].id, "the policy follows the new target");
    });

    it("drops a target deleted outside Pulumi on refresh, and destroys everything", async () => {
        const [live] = await targets();
        assert.equal(await stack.platform.remove(`${TARGETS}/${live.id}`), 204);
        const refresh = await stack.engine.refresh();
        assert.deepEqual(refresh.map((s) => s.op).sort(), ["delete", "same"]);
        await stack.engine.destroy();
        assert.deepEqual(await targets(), []);
        assert.deepEqual(await policies(), []);
    });
});

describe("StorageTarget pre-flight through the real host against moto's S3", { skip: skipUnlessMoto() }, () => {
    let moto: MotoServer;
    let stack: EmulatedStack;
    let keyArn: string;
    let targetArgs: genesys.StorageTargetArgs;
    const program = () => ({ targetId: new genesys.StorageTarget("archive", targetArgs).id });
    const targets = async () =>
        (await stack.platform.get(`${TARGETS}?pageSize=100`)).body.entities as { id: string; retentionDays: number }[];

    before(async () => {
        moto = await startMotoServer();
        keyArn = await createMotoKey(moto.url, PREFLIGHT_REGION);
        await createMotoBuckets(moto.url, preflightBuckets(keyArn));
        stack = await startEmulatedStack({
            hostEnv: {
                AWS_ENDPOINT_URL_S3: moto.url,
                AWS_ACCESS_KEY_ID: HOST_KEY_ID,
                AWS_SECRET_ACCESS_KEY: "moto-does-not-check-this",
                AWS_EC2_METADATA_DISABLED: "true",
            },
        });
    });
    after(async () => {
        await stack?.stop();
        await moto?.stop();
    });

    it("refuses a missing bucket, another region's bucket and a key mismatch, registering nothing", async () => {
        const base = { region: PREFLIGHT_REGION, retentionDays: 90, roleArn: ROLE_ARN } as const;
        targetArgs = { ...base, bucket: "no-such-bucket", serverSideEncryption: "AES256" };
        await assert.rejects(stack.run(program), /bucket "no-such-bucket" does not exist: create it in eu-west-1/);
        targetArgs = { ...base, bucket: "us-bucket", serverSideEncryption: "AES256" };
        await assert.rejects(stack.run(program), /bucket "us-bucket" is not in eu-west-1 but in us-east-2/);
        targetArgs = { ...base, bucket: "kms-bucket", serverSideEncryption: "aws:kms", kmsKeyId: "alias/other" };
        await assert.rejects(stack.run(program), /kmsKeyId is alias\/other: set kmsKeyId to the bucket's key/);
        assert.deepEqual(await targets(), []);
    });

    it("registers a target on a bucket under the declared KMS key, then updates it after checking again", async () => {
        targetArgs = {
            region: PREFLIGHT_REGION,
            retentionDays: 90,
            roleArn: ROLE_ARN,
            bucket: "kms-bucket",
            serverSideEncryption: "aws:kms",
            kmsKeyId: keyArn,
        };
        const created = await stack.run(program);
        assert.deepEqual(
            created.steps.map((s) => s.op),
            ["create"],
        );
        targetArgs = { ...targetArgs, retentionDays: 120 };
        const updated = await stack.run(program);
        assert.deepEqual(
            updated.steps.map((s) => s.op),
            ["update"],
        );
        const [live] = await targets();
        assert.equal(live.id, created.exports.targetId);
        assert.equal(live.retentionDays, 120);
        await stack.engine.destroy();
        assert.deepEqual(await targets(), []);
    });
});
