import * as pulumi from "@pulumi/pulumi";
import { DynamicResource, resourceProps } from "./dynamicResource";

import type { Encryption } from "../provider/kinds/storageTarget/schema";

export type ServerSideEncryption = Encryption;

export interface StorageTargetArgs {
    /** Platform name; defaults to the resource name plus a random suffix, so replacements never collide. */
    name?: pulumi.Input<string>;
    /** The S3 bucket recordings are written to (S3 naming rules). Changing it replaces the target. */
    bucket: pulumi.Input<string>;
    /** The bucket's AWS region, e.g. "eu-west-1". Changing it replaces the target. */
    region: pulumi.Input<string>;
    /** Must match the bucket's default encryption (checked before registering unless `verifyBucket` is false). */
    serverSideEncryption: pulumi.Input<ServerSideEncryption>;
    /** The bucket's default KMS key (id, ARN, alias or alias ARN); required with "aws:kms", refused with "AES256". */
    kmsKeyId?: pulumi.Input<string>;
    /** Key prefix for recordings, without leading or trailing "/"; defaults to "recordings/voice". */
    pathPrefix?: pulumi.Input<string>;
    /** 1 to 3650; a paired RecordingPolicy may not keep recordings longer. */
    retentionDays: pulumi.Input<number>;
    /** Defaults to true. */
    enabled?: pulumi.Input<boolean>;
    /** IAM role Genesys Cloud assumes to write to the bucket (preferred). Give this or the access keys. */
    roleArn?: pulumi.Input<string>;
    /** Long-term access key id (AKIA…), with `secretAccessKey`. */
    accessKeyId?: pulumi.Input<string>;
    /** Kept secret in the state, never returned by the platform, never logged. */
    secretAccessKey?: pulumi.Input<string>;
    /**
     * Check before registering, through the AWS SDK, that the bucket exists and is reachable and that its default
     * encryption matches (defaults to true). Uses the access keys when given, else the AWS credentials where Pulumi runs.
     */
    verifyBucket?: pulumi.Input<boolean>;
}

const OUTPUTS = [
    "name",
    "bucket",
    "region",
    "serverSideEncryption",
    "kmsKeyId",
    "pathPrefix",
    "retentionDays",
    "enabled",
    "roleArn",
    "accessKeyId",
    "secretAccessKey",
    "verifyBucket",
    "storageTargetId",
    "version",
] as const;

/** A Genesys Cloud recording storage target: an S3 bucket recordings are archived to (`/api/v2/recording/storage/targets`). */
export class StorageTarget extends DynamicResource {
    declare readonly name: pulumi.Output<string>;
    declare readonly bucket: pulumi.Output<string>;
    declare readonly region: pulumi.Output<string>;
    declare readonly serverSideEncryption: pulumi.Output<ServerSideEncryption>;
    declare readonly kmsKeyId: pulumi.Output<string | undefined>;
    declare readonly pathPrefix: pulumi.Output<string>;
    declare readonly retentionDays: pulumi.Output<number>;
    declare readonly enabled: pulumi.Output<boolean>;
    declare readonly roleArn: pulumi.Output<string | undefined>;
    declare readonly accessKeyId: pulumi.Output<string | undefined>;
    declare readonly secretAccessKey: pulumi.Output<string | undefined>;
    declare readonly verifyBucket: pulumi.Output<boolean>;
    /** The platform id, chosen by the provider (also the resource's `id`). */
    declare readonly storageTargetId: pulumi.Output<string>;
    /** The platform version, +1 on each write. */
    declare readonly version: pulumi.Output<number>;

    constructor(name: string, args: StorageTargetArgs, opts?: pulumi.CustomResourceOptions) {
        const secretArgs = {
            ...args,
            secretAccessKey: args.secretAccessKey === undefined ? undefined : pulumi.secret(args.secretAccessKey),
        };
        super("StorageTarget", name, resourceProps(name, secretArgs, OUTPUTS), {
            ...opts,
            additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), "secretAccessKey"],
        });
    }
}
