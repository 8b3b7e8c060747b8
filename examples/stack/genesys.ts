import type * as pulumi from "@pulumi/pulumi";
import * as genesys from "genesys-pulumi";
import type { StackSettings } from "./settings";

/**
 * What the Genesys side takes from the AWS side: the AWS resources' Outputs when one program declares both (so the
 * engine orders them), or plain names and ARNs when another stack owns the AWS side.
 */
export interface AwsLinks {
    bucket: pulumi.Input<string>;
    bucketRegion: pulumi.Input<string>;
    /** The bucket's default encryption: the storage target's pre-flight checks it, so it must be configured first. */
    bucketEncryption?: pulumi.Resource;
    /** The customer-managed key of the bucket's default encryption; AES256 without one. */
    kmsKeyArn?: pulumi.Input<string>;
    eventBusArn: pulumi.Input<string>;
    platformRoleArn: pulumi.Input<string>;
}

export function recording(settings: StackSettings, links: AwsLinks) {
    const storage = new genesys.StorageTarget(
        "recordings",
        {
            bucket: links.bucket,
            region: links.bucketRegion,
            serverSideEncryption: links.kmsKeyArn ? "aws:kms" : "AES256",
            kmsKeyId: links.kmsKeyArn,
            retentionDays: settings.retentionDays,
            roleArn: links.platformRoleArn,
            verifyBucket: settings.verifyBucket,
        },
        { dependsOn: links.bucketEncryption ? [links.bucketEncryption] : [] },
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
        eventBusArn: links.eventBusArn,
        roleArn: links.platformRoleArn,
        replay: settings.replayStartDate
            ? { startDate: settings.replayStartDate, sequenceIndexTrigger: "automatic" }
            : undefined,
    });
}

/** The queue routing data, one line per queue. Relative to the project directory (where Pulumi.yaml is), which is where `pulumi up` runs the program. */
export const QUEUES_FILE = "examples/stack/data/queues.csv";

/** The rule the queue data keeps, whichever store holds it. */
export const CRITICAL_QUEUES_ACTIVE: genesys.DataRule = {
    when: { field: "priority", equals: "critical" },
    require: { field: "status", equals: "active" },
    message: "a critical queue must be active",
};

/** Queue routing data: a schema with a "critical requires active" rule, and its records from a CSV file. */
export function queueData() {
    const schema = new genesys.DataSchema("queue-routing", {
        fields: [
            { name: "queueName", type: "string", required: true, minLength: 1, maxLength: 120 },
            { name: "priority", type: "string", required: true, pattern: "^(low|normal|high|critical)$" },
            { name: "status", type: "string", required: true, pattern: "^(active|paused|retired)$" },
            { name: "slaSeconds", type: "integer" },
        ],
        rules: [CRITICAL_QUEUES_ACTIVE],
    });
    const records = new genesys.DataRecordSet("queue-routing-records", { schema, file: QUEUES_FILE });
    return { schema, records };
}
