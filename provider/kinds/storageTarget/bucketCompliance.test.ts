import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { S3Client } from "@aws-sdk/client-s3";
import { startS3Double, type S3Double } from "../../../test/s3Double";
import { type BucketTarget, encryptionMismatch, kmsKeyRef, verifyBucketCompliance } from "./bucketCompliance";

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const KEY_ARN = `arn:aws:kms:eu-west-1:123456789012:key/${KEY_ID}`;
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

describe("bucket compliance pre-flight (against the S3 double)", () => {
    let double: S3Double;
    let s3: S3Client;
    const target = (overrides: Partial<BucketTarget> = {}): BucketTarget => ({
        bucket: "recordings",
        region: "eu-west-1",
        serverSideEncryption: "AES256",
        ...overrides,
    });
    const verify = (overrides: Partial<BucketTarget> = {}) => verifyBucketCompliance(s3, target(overrides));

    before(async () => {
        double = await startS3Double({
            recordings: { region: "eu-west-1" },
            "kms-bucket": { region: "eu-west-1", encryption: { algorithm: "aws:kms", kmsKeyId: KEY_ARN } },
            "managed-kms": { region: "eu-west-1", encryption: { algorithm: "aws:kms" } },
            "plain-bucket": { region: "eu-west-1", encryption: "none" },
            "locked-bucket": { status: 403 },
            "secret-config": { encryption: "forbidden" },
            "us-bucket": { status: 301, region: "us-east-2" },
        });
        s3 = new S3Client({
            region: "eu-west-1",
            endpoint: double.url,
            forcePathStyle: true,
            credentials: { accessKeyId: "AKIAHOSTHOSTHOSTHOST", secretAccessKey: SECRET },
        });
    });
    after(() => double.stop());

    it("passes a reachable bucket whose default encryption matches", async () => {
        await verify();
        await verify({ bucket: "kms-bucket", serverSideEncryption: "aws:kms", kmsKeyId: KEY_ID });
        await verify({ bucket: "kms-bucket", serverSideEncryption: "aws:kms", kmsKeyId: KEY_ARN });
        await verify({ bucket: "managed-kms", serverSideEncryption: "aws:kms", kmsKeyId: "alias/aws/s3" });
        assert.ok(
            double.requests.some((r) => r.method === "HEAD" && /^\/recordings\/?$/.test(r.path)),
            "HeadBucket, path-style",
        );
        assert.ok(
            double.requests.some((r) => r.method === "GET" && /^\/recordings\/?\?encryption/.test(r.path)),
            "GetBucketEncryption, path-style",
        );
    });

    it("tells a missing bucket (404) from a denied one (403)", async () => {
        await assert.rejects(
            verify({ bucket: "no-such-bucket" }),
            /bucket "no-such-bucket" does not exist: create it in eu-west-1.*verifyBucket: false/,
        );
        await assert.rejects(
            verify({ bucket: "locked-bucket" }),
            /exists but .* may not access it: allow s3:ListBucket.*arn:aws:s3:::locked-bucket/,
        );
    });

    it("names the bucket's real region when it lives elsewhere", async () => {
        await assert.rejects(verify({ bucket: "us-bucket" }), /not in eu-west-1 but in us-east-2: set region/);
    });

    it("fails when the default encryption differs or cannot be read", async () => {
        await assert.rejects(
            verify({ bucket: "kms-bucket" }),
            /encrypts by default with aws:kms, but serverSideEncryption is "AES256"/,
        );
        await assert.rejects(
            verify({ bucket: "kms-bucket", serverSideEncryption: "aws:kms", kmsKeyId: "alias/other" }),
            /kmsKeyId is alias\/other: set kmsKeyId/,
        );
        await assert.rejects(verify({ bucket: "plain-bucket" }), /encrypts by default with nothing/);
        await assert.rejects(
            verify({ bucket: "secret-config" }),
            /may not read the encryption .*s3:GetBucketEncryption/,
        );
    });

    it("never puts the secret key in its errors", async () => {
        const keyed = new S3Client({
            region: "eu-west-1",
            endpoint: double.url,
            forcePathStyle: true,
            credentials: { accessKeyId: "AKIAKEYSKEYSKEYSKEYS", secretAccessKey: SECRET },
        });
        await assert.rejects(
            verifyBucketCompliance(
                keyed,
                target({ bucket: "locked-bucket", accessKeyId: "AKIAKEYSKEYSKEYSKEYS", secretAccessKey: SECRET }),
            ),
            (err: Error) => {
                assert.match(err.message, /the target's access key AKIAKEYSKEYSKEYSKEYS/);
                assert.equal(err.message.includes(SECRET), false);
                return true;
            },
        );
    });
});

describe("KMS key references", () => {
    const uuid = fc.uuid();
    const account = fc.stringMatching(/^\d{12}$/);

    it("treats a key id and its ARN as the same key, and an alias and its ARN too", () => {
        fc.assert(
            fc.property(
                uuid,
                account,
                (id, acct) => kmsKeyRef(`arn:aws:kms:eu-west-1:${acct}:key/${id}`) === kmsKeyRef(id),
            ),
        );
        fc.assert(
            fc.property(
                fc.stringMatching(/^[a-z][a-z0-9/_-]{0,20}$/),
                account,
                (name, acct) => kmsKeyRef(`arn:aws:kms:us-east-1:${acct}:alias/${name}`) === kmsKeyRef(`alias/${name}`),
            ),
        );
    });

    it("never matches a key id to an alias", () => {
        fc.assert(fc.property(uuid, (id) => kmsKeyRef(id) !== kmsKeyRef(`alias/${id}`)));
    });

    it("reads an absent bucket key as the AWS managed key", () => {
        assert.equal(
            encryptionMismatch(
                { bucket: "b", serverSideEncryption: "aws:kms", kmsKeyId: "alias/aws/s3" },
                { algorithm: "aws:kms" },
            ),
            undefined,
        );
        assert.match(
            String(
                encryptionMismatch(
                    { bucket: "b", serverSideEncryption: "aws:kms", kmsKeyId: KEY_ID },
                    { algorithm: "aws:kms" },
                ),
            ),
            /alias\/aws\/s3/,
        );
    });
});
