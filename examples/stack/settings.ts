import * as pulumi from "@pulumi/pulumi";

/** What differs between the dev, staging and prod stacks: everything else is the same program. */
export interface StackSettings {
    environment: string;
    retentionDays: number;
    /** Recordings move to cloud archive after this many days (at most retentionDays). */
    archiveAfterDays: number;
    /** Whether retention covers chat, email and messages as well as calls. */
    retainAllChannels: boolean;
    /** The Architect workflow the post-call survey trigger starts. */
    surveyWorkflowId: string;
    recordingQuality: "standard" | "high";
    /** Customer-managed KMS key for recordings (prod); AES256 elsewhere. */
    useKms: boolean;
    failoverRegions: string[];
    /** The AWS account Genesys Cloud assumes roles from, and the org id it presents as external id. */
    genesysAwsAccountId: string;
    genesysOrgId: string;
    eventRetentionDays: number;
    /** The AWS account and region that receive Genesys Cloud's partner events. */
    awsAccountId: string;
    awsRegion: string;
    /** Whether recordings are exported to a bucket of ours (staging and prod). */
    recordingExport: boolean;
    /** When set, the event stream replays from here (ISO 8601 with a zone); checked only when it changes. */
    replayStartDate?: string;
    /** Whether the storage target's S3 pre-flight runs (it needs AWS credentials that can read the bucket). */
    verifyBucket: boolean;
    dataLakeWebhookUrl: string;
    dnsSyncWebhookUrl: string;
    /** Signing secret for both webhooks; set with `pulumi config set --secret webhookSecret`. */
    webhookSecret?: pulumi.Output<string>;
}

export function stackSettings(): StackSettings {
    const config = new pulumi.Config();
    return {
        environment: pulumi.getStack(),
        retentionDays: config.getNumber("retentionDays") ?? 30,
        archiveAfterDays: config.getNumber("archiveAfterDays") ?? 7,
        retainAllChannels: config.getBoolean("retainAllChannels") ?? false,
        surveyWorkflowId: config.get("surveyWorkflowId") ?? "post-call-survey-workflow",
        recordingQuality: (config.get("recordingQuality") ?? "standard") as StackSettings["recordingQuality"],
        useKms: config.getBoolean("useKms") ?? false,
        failoverRegions: config.getObject<string[]>("failoverRegions") ?? ["us-east-1", "us-west-2"],
        // Genesys Cloud's own AWS account for customer integrations; override per org if Genesys says otherwise.
        genesysAwsAccountId: config.get("genesysAwsAccountId") ?? "765628985471",
        genesysOrgId: config.get("genesysOrgId") ?? "00000000-0000-0000-0000-000000000000",
        eventRetentionDays: config.getNumber("eventRetentionDays") ?? 7,
        awsAccountId: config.get("awsAccountId") ?? "123456789012",
        awsRegion: new pulumi.Config("aws").get("region") ?? "us-east-1",
        recordingExport: config.getBoolean("recordingExport") ?? false,
        replayStartDate: config.get("replayStartDate"),
        verifyBucket: config.getBoolean("verifyBucket") ?? true,
        dataLakeWebhookUrl: config.get("dataLakeWebhookUrl") ?? "https://datalake.example.com/genesys/recordings",
        dnsSyncWebhookUrl: config.get("dnsSyncWebhookUrl") ?? "https://dns.example.com/genesys/failover",
        webhookSecret: config.getSecret("webhookSecret"),
    };
}
