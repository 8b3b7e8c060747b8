import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as genesys from "genesys-pulumi";
import type { StackSettings } from "./settings";

const CONVERSATION_END = "v2.detail.events.conversation.{id}.customer.end";

/**
 * Conversation events on the real platform: the EventBridge integration, its partner bus (created after it, named
 * after the partner event source it makes), a rule and a target, and an archive, which is where replay and
 * retention live.
 */
export function partnerEvents(settings: StackSettings) {
    const integration = new genesys.EventBridgeIntegration("contact-center-events", {
        awsAccountId: settings.awsAccountId,
        awsAccountRegion: settings.awsRegion,
        eventSourceSuffix: `contact-center-${settings.environment}`,
        topics: [CONVERSATION_END],
    });
    const source = integration.eventSourceName;
    const bus = new aws.cloudwatch.EventBus("genesys-partner", { name: source, eventSourceName: source });
    const rule = new aws.cloudwatch.EventRule("conversation-ends", {
        eventBusName: bus.name,
        eventPattern: JSON.stringify({ "detail-type": [CONVERSATION_END] }),
    });
    const logs = new aws.cloudwatch.LogGroup("conversation-ends", { retentionInDays: settings.eventRetentionDays });
    new aws.cloudwatch.EventTarget("conversation-ends-to-logs", {
        rule: rule.name,
        eventBusName: bus.name,
        arn: logs.arn,
    });
    const archive = new aws.cloudwatch.EventArchive("genesys-partner-archive", {
        eventSourceArn: bus.arn,
        retentionDays: settings.eventRetentionDays,
    });
    return { integration, bus, archive };
}

/**
 * Recording exports to a bucket of ours (staging and prod): the bucket with public access blocked, its default encryption (SSE-KMS under its
 * own rotated key in prod, AES256 elsewhere), the IAM role Genesys Cloud assumes (its account as principal, our org
 * id as external id), and the export integration, created after the encryption so the pre-flight sees it.
 */
export function recordingExport(settings: StackSettings, organizationId: pulumi.Input<string>) {
    if (!settings.recordingExport) return undefined;
    const prod = settings.environment === "prod";
    const bucket = new aws.s3.BucketV2("recording-exports", { forceDestroy: !prod });
    new aws.s3.BucketPublicAccessBlock("recording-exports-public-access", {
        bucket: bucket.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    });
    const key = prod
        ? new aws.kms.Key("recording-exports-key", { enableKeyRotation: true, deletionWindowInDays: 30 })
        : undefined;
    const encryption = new aws.s3.BucketServerSideEncryptionConfiguration("recording-exports-encryption", {
        bucket: bucket.bucket,
        rules: [
            {
                applyServerSideEncryptionByDefault: key
                    ? { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }
                    : { sseAlgorithm: "AES256" },
                bucketKeyEnabled: key !== undefined,
            },
        ],
    });
    const role = new aws.iam.Role("genesys-recording-export", {
        assumeRolePolicy: pulumi
            .output(organizationId)
            .apply((org) => genesys.genesysTrustPolicy(org, settings.genesysAwsAccountId)),
    });
    new aws.iam.RolePolicy("genesys-recording-export", {
        role: role.id,
        policy: pulumi.all([bucket.arn, key?.arn]).apply(([bucketArn, keyArn]) =>
            JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    { Effect: "Allow", Action: ["s3:PutObject"], Resource: `${bucketArn}/*` },
                    { Effect: "Allow", Action: ["s3:GetBucketLocation", "s3:ListBucket"], Resource: bucketArn },
                    ...(keyArn
                        ? [{ Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Encrypt"], Resource: keyArn }]
                        : []),
                ],
            }),
        ),
    });
    const integration = new genesys.RecordingExportIntegration(
        "recording-exports",
        {
            bucket: bucket.bucket,
            roleArn: role.arn,
            region: bucket.region,
            serverSideEncryption: key ? "aws:kms" : "AES256",
            kmsKeyId: key?.arn,
            verifyBucket: settings.verifyBucket,
        },
        { dependsOn: [encryption] },
    );
    return { bucket, key, encryption, role, integration };
}
