import type * as pulumi from "@pulumi/pulumi";
import * as genesys from "genesys-pulumi";
import type { StackSettings } from "./settings";

/** The channels retention covers: every one where the stack says so (prod), calls elsewhere. */
function channels(settings: StackSettings): (keyof genesys.MediaPolicies)[] {
    return settings.retainAllChannels ? ["callPolicy", "chatPolicy", "emailPolicy", "messagePolicy"] : ["callPolicy"];
}

/**
 * The org's real Genesys Cloud retention and automation: a media retention policy that archives recordings after
 * the stack's `archiveAfterDays` and deletes them after its `retentionDays` (the bucket's lifecycle uses the same
 * figure), exporting them to `exportIntegration` when one is given, and a process automation trigger that starts the post-call survey workflow when a customer hangs up.
 */
export function retention(settings: StackSettings, exportIntegration?: pulumi.Input<string>) {
    const actions = {
        retainRecording: true,
        retentionDuration: {
            archiveRetention: { days: settings.archiveAfterDays, storageMedium: "CLOUDARCHIVE" as const },
            deleteRetention: { days: settings.retentionDays },
        },
        // Where the stack exports recordings (staging and prod), each retained recording is also exported there.
        ...(exportIntegration === undefined
            ? {}
            : { integrationExport: { integration: { id: exportIntegration }, shouldExportScreenRecordings: false } }),
    };
    const mediaPolicies: genesys.MediaPolicies = Object.fromEntries(
        channels(settings).map((key) => [key, { actions }]),
    );
    const policy = new genesys.MediaRetentionPolicy("recording-retention", {
        description: `Archive after ${settings.archiveAfterDays} days, delete after ${settings.retentionDays} (${settings.environment})`,
        mediaPolicies,
    });
    const survey = new genesys.ProcessAutomationTrigger("post-call-survey", {
        topicName: "v2.detail.events.conversation.{id}.customer.end",
        target: { id: settings.surveyWorkflowId, workflowTargetSettings: { dataFormat: "TopLevelPrimitives" } },
        matchCriteria: [{ jsonPath: "$.mediaType", operator: "In", values: ["VOICE"] }],
        // A survey sent an hour after the call is no use: older events no longer start the workflow.
        eventTTLSeconds: 3600,
    });
    // Planning figures for the recorded media: no platform object holds them.
    const media = genesys.recordedMediaTypes(mediaPolicies);
    return { policy, survey, estimatedBandwidthKbps: genesys.estimatedBandwidthKbps(media, settings.recordingQuality) };
}
