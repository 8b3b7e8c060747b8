/** The buckets the S3 pre-flight is tested against, one of each case, on our S3 double and on moto alike. */
import type { DoubleBucket } from "./s3Double";

export const PREFLIGHT_REGION = "eu-west-1";

/** `keyArn` is the SSE-KMS key of "kms-bucket": any ARN for the double, one made by moto's KMS for moto. */
export function preflightBuckets(keyArn: string): Record<string, DoubleBucket> {
    return {
        recordings: { region: PREFLIGHT_REGION, encryption: { algorithm: "AES256" } },
        "kms-bucket": { region: PREFLIGHT_REGION, encryption: { algorithm: "aws:kms", kmsKeyId: keyArn } },
        "managed-kms": { region: PREFLIGHT_REGION, encryption: { algorithm: "aws:kms" } },
        "plain-bucket": { region: PREFLIGHT_REGION, encryption: "none" },
        "us-bucket": { region: "us-east-2", encryption: { algorithm: "AES256" } },
    };
}
