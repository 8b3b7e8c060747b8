import * as pulumi from "@pulumi/pulumi";
import * as genesys from "genesys-pulumi";

/**
 * The contact-center stack: one program for every environment, each stack's differences in its
 * `Pulumi.<stack>.yaml`. Returns the stack outputs.
 */
export function contactCenter() {
    const config = new pulumi.Config();
    const retentionDays = config.getNumber("retentionDays") ?? 90;
    const quality = (config.get("recordingQuality") ?? "standard") as genesys.RecordingQuality;

    const voice = new genesys.RecordingPolicy("voice-recording", {
        description: "Inbound and outbound voice, kept for quality review",
        mediaTypes: ["audio"],
        quality,
        retentionDays,
    });

    return {
        voicePolicyId: voice.policyId,
        voicePolicyName: voice.name,
        voiceCodecMatrix: voice.codecMatrix,
        voiceBandwidthKbps: voice.estimatedBandwidthKbps,
    };
}
