import { z } from "zod";
import type { CrossFieldRule } from "../../validation/checkInputs";
import { flag, httpsUrl, oneOf, platformId, text, uniqueList, wholeNumber } from "../../validation/fieldRules";
import { estimatedBandwidthKbps, MAX_BANDWIDTH_KBPS, mediaBandwidthKbps } from "./derived";

export const MEDIA_TYPES = ["audio", "video", "screen"] as const;
export const QUALITIES = ["standard", "high"] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];
export type Quality = (typeof QUALITIES)[number];

export const recordingPolicyInputs = z.object({
    name: text(200),
    description: text(1000).optional(),
    enabled: flag,
    mediaTypes: uniqueList(oneOf(MEDIA_TYPES), { min: 1, max: MEDIA_TYPES.length, noun: "media type" }),
    quality: oneOf(QUALITIES),
    retentionDays: wholeNumber(1, 365, "days"),
    maxDurationHours: wholeNumber(1, 24, "hours"),
    storageTargetId: platformId.optional(),
    /** Passed by the SDK from a paired StorageTarget, so a too-long retention fails at preview. */
    storageTargetRetentionDays: wholeNumber(1, 3650, "days").optional(),
    webhookUrls: uniqueList(httpsUrl, { max: 10, noun: "URL" }),
});

export type RecordingPolicyInputs = z.infer<typeof recordingPolicyInputs>;

export const recordingPolicyDefaults: Partial<RecordingPolicyInputs> = {
    enabled: true,
    maxDurationHours: 24,
    webhookUrls: [],
};

export const recordingPolicyRules: CrossFieldRule<RecordingPolicyInputs>[] = [
    {
        reads: ["mediaTypes", "quality"],
        check({ mediaTypes, quality }) {
            const total = estimatedBandwidthKbps(mediaTypes, quality);
            if (total <= MAX_BANDWIDTH_KBPS) return [];
            const parts = mediaTypes.map((m) => `${m} ${mediaBandwidthKbps(m, quality)}`).join(" + ");
            return [
                {
                    property: "mediaTypes",
                    reason:
                        `mediaTypes need an estimated ${total} kbps at ${quality} quality (${parts}), over the ` +
                        `${MAX_BANDWIDTH_KBPS} kbps gateway limit: use quality "standard" or record fewer video/screen streams`,
                },
            ];
        },
    },
    {
        reads: ["retentionDays", "storageTargetRetentionDays"],
        check({ retentionDays, storageTargetRetentionDays }) {
            if (storageTargetRetentionDays === undefined || retentionDays <= storageTargetRetentionDays) return [];
            return [
                {
                    property: "retentionDays",
                    reason:
                        `retentionDays ${retentionDays} exceeds the storage target's retention of ${storageTargetRetentionDays} days: ` +
                        `recordings would be deleted from the bucket before the policy expires them; lower retentionDays or raise the target's`,
                },
            ];
        },
    },
];
