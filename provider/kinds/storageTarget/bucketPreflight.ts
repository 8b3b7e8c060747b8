import type { BucketTarget } from "./bucketCompliance";

/**
 * The S3 compliance pre-flight before a write that points Genesys Cloud at a bucket (see bucketCompliance.ts),
 * unless `verifyBucket` is false. The AWS SDK is loaded only when a bucket is checked: every other operation of
 * the host is spared its memory.
 */
export async function bucketPreflight(target: BucketTarget & { verifyBucket: boolean }): Promise<void> {
    if (!target.verifyBucket) return;
    const { s3ClientFor, verifyBucketCompliance } = await import("./bucketCompliance");
    const s3 = s3ClientFor(target);
    try {
        await verifyBucketCompliance(s3, target);
    } finally {
        s3.destroy();
    }
}
