import type { ApiClient } from "../../client/apiClient";
import { readOrGone } from "../../lifecycle/missingIsGone";
import { objectCollection } from "../../lifecycle/objectCollection";
import type { FailoverStrategyInputs, StrategyRegion } from "./schema";

/** The platform's body for a failover strategy. */
export interface FailoverStrategyBody {
    name: string;
    description?: string;
    type: "custom";
    enabled: boolean;
    routingConfig: { evaluationTimeoutMs: number; regions: StrategyRegion[] };
}

export interface LiveFailoverStrategy extends FailoverStrategyBody {
    id: string;
    version: number;
    selfUri: string;
    dateCreated: string;
    dateModified: string;
}

export type RegionStatus = "HEALTHY" | "DEGRADED" | "UNAVAILABLE";

export interface RegionHealth {
    id: string;
    status: RegionStatus;
    syncIntervalSeconds: number;
    latencyMs: number;
}

const COLLECTION = "/api/v2/routing/strategies";
const REGIONS = "/api/v2/architecture/regions";

export function toBody(inputs: FailoverStrategyInputs): FailoverStrategyBody {
    return {
        name: inputs.name,
        description: inputs.description,
        type: "custom",
        enabled: inputs.enabled,
        routingConfig: {
            evaluationTimeoutMs: inputs.evaluationTimeoutMs,
            // Only the platform's fields, in its order, so a body comparison is not upset by extra input keys.
            regions: inputs.regions.map(({ regionId, priority, weight, failoverTrigger }) => ({
                regionId,
                priority,
                weight,
                failoverTrigger,
            })),
        },
    };
}

export const failoverStrategyApi = {
    ...objectCollection<FailoverStrategyBody, LiveFailoverStrategy>(COLLECTION),
    async regionIds(client: ApiClient): Promise<string[]> {
        return (await client.listPages<{ id: string }>(REGIONS)).map((region) => region.id);
    },
    regionHealth: (client: ApiClient, regionId: string) =>
        readOrGone(() => client.get<RegionHealth>(`${REGIONS}/${encodeURIComponent(regionId)}/health`)),
};
