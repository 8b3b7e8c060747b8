import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { storageTargetProvider as provider } from "./provider";
import { bucketNameProblem } from "./schema";
import { UNKNOWN } from "../../validation/unknowns";

const ROLE = "arn:aws:iam::123456789012:role/genesys-recordings";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const valid = {
    __resourceName: "archive",
    bucket: "acme-recordings",
    region: "eu-west-1",
    serverSideEncryption: "AES256",
    retentionDays: 365,
    roleArn: ROLE,
};

async function failures(news: Record<string, unknown>) {
    const { failures } = await provider.check({}, { ...valid, ...news });
    return failures;
}

async function reasonsFor(news: Record<string, unknown>): Promise<Record<string, string>> {
    return Object.fromEntries((await failures(news)).map((f) => [f.property, f.reason]));
}

describe("StorageTarget check", () => {
    it("accepts a minimal target and fills the defaults and an auto-name", async () => {
        const { inputs, failures } = await provider.check({}, valid);
        assert.deepEqual(failures, []);
        assert.equal(inputs.pathPrefix, "recordings/voice");
        assert.equal(inputs.enabled, true);
        assert.equal(inputs.verifyBucket, true);
        assert.match(String(inputs.name), /^archive-[0-9a-f]{7}$/);
    });

    it("names a replacement (a new bucket, checked without old inputs) apart from the target it replaces", async () => {
        const first = await provider.check({}, valid);
        const again = await provider.check({}, valid);
        const replacement = await provider.check({}, { ...valid, bucket: "acme-recordings-2" });
        assert.equal(again.inputs.name, first.inputs.name, "the same inputs get the name a preview showed");
        assert.notEqual(replacement.inputs.name, first.inputs.name);
        const kept = await provider.check(first.inputs, { ...valid, retentionDays: 30 });
        assert.equal(kept.inputs.name, first.inputs.name, "an update keeps the name");
    });

    it("leaves the auto-name unknown while the bucket it depends on is unknown", async () => {
        const { inputs, failures } = await provider.check({}, { ...valid, bucket: UNKNOWN });
        assert.deepEqual(failures, []);
        assert.equal(inputs.name, UNKNOWN);
    });

    it("accepts access keys instead of a role, and aws:kms with a key", async () => {
        assert.deepEqual(
            await failures({ roleArn: undefined, accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET }),
            [],
        );
        for (const kmsKeyId of [
            "1234abcd-12ab-34cd-56ef-1234567890ab",
            "alias/recordings",
            "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        ]) {
            assert.deepEqual(await failures({ serverSideEncryption: "aws:kms", kmsKeyId }), [], kmsKeyId);
        }
        for (const region of ["us-east-1", "us-gov-west-1", "cn-northwest-1", "ap-southeast-2", "eu-central-2"]) {
            assert.deepEqual(await failures({ region }), [], region);
        }
    });

    it("names every failing property at once", async () => {
        const reasons = await reasonsFor({
            bucket: "Acme_Recordings",
            region: "europe",
            serverSideEncryption: "SSE-C",
            retentionDays: 4000,
            pathPrefix: "/recordings/",
            enabled: "yes",
            verifyBucket: 1,
        });
        assert.deepEqual(Object.keys(reasons).sort(), [
            "bucket",
            "enabled",
            "pathPrefix",
            "region",
            "retentionDays",
            "serverSideEncryption",
            "verifyBucket",
        ]);
        assert.match(reasons.bucket, /lowercase letters, digits, dots and hyphens \(S3 bucket naming rules\)/);
        assert.match(reasons.region, /AWS region code such as us-east-1/);
        assert.match(reasons.serverSideEncryption, /"AES256", "aws:kms"/);
        assert.match(reasons.retentionDays, /from 1 to 3650 \(got 4000\)/);
        assert.match(reasons.pathPrefix, /must not start or end with \//);
    });

    it("requires bucket, region, serverSideEncryption and retentionDays", async () => {
        const { failures } = await provider.check({}, { __resourceName: "x", roleArn: ROLE });
        assert.deepEqual(failures.map((f) => f.property).sort(), [
            "bucket",
            "region",
            "retentionDays",
            "serverSideEncryption",
        ]);
    });

    it("requires kmsKeyId with aws:kms and refuses it with AES256", async () => {
        assert.match(
            (await reasonsFor({ serverSideEncryption: "aws:kms" })).kmsKeyId,
            /kmsKeyId is required when serverSideEncryption is "aws:kms"/,
        );
        assert.match(
            (await reasonsFor({ kmsKeyId: "alias/recordings" })).kmsKeyId,
            /applies only to serverSideEncryption "aws:kms"/,
        );
        assert.match(
            (await reasonsFor({ serverSideEncryption: "aws:kms", kmsKeyId: "my key" })).kmsKeyId,
            /KMS key id, key ARN, alias/,
        );
    });

    it("requires exactly one kind of credentials", async () => {
        assert.match(
            (await reasonsFor({ roleArn: undefined })).roleArn,
            /needs credentials: set roleArn \(preferred\), or accessKeyId \+ secretAccessKey/,
        );
        assert.match(
            (await reasonsFor({ accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET })).roleArn,
            /either roleArn or accessKeyId \+ secretAccessKey, not both/,
        );
        assert.match(
            (await reasonsFor({ roleArn: undefined, accessKeyId: "AKIAIOSFODNN7EXAMPLE" }))['["secretAccessKey"]'],
            /secretAccessKey is required with accessKeyId/,
        );
        assert.match(
            (await reasonsFor({ roleArn: undefined, secretAccessKey: SECRET })).accessKeyId,
            /accessKeyId is required with secretAccessKey/,
        );
        assert.match((await reasonsFor({ roleArn: "arn:aws:iam::123:user/me" })).roleArn, /IAM role ARN/);
        assert.match(
            (await reasonsFor({ roleArn: undefined, accessKeyId: "ASIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET }))
                .accessKeyId,
            /long-term AWS access key id/,
        );
    });

    it("never echoes the secret access key", async () => {
        const badSecret = "short-but-secret-value";
        const found = await failures({
            roleArn: undefined,
            accessKeyId: "AKIAIOSFODNN7EXAMPLE",
            secretAccessKey: badSecret,
        });
        // In bracket form: the engine prints the value of a failing top-level input key, secret or not.
        assert.deepEqual(
            found.map((f) => f.property),
            ['["secretAccessKey"]'],
        );
        assert.match(found[0].reason, /40-character secret/);
        assert.equal(found[0].reason.includes(badSecret), false);
    });

    it("passes unknown values during preview, and rules that read them", async () => {
        assert.deepEqual(await failures({ bucket: UNKNOWN, region: UNKNOWN, retentionDays: UNKNOWN }), []);
        assert.deepEqual(await failures({ serverSideEncryption: "aws:kms", kmsKeyId: UNKNOWN }), []);
        assert.deepEqual(await failures({ roleArn: UNKNOWN }), []);
        assert.deepEqual(await failures({ roleArn: undefined, accessKeyId: UNKNOWN, secretAccessKey: UNKNOWN }), []);
        const reasons = await reasonsFor({ bucket: UNKNOWN, retentionDays: 0 });
        assert.deepEqual(Object.keys(reasons), ["retentionDays"]);
    });
});

describe("S3 bucket naming rules", () => {
    it("names the broken rule", () => {
        assert.match(String(bucketNameProblem("ab")), /3 to 63 characters/);
        assert.match(String(bucketNameProblem("-abc")), /begin and end/);
        assert.match(String(bucketNameProblem("a..b")), /adjacent dots/);
        assert.match(String(bucketNameProblem("192.168.1.10")), /IP address/);
        assert.match(String(bucketNameProblem("xn--abc")), /reserved prefix "xn--"/);
        assert.match(String(bucketNameProblem("abc-s3alias")), /reserved suffix "-s3alias"/);
    });

    it("accepts every name built from the allowed alphabet that follows the rules", () => {
        const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
        const name = fc
            .array(label, { minLength: 1, maxLength: 4 })
            .map((labels) => labels.join("."))
            .filter(
                (n) =>
                    n.length >= 3 &&
                    !/^\d+(\.\d+){3}$/.test(n) &&
                    !/^(xn--|sthree-|amzn-s3-demo-)/.test(n) &&
                    !/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(n),
            );
        fc.assert(fc.property(name, (n) => bucketNameProblem(n) === undefined));
    });

    it("refuses any name holding an uppercase letter or underscore", () => {
        fc.assert(
            fc.property(
                fc.string({ minLength: 3, maxLength: 40 }),
                fc.constantFrom("A", "_", "Z"),
                (base, bad) => bucketNameProblem(`a${base}${bad}b`) !== undefined,
            ),
        );
    });
});

describe("StorageTarget diff", () => {
    const olds = {
        ...valid,
        name: "archive-abc1234",
        pathPrefix: "recordings/voice",
        enabled: true,
        verifyBucket: true,
        storageTargetId: "t1",
        version: 2,
        __provider: "old",
    };

    it("reports no change when only __provider or computed outputs differ", async () => {
        const news = { ...olds, storageTargetId: undefined, version: undefined, __provider: "new" };
        assert.deepEqual(await provider.diff("t1", olds, news), {
            changes: false,
            replaces: [],
            deleteBeforeReplace: false,
        });
    });

    it("replaces on a new bucket or region, updates in place otherwise", async () => {
        assert.deepEqual((await provider.diff("t1", olds, { ...olds, bucket: "other-bucket" })).replaces, ["bucket"]);
        assert.deepEqual((await provider.diff("t1", olds, { ...olds, region: "us-east-1" })).replaces, ["region"]);
        const inPlace = await provider.diff("t1", olds, { ...olds, retentionDays: 30, pathPrefix: "recordings/video" });
        assert.equal(inPlace.changes, true);
        assert.deepEqual(inPlace.replaces, []);
    });

    it("sees a changed secret key although the platform never returns it", async () => {
        const keyed = { ...olds, roleArn: undefined, accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET };
        const rotated = await provider.diff("t1", keyed, { ...keyed, secretAccessKey: SECRET.replace("KEY", "NEW") });
        assert.equal(rotated.changes, true);
        assert.deepEqual(rotated.replaces, []);
    });

    it("treats an unknown new bucket as a possible replacement", async () => {
        assert.deepEqual((await provider.diff("t1", olds, { ...olds, bucket: UNKNOWN })).replaces, ["bucket"]);
    });
});
