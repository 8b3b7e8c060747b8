import type { MediaType } from "../provider/kinds/recordingPolicy/schema";
import type { MediaPoliciesInput } from "../provider/kinds/mediaRetentionPolicy/schema";

// Pure functions of the recording policy kind, for planning: no platform object holds a codec or a bandwidth.
export {
    codecMatrix,
    estimatedBandwidthKbps,
    MAX_BANDWIDTH_KBPS,
} from "../provider/kinds/recordingPolicy/derived";

/**
 * The media a retention policy's recordings hold, for `codecMatrix` and `estimatedBandwidthKbps`: audio for calls,
 * screen where a channel records the agent's screen. Chat, email and message transcripts are no media stream.
 *
 * @example
 * const media = genesys.recordedMediaTypes(policyArgs.mediaPolicies);
 * export const bandwidthKbps = genesys.estimatedBandwidthKbps(media, "standard");
 */
export function recordedMediaTypes(mediaPolicies: MediaPoliciesInput): MediaType[] {
    const media: MediaType[] = [];
    if (mediaPolicies.callPolicy !== undefined) media.push("audio");
    const screens = Object.values(mediaPolicies).some(
        (policy) => policy?.actions?.initiateScreenRecording !== undefined,
    );
    if (screens) media.push("screen");
    return media;
}
