const MAX_BUCKETS = 20;

export interface Histogram {
    bucketWidthMs: number;
    /** counts[i]: latencies in [i × width, (i + 1) × width). */
    counts: number[];
}

export function latencyHistogram(latencies: readonly number[]): Histogram {
    const max = Math.max(0, ...latencies);
    const bucketWidthMs = niceWidth(max);
    const counts = new Array<number>(Math.floor(max / bucketWidthMs) + 1).fill(0);
    for (const latency of latencies) counts[Math.floor(Math.max(latency, 0) / bucketWidthMs)] += 1;
    return { bucketWidthMs, counts };
}

/** The smallest width of 1, 2 or 5 times a power of ten that covers `max` in at most MAX_BUCKETS buckets. */
function niceWidth(max: number): number {
    for (let power = 1; ; power *= 10) {
        for (const step of [1, 2, 5]) if (Math.floor(max / (step * power)) + 1 <= MAX_BUCKETS) return step * power;
    }
}
