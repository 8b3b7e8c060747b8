import { randomBytes, randomUUID } from "node:crypto";
import type { S3Double } from "../../test/s3Double";
import { defaultSimulate, type SimulateFn } from "../../harness/simulatedResources";

const REGION = "us-east-1";
const ACCOUNT = "123456789012";

/**
 * Stand-ins for the example's AWS resources, with the attributes the real ones have (an event bus ARN in
 * `arn:aws:events:…:event-bus/…` form, a bucket's region, a KMS key ARN). Buckets and their default encryption
 * are registered in the S3 double, so the storage target's pre-flight checks what the program declared.
 */
export function simulatedAws(s3: S3Double): SimulateFn {
    return (type, name, inputs) => {
        const suffix = randomBytes(4).toString("hex");
        switch (type) {
            case "aws:s3/bucket:Bucket":
            case "aws:s3/bucketV2:BucketV2": {
                const bucket = `${name}-${suffix}`;
                s3.buckets.set(bucket, { region: REGION, encryption: "none" });
                return { id: bucket, outputs: { ...inputs, bucket, region: REGION, arn: `arn:aws:s3:::${bucket}` } };
            }
            case "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": {
                const bucket = String(inputs.bucket);
                const rule = (
                    inputs.rules as {
                        applyServerSideEncryptionByDefault: {
                            sseAlgorithm: "AES256" | "aws:kms";
                            kmsMasterKeyId?: string;
                        };
                    }[]
                )[0];
                const { sseAlgorithm, kmsMasterKeyId } = rule.applyServerSideEncryptionByDefault;
                s3.buckets.set(bucket, {
                    region: REGION,
                    encryption: { algorithm: sseAlgorithm, kmsKeyId: kmsMasterKeyId },
                });
                return { id: bucket, outputs: { ...inputs } };
            }
            case "aws:kms/key:Key": {
                const keyId = randomUUID();
                return {
                    id: keyId,
                    outputs: { ...inputs, keyId, arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}` },
                };
            }
            case "aws:cloudwatch/eventBus:EventBus": {
                // A partner bus carries the partner event source's name.
                const busName = typeof inputs.name === "string" ? inputs.name : `${name}-${suffix}`;
                return {
                    id: busName,
                    outputs: {
                        ...inputs,
                        name: busName,
                        arn: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/${busName}`,
                    },
                };
            }
            case "aws:cloudwatch/eventRule:EventRule":
            case "aws:cloudwatch/logGroup:LogGroup": {
                const simulated = defaultSimulate(type, name, inputs);
                return { id: simulated.id, outputs: { ...simulated.outputs, name: simulated.id } };
            }
            default:
                return defaultSimulate(type, name, inputs);
        }
    };
}
