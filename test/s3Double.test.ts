/**
 * Our S3 double stands in for S3 in the demo and in most tests; this holds it to moto's answers. The same AWS
 * SDK v3 calls the pre-flight makes go to both, for every case both can hold, and what the pre-flight reads of
 * the answers must agree: the HTTP status, the error code and message, the bucket's region, the default
 * encryption's algorithm and key.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { GetBucketEncryptionCommand, HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { createMotoBuckets, createMotoKey, MOTO_CREDENTIALS, motoS3 } from "./motoBuckets";
import { type MotoServer, skipUnlessMoto, startMotoServer } from "./motoServer";
import { PREFLIGHT_REGION, preflightBuckets } from "./preflightBuckets";
import { startS3Double, type S3Double } from "./s3Double";

interface Answer {
    status?: number;
    error?: string;
    message?: string;
    bucketRegion?: string;
    algorithm?: string;
    kmsKeyId?: string;
}

async function answer<Output extends { $metadata: { httpStatusCode?: number } }>(
    call: () => Promise<Output>,
    read: (output: Output) => Partial<Answer>,
): Promise<Answer> {
    try {
        const output = await call();
        return { status: output.$metadata.httpStatusCode, ...read(output) };
    } catch (caught) {
        const err = caught as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
        return { status: err.$metadata?.httpStatusCode, error: err.name, message: err.message };
    }
}

/** HeadBucket and GetBucketEncryption of `bucket`, reduced to what the pre-flight reads. */
async function preflightCalls(s3: S3Client, bucket: string): Promise<{ head: Answer; encryption: Answer }> {
    const head = await answer(
        () => s3.send(new HeadBucketCommand({ Bucket: bucket })),
        (output) => ({ bucketRegion: output.BucketRegion }),
    );
    const encryption = await answer(
        () => s3.send(new GetBucketEncryptionCommand({ Bucket: bucket })),
        (output) => {
            const byDefault = output.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault;
            return { algorithm: byDefault?.SSEAlgorithm, kmsKeyId: byDefault?.KMSMasterKeyID };
        },
    );
    return { head, encryption };
}

describe("the S3 double answers the pre-flight's calls as moto does", { skip: skipUnlessMoto() }, () => {
    let moto: MotoServer;
    let double: S3Double;
    let viaMoto: S3Client;
    let viaDouble: S3Client;
    let buckets: string[];

    before(async () => {
        moto = await startMotoServer();
        const keyArn = await createMotoKey(moto.url, PREFLIGHT_REGION);
        const table = preflightBuckets(keyArn);
        buckets = [...Object.keys(table), "no-such-bucket"];
        await createMotoBuckets(moto.url, table);
        double = await startS3Double(table);
        viaMoto = motoS3(moto.url, PREFLIGHT_REGION);
        viaDouble = new S3Client({
            region: PREFLIGHT_REGION,
            endpoint: double.url,
            forcePathStyle: true,
            credentials: MOTO_CREDENTIALS,
        });
    });
    after(async () => {
        viaMoto?.destroy();
        viaDouble?.destroy();
        await double?.stop();
        await moto?.stop();
    });

    it("gives the same status, error and fields for every bucket, a missing one included", async () => {
        for (const bucket of buckets) {
            const fromMoto = await preflightCalls(viaMoto, bucket);
            assert.deepEqual(await preflightCalls(viaDouble, bucket), fromMoto, `bucket "${bucket}"`);
        }
    });

    it("is compared on answers that differ from bucket to bucket", async () => {
        const seen = await Promise.all(buckets.map((bucket) => preflightCalls(viaMoto, bucket)));
        const distinct = new Set(seen.map((calls) => JSON.stringify(calls)));
        assert.equal(distinct.size, buckets.length, "each case gets its own answer from moto");
    });
});
