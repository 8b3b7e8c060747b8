import { crudRoutes } from "../crudRoutes";
import { PLAIN_ID } from "../router";
import type { KindModule } from "../kind";
import { BodyChecker, httpsUrlProblem, type Validation } from "../validation";

export const MEDIA_TYPES = ["audio", "video", "screen"] as const;
export const RECORDING_QUALITIES = ["standard", "high"] as const;
type MediaType = (typeof MEDIA_TYPES)[number];
type RecordingQuality = (typeof RECORDING_QUALITIES)[number];

/** Per-stream kbps of each codec; screen capture is encoded like video. */
export const BANDWIDTH_KBPS: Record<RecordingQuality, Record<MediaType, number>> = {
    standard: { audio: 64, video: 1500, screen: 1500 },
    high: { audio: 128, video: 4000, screen: 4000 },
};

/** The architecture gateway's limit on a policy's estimated bandwidth (5 Mbps). */
export const MAX_BANDWIDTH_KBPS = 5000;

export function estimatedBandwidthKbps(quality: RecordingQuality, mediaTypes: readonly MediaType[]): number {
    return mediaTypes.reduce((sum, media) => sum + BANDWIDTH_KBPS[quality][media], 0);
}

export function validateRecordingPolicy(body: unknown): Validation {
    const check = new BodyChecker(body);
    check.string("name", { maxLength: 200 });
    check.string("description", { required: false });
    check.boolean("enabled");
    const mediaTypes = check.stringArray("mediaTypes", {
        nonEmpty: true,
        unique: true,
        itemProblem: (item) =>
            (MEDIA_TYPES as readonly string[]).includes(item)
                ? undefined
                : `must be one of ${MEDIA_TYPES.join(", ")} (got ${JSON.stringify(item)})`,
    }) as MediaType[] | undefined;
    const quality = check.oneOf("recordingQuality", RECORDING_QUALITIES);
    const storageTargetId = check.string("storageTargetId", { required: false });
    if (storageTargetId !== undefined && !PLAIN_ID.test(storageTargetId)) {
        delete check.value.storageTargetId;
        check.fail(
            "storageTargetId",
            "invalid.value",
            "storageTargetId must be a plain id (letters, digits, '-' or '_')",
        );
    }
    check.integer("retentionDays", { min: 1, max: 365 });
    check.integer("maxDurationHours", { min: 1, max: 24, required: false });
    check.stringArray("webhookUrls", { itemProblem: httpsUrlProblem });
    if (mediaTypes && quality) {
        const kbps = estimatedBandwidthKbps(quality, mediaTypes);
        if (kbps > MAX_BANDWIDTH_KBPS) {
            check.fail(
                "mediaTypes",
                "bandwidth.exceeded",
                `mediaTypes ${mediaTypes.join("+")} at ${quality} quality need an estimated ${kbps} kbps, over the ${MAX_BANDWIDTH_KBPS} kbps limit; drop a video/screen stream or use standard quality`,
            );
        }
    }
    return check.result();
}

export const recordingPolicies: KindModule = {
    name: "recordingPolicies",
    label: "Recording policy",
    basePath: "/api/v2/recording/policies",
    writeOnlyFields: [],
    validate: validateRecordingPolicy,
    // `?name=` lets a provider find the object of a create whose response was lost.
    routes: (context) =>
        crudRoutes(recordingPolicies, context, {
            readScope: "recording:read",
            writeScope: "recording:write",
            filterableFields: ["name"],
        }),
};
