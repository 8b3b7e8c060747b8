import * as genesys from "genesys-pulumi";
import type * as aws from "@pulumi/aws";
import type { StackSettings } from "./settings";

/** The links the Genesys side takes from the AWS side: typed Outputs, never pasted strings. */
export interface AwsLinks {
    bucket: aws.s3.Bucket;
    encryption: aws.s3.BucketServerSideEncryptionConfiguration;
    kmsKey?: aws.kms.Key;
    eventBus: aws.cloudwatch.EventBus;
    platformRole: aws.iam.Role;
}

export function recording(settings: StackSettings, links: AwsLinks) {
    const storage = new genesys.StorageTarget(
        "recordings",
        {
            bucket: links.bucket.id,
            region: links.bucket.region,
            serverSideEncryption: links.kmsKey ? "aws:kms" : "AES256",
            kmsKeyId: links.kmsKey?.arn,
            retentionDays: settings.retentionDays,
            roleArn: links.platformRole.arn,
            verifyBucket: settings.verifyBucket,
        },
        // The pre-flight checks the bucket's default encryption, so it must run after that is configured.
        { dependsOn: [links.encryption] },
    );
    const voice = new genesys.RecordingPolicy("voice", {
        description: "Voice interactions, kept for quality review",
        mediaTypes: ["audio"],
        quality: settings.recordingQuality,
        retentionDays: settings.retentionDays,
        storageTarget: storage,
    });
    const video = new genesys.RecordingPolicy("video", {
        description: "Video and screen-share sessions",
        mediaTypes: ["audio", "video"],
        quality: settings.recordingQuality,
        retentionDays: settings.retentionDays,
        maxDurationHours: 4,
        storageTarget: storage,
    });
    return { storage, voice, video };
}

export function failover(settings: StackSettings) {
    return new genesys.FailoverStrategy("routing-failover", {
        description: `Fail over routing across ${settings.failoverRegions.join(", ")}`,
        regions: settings.failoverRegions.map((regionId, index) => ({
            regionId,
            priority: index + 1,
            weight: index === 0 ? 100 : 0,
            failoverTrigger: "health_degraded",
        })),
    });
}

/** Two integrations: recordings landing in the data lake, and DNS kept in sync on failover. */
export function webhooks(settings: StackSettings) {
    const dataLake = new genesys.Webhook("data-lake", {
        targetUrl: settings.dataLakeWebhookUrl,
        events: ["recording.storage.updated", "recording.policy.updated"],
        secret: settings.webhookSecret,
    });
    const dnsSync = new genesys.Webhook("dns-sync", {
        targetUrl: settings.dnsSyncWebhookUrl,
        events: ["routing:strategy:updated", "architecture:region:health"],
        secret: settings.webhookSecret,
        headers: { "X-Source": `genesys-${settings.environment}` },
    });
    return { dataLake, dnsSync };
}

export function eventStream(settings: StackSettings, links: AwsLinks) {
    return new genesys.EventStream("contact-center-events", {
        description: "Conversation and routing events to EventBridge",
        topics: ["genesys.conversations.call", "genesys.routing.queue", "genesys.recording.created"],
        retentionDays: settings.eventRetentionDays,
        eventBusArn: links.eventBus.arn,
        roleArn: links.platformRole.arn,
        replay: settings.replayStartDate
            ? { startDate: settings.replayStartDate, sequenceIndexTrigger: "automatic" }
            : undefined,
    });
}

/** Queue routing data: a schema with a "critical requires active" rule, and its records from a CSV file. */
export function queueData() {
    const schema = new genesys.DataSchema("queue-routing", {
        fields: [
            { name: "queueName", type: "string", required: true, minLength: 1, maxLength: 120 },
            { name: "priority", type: "string", required: true, pattern: "^(low|normal|high|critical)$" },
            { name: "status", type: "string", required: true, pattern: "^(active|paused|retired)$" },
            { name: "slaSeconds", type: "integer" },
        ],
        rules: [
            {
                when: { field: "priority", equals: "critical" },
                require: { field: "status", equals: "active" },
                message: "a critical queue must be active",
            },
        ],
    });
    // Relative to the project directory (where Pulumi.yaml is), which is where `pulumi up` runs the program.
    const records = new genesys.DataRecordSet("queue-routing-records", {
        schema,
        file: "examples/stack/data/queues.csv",
    });
    return { schema, records };
}
