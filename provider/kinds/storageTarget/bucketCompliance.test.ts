import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { S3Client } from "@aws-sdk/client-s3";
import { DisableKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { createMotoBuckets, createMotoKey, MOTO_CREDENTIALS, motoS3 } from "../../../test/motoBuckets";
import { skipUnlessMoto, startMotoServer } from "../../../test/motoServer";
import { PREFLIGHT_REGION, preflightBuckets } from "../../../test/preflightBuckets";
import { startS3Double, type S3Double } from "../../../test/s3Double";
import { type BucketTarget, encryptionMismatch, kmsKeyRef, verifyBucketCompliance } from "./bucketCompliance";

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const KEY_ARN = `arn:aws:kms:eu-west-1:123456789012:key/${KEY_ID}`;
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const REGION = PREFLIGHT_REGION;

const target = (overrides: Partial<BucketTarget> = {}): BucketTarget => ({
    bucket: "recordings",
    region: REGION,
    serverSideEncryption: "AES256",
    ...overrides,
});

/** The verdicts both servers must lead to: the same pass or the same error message. */
function sharedCases(server: () => { s3: S3Client; keyArn: string }): void {
    const verify = (overrides: Partial<BucketTarget> = {}) => verifyBucketCompliance(server().s3, target(overrides));
    const keyId = () => server().keyArn.split("/").pop() as string;

    it("passes a reachable bucket whose default encryption matches (key by id, by ARN, or the AWS managed one)", async () => {
        await verify();
        await verify({ bucket: "kms-bucket", serverSideEncryption: "aws:kms", kmsKeyId: keyId() });
        await verify({ bucket: "kms-bucket", serverSideEncryption: "aws:kms", kmsKeyId: server().keyArn });
        await verify({ bucket: "kms-bucket", serverSideEncryption: "aws:kms" });
        await verify({ bucket: "managed-kms", serverSideEncryption: "aws:kms", kmsKeyId: "alias/aws/s3" });
    });

    it("names a missing bucket and where to create it", async () => {
        await assert.rejects(
            verify({ bucket: "no-such-bucket" }),
            /^Error: bucket "no-such-bucket" does not exist: create it in eu-west-1, or correct bucket, or set verifyBucket: false/,
        );
    });

    it("names the bucket's real region when it lives elsewhere", async () => {
        await assert.rejects(
            verify({ bucket: "us-bucket" }),
            /^Error: bucket "us-bucket" is not in eu-west-1 but in us-east-2: set region to the bucket's region$/,
        );
    });

    it("fails when the default encryption differs: another algorithm, another key, or none", async () => {
        await assert.rejects(
            verify({ bucket: "kms-bucket" }),
            /^Error: bucket "kms-bucket" encrypts by default with aws:kms, but serverSideEncryption is "AES256": set serverSideEncryption to match/,
        );
        await assert.rejects(
            verify({ bucket: "recordings", serverSideEncryption: "aws:kms", kmsKeyId: keyId() }),
            /encrypts by default with AES256, but serverSideEncryption is "aws:kms"/,
        );
        await assert.rejects(
            verify({ bucket: "kms-bucket", serverSideEncryption: "aws:kms", kmsKeyId: "alias/other" }),
            new RegExp(`KMS key ${server().keyArn}, but kmsKeyId is alias/other: set kmsKeyId to the bucket's key`),
        );
        await assert.rejects(
            verify({ bucket: "managed-kms", serverSideEncryption: "aws:kms", kmsKeyId: keyId() }),
            /encrypts by default with KMS key alias\/aws\/s3, but kmsKeyId is/,
        );
        await assert.rejects(
            verify({ bucket: "plain-bucket" }),
            /^Error: bucket "plain-bucket" encrypts by default with nothing, but serverSideEncryption is "AES256"/,
        );
    });
}

describe("bucket compliance pre-flight (against the S3 double)", () => {
    let double: S3Double;
    let s3: S3Client;
    const verify = (overrides: Partial<BucketTarget> = {}) => verifyBucketCompliance(s3, target(overrides));

    before(async () => {
        double = await startS3Double({
            ...preflightBuckets(KEY_ARN),
            "locked-bucket": { region: REGION, status: 403 },
            "secret-config": { region: REGION, encryption: "forbidden" },
            "moved-bucket": { status: 301, region: "us-east-2" },
        });
        s3 = new S3Client({
            region: REGION,
            endpoint: double.url,
            forcePathStyle: true,
            credentials: { accessKeyId: "AKIAHOSTHOSTHOSTHOST", secretAccessKey: SECRET },
        });
    });
    after(() => double.stop());

    sharedCases(() => ({ s3, keyArn: KEY_ARN }));

    it("sends HeadBucket and GetBucketEncryption path-style", async () => {
        await verify();
        assert.ok(
            double.requests.some((r) => r.method === "HEAD" && /^\/recordings\/?$/.test(r.path)),
            "HeadBucket, path-style",
        );
        assert.ok(
            double.requests.some((r) => r.method === "GET" && /^\/recordings\/?\?encryption/.test(r.path)),
            "GetBucketEncryption, path-style",
        );
    });

    it("tells a denied bucket (403) from a missing one", async () => {
        await assert.rejects(
            verify({ bucket: "locked-bucket" }),
            /exists but .* may not access it: allow s3:ListBucket.*arn:aws:s3:::locked-bucket/,
        );
        await assert.rejects(
            verify({ bucket: "secret-config" }),
            /may not read the encryption .*s3:GetBucketEncryption/,
        );
    });

    it("names the region of a regional endpoint's 301", async () => {
        await assert.rejects(verify({ bucket: "moved-bucket" }), /not in eu-west-1 but in us-east-2: set region/);
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

describe("bucket compliance pre-flight (against moto's S3 and KMS)", { skip: skipUnlessMoto() }, () => {
    let moto: Awaited<ReturnType<typeof startMotoServer>>;
    let s3: S3Client;
    let keyArn: string;

    before(async () => {
        moto = await startMotoServer();
        keyArn = await createMotoKey(moto.url, REGION);
        await createMotoBuckets(moto.url, preflightBuckets(keyArn));
        s3 = motoS3(moto.url, REGION);
    });
    after(async () => {
        s3?.destroy();
        await moto?.stop();
    });

    sharedCases(() => ({ s3, keyArn }));

    it("compares key references only: KMS is not asked, so a disabled or non-existent key passes", async () => {
        const kms = new KMSClient({ region: REGION, endpoint: moto.url, credentials: MOTO_CREDENTIALS });
        await kms.send(new DisableKeyCommand({ KeyId: keyArn.split("/").pop() })).finally(() => kms.destroy());
        await verifyBucketCompliance(
            s3,
            target({ bucket: "kms-bucket", serverSideEncryption: "aws:kms", kmsKeyId: keyArn }),
        );
        const ghost = `arn:aws:kms:${REGION}:123456789012:key/00000000-0000-4000-8000-000000000000`;
        await createMotoBuckets(moto.url, {
            "ghost-key": { region: REGION, encryption: { algorithm: "aws:kms", kmsKeyId: ghost } },
        });
        await verifyBucketCompliance(
            s3,
            target({ bucket: "ghost-key", serverSideEncryption: "aws:kms", kmsKeyId: ghost }),
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
