import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { recordingExportIntegrationProvider as provider } from "./provider";
import { UNKNOWN } from "../../validation/unknowns";

const KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const valid = {
    __resourceName: "exports",
    bucket: "cc-recording-exports",
    roleArn: "arn:aws:iam::123456789012:role/genesys-recording-export",
    region: "eu-west-1",
    serverSideEncryption: "AES256",
};

async function reasonsFor(news: Record<string, unknown>): Promise<Record<string, string>> {
    const { failures } = await provider.check({}, { ...valid, ...news });
    return Object.fromEntries(failures.map((f) => [f.property, f.reason]));
}

describe("RecordingExportIntegration check", () => {
    it("accepts a bucket and a role, and fills enabled, verifyBucket and an auto-name", async () => {
        const { inputs, failures } = await provider.check({}, valid);
        assert.deepEqual(failures, []);
        assert.equal(inputs.enabled, true);
        assert.equal(inputs.verifyBucket, true);
        assert.match(String(inputs.name), /^exports-[0-9a-f]{7}$/);
    });

    it("applies the S3 naming rules and the IAM role ARN form", async () => {
        const reasons = await reasonsFor({ bucket: "Recordings_Bucket", roleArn: "arn:aws:iam::123:user/me" });
        assert.match(reasons.bucket, /lowercase letters, digits, dots and hyphens \(S3 bucket naming rules\)/);
        assert.match(reasons.roleArn, /IAM role ARN/);
        assert.match((await reasonsFor({ roleArn: undefined })).roleArn, /IAM role ARN/);
    });

    it("ties the KMS key to SSE-KMS, as the storage target does", async () => {
        assert.match(
            (await reasonsFor({ serverSideEncryption: "aws:kms" })).kmsKeyId,
            /required when serverSideEncryption is "aws:kms"/,
        );
        assert.match(
            (await reasonsFor({ kmsKeyId: KEY_ARN })).kmsKeyId,
            /applies only to serverSideEncryption "aws:kms"/,
        );
        assert.deepEqual(await reasonsFor({ serverSideEncryption: "aws:kms", kmsKeyId: KEY_ARN }), {});
    });

    it("passes unknown values during preview", async () => {
        assert.deepEqual(await reasonsFor({ bucket: UNKNOWN, roleArn: UNKNOWN, kmsKeyId: UNKNOWN }), {});
    });
});

describe("RecordingExportIntegration diff", () => {
    const olds = { ...valid, name: "exports-abc1234", enabled: true, verifyBucket: true, integrationId: "i1" };

    it("writes nothing when only what the pre-flight reads changes", async () => {
        const preflightOnly = await provider.diff("i1", olds, {
            ...olds,
            region: "us-east-1",
            serverSideEncryption: "aws:kms",
            kmsKeyId: KEY_ARN,
            verifyBucket: false,
        });
        assert.equal(preflightOnly.changes, false);
    });

    it("updates a new bucket, role or state in place", async () => {
        for (const change of [
            { bucket: "other-bucket" },
            { roleArn: "arn:aws:iam::123456789012:role/x" },
            { enabled: false },
        ]) {
            const diff = await provider.diff("i1", olds, { ...olds, ...change });
            assert.equal(diff.changes, true);
            assert.deepEqual(diff.replaces, []);
        }
    });
});
