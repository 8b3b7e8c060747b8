import { GetBucketEncryptionCommand, HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import type { Encryption } from "./schema";

/** What the pre-flight needs to know about a target. */
export interface BucketTarget {
    bucket: string;
    region: string;
    serverSideEncryption: Encryption;
    kmsKeyId?: string;
    accessKeyId?: string;
    secretAccessKey?: string;
}

const SKIP = "or set verifyBucket: false to register the target without this check";

/**
 * The S3 client for the pre-flight. With access keys it checks as the platform will write, with the
 * same keys; with a role, which only Genesys Cloud can assume, it uses the AWS
 * credentials of the environment running Pulumi. `AWS_ENDPOINT_URL_S3` redirects it, as everywhere in the SDK.
 */
export function s3ClientFor(target: BucketTarget): S3Client {
    const keys =
        target.accessKeyId !== undefined && target.secretAccessKey !== undefined
            ? { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey }
            : undefined;
    return new S3Client({
        region: target.region,
        credentials: keys,
        maxAttempts: 3,
        requestHandler: { requestTimeout: 15_000, connectionTimeout: 5_000 },
    });
}

/** KMS keys are named four ways (id, key ARN, alias, alias ARN); this reduces each to `key/<id>` or `alias/<name>`. */
export function kmsKeyRef(keyId: string): string {
    const arn = /:(key|alias)\/(.+)$/.exec(keyId);
    if (arn) return `${arn[1]}/${arn[2]}`;
    return keyId.startsWith("alias/") ? keyId : `key/${keyId}`;
}

/** Without a KMSMasterKeyID, SSE-KMS uses the account's AWS managed key for S3. */
const AWS_MANAGED_S3_KEY = "alias/aws/s3";

/**
 * The encryption mismatch between what the target declares and the bucket's default encryption, or undefined.
 * A key id and an alias of the same key cannot be told apart without KMS, so they count as different.
 */
export function encryptionMismatch(
    target: Pick<BucketTarget, "bucket" | "serverSideEncryption" | "kmsKeyId">,
    bucketDefault: { algorithm?: string; kmsKeyId?: string },
): string | undefined {
    const { bucket, serverSideEncryption, kmsKeyId } = target;
    if (bucketDefault.algorithm !== serverSideEncryption) {
        return (
            `bucket "${bucket}" encrypts by default with ${bucketDefault.algorithm ?? "nothing"}, but serverSideEncryption is "${serverSideEncryption}": ` +
            `set serverSideEncryption to match the bucket, or change the bucket's default encryption`
        );
    }
    if (serverSideEncryption !== "aws:kms" || kmsKeyId === undefined) return undefined;
    const bucketKey = bucketDefault.kmsKeyId ?? AWS_MANAGED_S3_KEY;
    if (kmsKeyRef(bucketKey) === kmsKeyRef(kmsKeyId)) return undefined;
    return `bucket "${bucket}" encrypts by default with KMS key ${bucketKey}, but kmsKeyId is ${kmsKeyId}: set kmsKeyId to the bucket's key`;
}

interface AwsError {
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
    $response?: { headers?: Record<string, string | undefined> };
}

function statusOf(err: AwsError): number | undefined {
    return err.$metadata?.httpStatusCode;
}

function whose(target: BucketTarget): string {
    return target.accessKeyId !== undefined
        ? `the target's access key ${target.accessKeyId}`
        : "the AWS credentials of the environment running Pulumi";
}

function otherFailure(action: string, target: BucketTarget, err: AwsError): Error {
    if (err.name === "CredentialsProviderError") {
        return new Error(
            `cannot check bucket "${target.bucket}": no AWS credentials are configured where Pulumi runs; configure them (e.g. AWS_PROFILE), ${SKIP}`,
        );
    }
    const status = statusOf(err) === undefined ? "" : ` (HTTP ${statusOf(err)})`;
    return new Error(
        `${action} of bucket "${target.bucket}" failed${status}: ${err.name ?? "error"}: ${err.message ?? "no message"}; ${SKIP}`,
    );
}

function wrongRegion(target: BucketTarget, actual: string | undefined): Error {
    return new Error(
        `bucket "${target.bucket}" is not in ${target.region}${actual ? ` but in ${actual}` : ""}: set region to the bucket's region`,
    );
}

async function headBucket(s3: S3Client, target: BucketTarget): Promise<void> {
    let answer: { BucketRegion?: string };
    try {
        answer = await s3.send(new HeadBucketCommand({ Bucket: target.bucket }));
    } catch (caught) {
        const err = caught as AwsError;
        const { bucket, region } = target;
        switch (statusOf(err)) {
            case 404:
                throw new Error(
                    `bucket "${bucket}" does not exist: create it in ${region}, or correct bucket, ${SKIP}`,
                );
            case 403:
                throw new Error(
                    `bucket "${bucket}" exists but ${whose(target)} may not access it: allow s3:ListBucket and s3:GetBucketEncryption on ` +
                        `arn:aws:s3:::${bucket} (and s3:PutObject on its objects), ${SKIP}`,
                );
            case 301:
                throw wrongRegion(target, err.$response?.headers?.["x-amz-bucket-region"]);
            default:
                throw otherFailure("HeadBucket", target, err);
        }
    }
    // A regional endpoint answers a bucket of another region with 301; an endpoint serving every region (the
    // global one, S3-compatible servers) answers 200 and names the bucket's region instead.
    if (answer.BucketRegion !== undefined && answer.BucketRegion !== target.region) {
        throw wrongRegion(target, answer.BucketRegion);
    }
}

async function bucketEncryption(
    s3: S3Client,
    target: BucketTarget,
): Promise<{ algorithm?: string; kmsKeyId?: string }> {
    try {
        const answer = await s3.send(new GetBucketEncryptionCommand({ Bucket: target.bucket }));
        const rule = answer.ServerSideEncryptionConfiguration?.Rules?.find(
            (r) => r.ApplyServerSideEncryptionByDefault !== undefined,
        );
        const byDefault = rule?.ApplyServerSideEncryptionByDefault;
        return { algorithm: byDefault?.SSEAlgorithm, kmsKeyId: byDefault?.KMSMasterKeyID };
    } catch (caught) {
        const err = caught as AwsError;
        if (err.name === "ServerSideEncryptionConfigurationNotFoundError") return {};
        if (statusOf(err) === 403) {
            throw new Error(
                `${whose(target)} may not read the encryption of bucket "${target.bucket}": allow s3:GetBucketEncryption on arn:aws:s3:::${target.bucket}, ${SKIP}`,
            );
        }
        throw otherFailure("GetBucketEncryption", target, err);
    }
}

/**
 * The compliance pre-flight: the bucket exists and is reachable with the credentials in use, and its default
 * encryption is what the target declares. Throws an error that says what to fix; never includes the secret key.
 */
export async function verifyBucketCompliance(s3: S3Client, target: BucketTarget): Promise<void> {
    await headBucket(s3, target);
    const mismatch = encryptionMismatch(target, await bucketEncryption(s3, target));
    if (mismatch) throw new Error(`${mismatch}; ${SKIP}`);
}
