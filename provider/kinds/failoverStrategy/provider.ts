import { kindProvider } from "../../kindProvider";
import { chosenIdObjectCrud } from "../../lifecycle/chosenIdObjectCrud";
import { failoverStrategyApi as api, type LiveFailoverStrategy, toBody } from "./api";
import { currentHealthMatrix, type HealthMatrix, verifyRegions } from "./regionPreflight";
import { type FailoverStrategyInputs, failoverStrategyDefaults, failoverStrategyInputs } from "./schema";

const LABEL = "failover strategy";

/** The health of a strategy's regions when it was last written (seen by the pre-flight) or read. */
interface RegionsHealth {
    healthMatrix: HealthMatrix;
}

export const failoverStrategyProvider = kindProvider<FailoverStrategyInputs, LiveFailoverStrategy & RegionsHealth>({
    label: LABEL,
    schema: failoverStrategyInputs,
    defaults: failoverStrategyDefaults,
    nameMaxLength: 200,
    replaceOn: [],

    ...chosenIdObjectCrud(LABEL, api, toBody, {
        preflight: {
            beforeWrite: async (client, inputs): Promise<RegionsHealth> => ({
                healthMatrix: await verifyRegions(client, inputs),
            }),
            whenRead: async (client, strategy): Promise<RegionsHealth> => ({
                healthMatrix: await currentHealthMatrix(
                    client,
                    strategy.routingConfig.regions.map((r) => r.regionId),
                ),
            }),
        },
    }),

    inputsFromLive: (live, oldInputs) => ({
        name: live.name,
        description: live.description,
        enabled: live.enabled,
        regions: live.routingConfig.regions,
        evaluationTimeoutMs: live.routingConfig.evaluationTimeoutMs,
        // Provider-only: the platform does not hold it.
        maxSyncIntervalSeconds: oldInputs.maxSyncIntervalSeconds,
    }),

    computed: (live) => ({ strategyId: live.id, version: live.version, healthMatrix: live.healthMatrix }),
});
