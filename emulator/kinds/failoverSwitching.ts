import type { RegionHealth } from "./regions";

export const FAILOVER_TRIGGERS = ["health_degraded", "latency_exceeded"] as const;
export type FailoverTrigger = (typeof FAILOVER_TRIGGERS)[number];

export interface StrategyRegion {
    regionId: string;
    priority: number;
    weight: number;
    failoverTrigger: FailoverTrigger;
}

/**
 * Whether a region's trigger has fired: an unavailable or missing region always has; `health_degraded` fires on any
 * status but HEALTHY, `latency_exceeded` when the region's latency exceeds the strategy's evaluation timeout.
 */
export function tripped(
    region: StrategyRegion,
    health: RegionHealth | undefined,
    evaluationTimeoutMs: number,
): boolean {
    if (!health || health.status === "UNAVAILABLE") return true;
    return region.failoverTrigger === "health_degraded"
        ? health.status !== "HEALTHY"
        : health.latencyMs > evaluationTimeoutMs;
}

/** The region serving the strategy: the lowest priority number whose trigger has not fired, if any. */
export function activeRegion(
    regions: readonly StrategyRegion[],
    evaluationTimeoutMs: number,
    health: ReadonlyMap<string, RegionHealth>,
): StrategyRegion | undefined {
    return [...regions]
        .sort((a, b) => a.priority - b.priority)
        .find((r) => !tripped(r, health.get(r.regionId), evaluationTimeoutMs));
}

export interface SwitchEvent {
    succeeded: boolean;
    fromRegionId: string;
    toRegionId: string;
    trigger: FailoverTrigger | "recovery";
}

/** The switch a health change causes, if the active region changes: a success when some region takes over. */
export function switchFor(
    regions: readonly StrategyRegion[],
    evaluationTimeoutMs: number,
    before: ReadonlyMap<string, RegionHealth>,
    after: ReadonlyMap<string, RegionHealth>,
): SwitchEvent | undefined {
    const from = activeRegion(regions, evaluationTimeoutMs, before);
    const to = activeRegion(regions, evaluationTimeoutMs, after);
    if (from?.regionId === to?.regionId) return undefined;
    return {
        succeeded: to !== undefined,
        fromRegionId: from?.regionId ?? "",
        toRegionId: to?.regionId ?? "",
        // A switch away from a region that has not tripped is a failback to a higher-priority region that recovered.
        trigger:
            from && tripped(from, after.get(from.regionId), evaluationTimeoutMs) ? from.failoverTrigger : "recovery",
    };
}
