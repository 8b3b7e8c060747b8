/** Buckets on moto made as `test/s3Double.ts` describes them, through the AWS SDK, so one table serves both. */
import {
    type BucketLocationConstraint,
    CreateBucketCommand,
    PutBucketEncryptionCommand,
    S3Client,
} from "@aws-sdk/client-s3";
import { CreateKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import type { DoubleBucket } from "./s3Double";

/** moto takes any credentials unless told to enforce IAM; these only sign. */
export const MOTO_CREDENTIALS = { accessKeyId: "AKIAMOTOMOTOMOTOMOTO", secretAccessKey: "moto-does-not-check-this" };

export function motoS3(url: string, region: string): S3Client {
    return new S3Client({ region, endpoint: url, forcePathStyle: true, credentials: MOTO_CREDENTIALS });
}

/** A customer managed KMS key made by moto's KMS; its ARN. */
export async function createMotoKey(url: string, region: string): Promise<string> {
    const kms = new KMSClient({ region, endpoint: url, credentials: MOTO_CREDENTIALS });
    try {
        const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: "recordings" }));
        if (KeyMetadata?.Arn === undefined) throw new Error("moto's CreateKey answered no key ARN");
        return KeyMetadata.Arn;
    } finally {
        kms.destroy();
    }
}

/** Creates each bucket in its region with its default encryption; moto models no 403 or 301, so those are refused. */
export async function createMotoBuckets(url: string, buckets: Record<string, DoubleBucket>): Promise<void> {
    for (const [name, spec] of Object.entries(buckets)) {
        if ((spec.status ?? 200) !== 200 || spec.encryption === "forbidden") {
            throw new Error(`bucket "${name}": moto grants every request, so it cannot be made to answer 403 or 301`);
        }
        const region = spec.region ?? "us-east-1";
        const s3 = motoS3(url, region);
        try {
            await s3.send(
                new CreateBucketCommand({
                    Bucket: name,
                    CreateBucketConfiguration:
                        region === "us-east-1" ? undefined : { LocationConstraint: region as BucketLocationConstraint },
                }),
            );
            const encryption = spec.encryption ?? { algorithm: "AES256" };
            if (encryption === "none") continue;
            await s3.send(
                new PutBucketEncryptionCommand({
                    Bucket: name,
                    ServerSideEncryptionConfiguration: {
                        Rules: [
                            {
                                ApplyServerSideEncryptionByDefault: {
                                    SSEAlgorithm: encryption.algorithm,
                                    KMSMasterKeyID: encryption.kmsKeyId,
                                },
                            },
                        ],
                    },
                }),
            );
        } finally {
            s3.destroy();
        }
    }
}
