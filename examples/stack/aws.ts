import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { StackSettings } from "./settings";

/** The recordings bucket: encrypted by default, never public, objects expired with the retention. */
export function recordingsBucket(settings: StackSettings) {
    const bucket = new aws.s3.Bucket("recordings", { forceDestroy: settings.environment !== "prod" });
    const kmsKey = settings.useKms
        ? new aws.kms.Key("recordings-key", {
              description: "Genesys Cloud recordings",
              enableKeyRotation: true,
              deletionWindowInDays: 30,
          })
        : undefined;
    const encryption = new aws.s3.BucketServerSideEncryptionConfiguration("recordings-encryption", {
        bucket: bucket.id,
        rules: [
            {
                applyServerSideEncryptionByDefault: kmsKey
                    ? { sseAlgorithm: "aws:kms", kmsMasterKeyId: kmsKey.arn }
                    : { sseAlgorithm: "AES256" },
                bucketKeyEnabled: kmsKey !== undefined,
            },
        ],
    });
    new aws.s3.BucketPublicAccessBlock("recordings-public-access", {
        bucket: bucket.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    });
    new aws.s3.BucketLifecycleConfiguration("recordings-lifecycle", {
        bucket: bucket.id,
        rules: [
            {
                id: "expire-recordings",
                status: "Enabled",
                filter: { prefix: "recordings/" },
                expiration: { days: settings.retentionDays },
            },
        ],
    });
    return { bucket, kmsKey, encryption };
}

/** The EventBridge bus Genesys Cloud streams to, with a rule that lands every event in a log group. */
export function eventBus(settings: StackSettings) {
    const bus = new aws.cloudwatch.EventBus("genesys-events", {});
    const logGroup = new aws.cloudwatch.LogGroup("genesys-events", { retentionInDays: settings.eventRetentionDays });
    const rule = new aws.cloudwatch.EventRule("genesys-events-all", {
        eventBusName: bus.name,
        eventPattern: JSON.stringify({ source: [{ prefix: "genesys" }] }),
    });
    new aws.cloudwatch.EventTarget("genesys-events-to-logs", {
        eventBusName: bus.name,
        rule: rule.name,
        arn: logGroup.arn,
    });
    return { bus, rule, logGroup };
}

/** The role Genesys Cloud assumes: write recordings to that bucket (and key), put events on that bus, nothing else. */
export function platformRole(
    settings: StackSettings,
    recordings: ReturnType<typeof recordingsBucket>,
    events: ReturnType<typeof eventBus>,
) {
    const role = new aws.iam.Role("genesys-platform", {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { AWS: `arn:aws:iam::${settings.genesysAwsAccountId}:root` },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "sts:ExternalId": settings.genesysOrgId } },
                },
            ],
        }),
    });
    const statements = pulumi
        .all([recordings.bucket.arn, events.bus.arn, recordings.kmsKey?.arn])
        .apply(([bucketArn, busArn, keyArn]) => {
            const list: Record<string, unknown>[] = [
                {
                    Effect: "Allow",
                    Action: ["s3:GetBucketLocation", "s3:GetEncryptionConfiguration"],
                    Resource: bucketArn,
                },
                {
                    Effect: "Allow",
                    Action: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
                    Resource: `${bucketArn}/recordings/*`,
                },
                { Effect: "Allow", Action: "events:PutEvents", Resource: busArn },
            ];
            if (keyArn)
                list.push({ Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: keyArn });
            return JSON.stringify({ Version: "2012-10-17", Statement: list });
        });
    new aws.iam.RolePolicy("genesys-platform", { role: role.id, policy: statements });
    return role;
}
