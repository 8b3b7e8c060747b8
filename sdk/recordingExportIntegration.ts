import type * as pulumi from "@pulumi/pulumi";
import { DynamicResource, resourceProps } from "./dynamicResource";
import type { ServerSideEncryption } from "./storageTarget";

/**
 * Genesys Cloud's production AWS account (commercial regions), which assumes the export role. The FedRAMP region
 * (us-east-2) uses another account, given by Genesys on request.
 */
export const GENESYS_AWS_ACCOUNT_ID = "765628985471";

/**
 * The trust policy of the IAM role Genesys Cloud assumes: its account as the principal, and the org id as the
 * external id, as Genesys recommends, so no other Genesys Cloud org can use the role.
 */
export function genesysTrustPolicy(organizationId: string, accountId: string = GENESYS_AWS_ACCOUNT_ID): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${accountId}:root` },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": organizationId } },
            },
        ],
    });
}

export interface RecordingExportIntegrationArgs {
    /** Platform name of the integration and its credential; defaults to the resource name plus a random suffix. */
    name?: pulumi.Input<string>;
    /** The configuration's notes. */
    notes?: pulumi.Input<string>;
    /** Whether the integration is enabled (its `intendedState`); defaults to true. */
    enabled?: pulumi.Input<boolean>;
    /** The S3 bucket recordings are exported to (S3 naming rules). */
    bucket: pulumi.Input<string>;
    /** The IAM role Genesys Cloud assumes to write to the bucket; its trust policy: see `genesysTrustPolicy`. */
    roleArn: pulumi.Input<string>;
    /** The bucket's region, for the pre-flight. */
    region: pulumi.Input<string>;
    /** The bucket's default encryption, checked by the pre-flight. */
    serverSideEncryption: pulumi.Input<ServerSideEncryption>;
    /** The bucket's default KMS key; required with "aws:kms", refused with "AES256". */
    kmsKeyId?: pulumi.Input<string>;
    /**
     * Check before each write, through the AWS SDK with the AWS credentials where Pulumi runs, that the bucket exists
     * and that its default encryption matches (defaults to true).
     */
    verifyBucket?: pulumi.Input<boolean>;
}

const OUTPUTS = [
    "name",
    "notes",
    "enabled",
    "bucket",
    "roleArn",
    "region",
    "serverSideEncryption",
    "kmsKeyId",
    "verifyBucket",
    "integrationId",
    "credentialId",
    "version",
    "reportedState",
    "organizationId",
] as const;

/**
 * Manages REAL Genesys Cloud objects: an integration of type `aws-s3-recording-bulk-actions-integration`, which
 * exports copies of recordings to your S3 bucket (from a media retention policy or a recording bulk job), and the
 * credential holding the IAM role it assumes (`/api/v2/integrations`, `/api/v2/integrations/credentials`). Where the
 * type keeps the bucket and the role is read from the type itself. The OAuth client's role needs
 * `integrations:integration:add`, `:view`, `:edit` and `:delete`. The platform never returns the role's ARN, so a
 * change of it made outside Pulumi cannot be seen.
 */
export class RecordingExportIntegration extends DynamicResource {
    declare readonly name: pulumi.Output<string>;
    declare readonly notes: pulumi.Output<string | undefined>;
    declare readonly enabled: pulumi.Output<boolean>;
    declare readonly bucket: pulumi.Output<string>;
    declare readonly roleArn: pulumi.Output<string>;
    declare readonly region: pulumi.Output<string>;
    declare readonly serverSideEncryption: pulumi.Output<ServerSideEncryption>;
    declare readonly kmsKeyId: pulumi.Output<string | undefined>;
    declare readonly verifyBucket: pulumi.Output<boolean>;
    /** The platform's id of the integration (also the resource's `id`): a media retention policy's export target. */
    declare readonly integrationId: pulumi.Output<string>;
    /** The platform's id of the role credential. */
    declare readonly credentialId: pulumi.Output<string>;
    /** The version of the integration's configuration, +1 on each write. */
    declare readonly version: pulumi.Output<number>;
    /** What the platform reports the integration doing: ACTIVE, ACTIVATING, INACTIVE, DEACTIVATING or ERROR. */
    declare readonly reportedState: pulumi.Output<string>;
    /** The Genesys Cloud org id: the external id Genesys Cloud presents when it assumes the role. */
    declare readonly organizationId: pulumi.Output<string>;

    constructor(name: string, args: RecordingExportIntegrationArgs, opts?: pulumi.CustomResourceOptions) {
        super("RecordingExportIntegration", name, resourceProps(name, args, OUTPUTS), opts);
    }
}
