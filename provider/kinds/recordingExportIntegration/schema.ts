import { z } from "zod";
import type { CrossFieldRule } from "../../validation/checkInputs";
import { awsRegion, iamRoleArn } from "../../validation/awsFields";
import { flag, oneOf, text } from "../../validation/fieldRules";
import { ENCRYPTIONS, encryptionKeyRule, kmsKeyId, s3BucketName } from "../storageTarget/schema";

export const recordingExportIntegrationInputs = z.object({
    name: text(200),
    /** The configuration's notes. */
    notes: text(1000).optional(),
    enabled: flag,
    bucket: s3BucketName,
    /** The IAM role Genesys Cloud assumes to write to the bucket, stored as the integration's credential. */
    roleArn: iamRoleArn,
    /** The bucket's region, its default encryption and key: what the pre-flight checks (the platform holds none). */
    region: awsRegion,
    serverSideEncryption: oneOf(ENCRYPTIONS),
    kmsKeyId: kmsKeyId.optional(),
    verifyBucket: flag,
});

export type RecordingExportIntegrationInputs = z.infer<typeof recordingExportIntegrationInputs>;

export const recordingExportIntegrationDefaults: Partial<RecordingExportIntegrationInputs> = {
    enabled: true,
    verifyBucket: true,
};

export const recordingExportIntegrationRules: CrossFieldRule<RecordingExportIntegrationInputs>[] = [encryptionKeyRule];

/** Inputs that describe the bucket for the pre-flight only: a change to them alone writes nothing to the platform. */
export const PREFLIGHT_ONLY = ["region", "serverSideEncryption", "kmsKeyId", "verifyBucket"] as const;
