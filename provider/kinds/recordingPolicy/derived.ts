import type { MediaType, Quality } from "./schema";

/** Per-media bandwidth (kbps) of each quality; screen sharing is encoded as video. */
export const BANDWIDTH_KBPS = {
    standard: { audio: 64, video: 1500 },
    high: { audio: 128, video: 4000 },
} as const satisfies Record<Quality, { audio: number; video: number }>;

/** The architecture gateway refuses policies whose estimate exceeds 5 Mbps. */
export const MAX_BANDWIDTH_KBPS = 5000;

export function mediaBandwidthKbps(mediaType: MediaType, quality: Quality): number {
    return mediaType === "audio" ? BANDWIDTH_KBPS[quality].audio : BANDWIDTH_KBPS[quality].video;
}

export function estimatedBandwidthKbps(mediaTypes: readonly MediaType[], quality: Quality): number {
    return mediaTypes.reduce((sum, mediaType) => sum + mediaBandwidthKbps(mediaType, quality), 0);
}

const VIDEO_CODEC: Record<Quality, string> = { standard: "VP8 720p", high: "VP9 1080p" };

/** The codec each recorded media type is captured with: audio is always OPUS 48 kHz. */
export function codecMatrix(mediaTypes: readonly MediaType[], quality: Quality): Partial<Record<MediaType, string>> {
    const matrix: Partial<Record<MediaType, string>> = {};
    for (const mediaType of mediaTypes)
        matrix[mediaType] = mediaType === "audio" ? "OPUS 48 kHz" : VIDEO_CODEC[quality];
    return matrix;
}
