import type { ApiClient } from "../../client/apiClient";
import { failoverStrategyApi as api, type RegionHealth, type RegionStatus } from "./api";
import type { FailoverStrategyInputs, StrategyRegion } from "./schema";

/** Each region of a strategy and its status; NOT_FOUND when the org no longer has the region. */
export type HealthMatrix = Record<string, RegionStatus | "NOT_FOUND">;

const MAX_LISTED_IDS = 10;

/**
 * Why the regions cannot be deployed, each problem naming the region and the fix: a region the org does not have,
 * or one that syncs routing configuration less often than `maxSyncIntervalSeconds` allows (the propagation
 * limit: a failover would act on configuration that old).
 */
export function preflightProblems(
    regions: readonly StrategyRegion[],
    knownIds: readonly string[],
    health: ReadonlyMap<string, RegionHealth>,
    maxSyncIntervalSeconds: number,
): string[] {
    const problems: string[] = [];
    regions.forEach(({ regionId }, index) => {
        if (!knownIds.includes(regionId)) {
            const shown =
                knownIds.slice(0, MAX_LISTED_IDS).join(", ") + (knownIds.length > MAX_LISTED_IDS ? ", …" : "");
            problems.push(
                `regions[${index}].regionId "${regionId}" is not a region of this org (it has ${shown || "none"}): use one of those ids`,
            );
            return;
        }
        const sync = health.get(regionId)?.syncIntervalSeconds;
        if (sync !== undefined && sync > maxSyncIntervalSeconds) {
            problems.push(
                `region ${regionId} (regions[${index}]) syncs every ${sync} s, over maxSyncIntervalSeconds ${maxSyncIntervalSeconds}: ` +
                    `raise maxSyncIntervalSeconds to at least ${sync} or choose a region that syncs more often`,
            );
        }
    });
    return problems;
}

export function toHealthMatrix(regionIds: readonly string[], health: ReadonlyMap<string, RegionHealth>): HealthMatrix {
    return Object.fromEntries(regionIds.map((id) => [id, health.get(id)?.status ?? "NOT_FOUND"]));
}

async function healthOf(client: ApiClient, regionIds: readonly string[]): Promise<Map<string, RegionHealth>> {
    const found = await Promise.all(regionIds.map((id) => api.regionHealth(client, id)));
    return new Map(found.filter((h): h is RegionHealth => h !== undefined).map((h) => [h.id, h]));
}

/** Before a create or update: every region exists and syncs often enough. Throws listing every problem at once. */
export async function verifyRegions(client: ApiClient, inputs: FailoverStrategyInputs): Promise<HealthMatrix> {
    const ids = inputs.regions.map((r) => r.regionId);
    const knownIds = await api.regionIds(client);
    const health = await healthOf(
        client,
        ids.filter((id) => knownIds.includes(id)),
    );
    const problems = preflightProblems(inputs.regions, knownIds, health, inputs.maxSyncIntervalSeconds);
    if (problems.length > 0) throw new Error(`region pre-flight failed: ${problems.join("; ")}`);
    return toHealthMatrix(ids, health);
}

/** The current health of a deployed strategy's regions, for refresh: a missing region is reported, not an error. */
export async function currentHealthMatrix(client: ApiClient, regionIds: readonly string[]): Promise<HealthMatrix> {
    return toHealthMatrix(regionIds, await healthOf(client, regionIds));
}
