import { kindProvider } from "../../kindProvider";
import { createWithClientId } from "../../lifecycle/createWithClientId";
import { updateVersioned } from "../../lifecycle/versionedUpdate";
import { failoverStrategyApi as api, type LiveFailoverStrategy, toBody } from "./api";
import { currentHealthMatrix, type HealthMatrix, verifyRegions } from "./regionPreflight";
import { type FailoverStrategyInputs, failoverStrategyDefaults, failoverStrategyInputs } from "./schema";

const LABEL = "failover strategy";

/** The strategy as the platform holds it, with the health of its regions when it was last written or read. */
export interface LiveStrategyWithHealth {
    strategy: LiveFailoverStrategy;
    healthMatrix: HealthMatrix;
}

export const failoverStrategyProvider = kindProvider<FailoverStrategyInputs, LiveStrategyWithHealth>({
    label: LABEL,
    schema: failoverStrategyInputs,
    defaults: failoverStrategyDefaults,
    nameMaxLength: 200,
    replaceOn: [],

    async create(client, inputs) {
        const healthMatrix = await verifyRegions(client, inputs);
        const body = toBody(inputs);
        const strategy = await createWithClientId({
            put: (id) => api.put(client, id, body),
            get: (id) => api.get(client, id),
        });
        return { strategy, healthMatrix };
    },

    async read(client, id) {
        const strategy = await api.get(client, id);
        if (!strategy) return undefined;
        return {
            strategy,
            healthMatrix: await currentHealthMatrix(
                client,
                strategy.routingConfig.regions.map((r) => r.regionId),
            ),
        };
    },

    // The id was ours to choose: an unconfirmed create is looked for under it.
    resolveUnconfirmed(client, id) {
        return this.read(client, id);
    },

    async update(client, id, olds, inputs) {
        const healthMatrix = await verifyRegions(client, inputs);
        const body = toBody(inputs);
        const strategy = await updateVersioned({
            label: LABEL,
            id,
            knownVersion: Number(olds.version),
            put: (version) => api.put(client, id, body, version),
            get: () => api.get(client, id),
            sent: body,
        });
        return { strategy, healthMatrix };
    },

    delete: (client, id) => api.delete(client, id),

    idOf: (live) => live.strategy.id,

    inputsFromLive: ({ strategy }, oldInputs) => ({
        name: strategy.name,
        description: strategy.description,
        enabled: strategy.enabled,
        regions: strategy.routingConfig.regions,
        evaluationTimeoutMs: strategy.routingConfig.evaluationTimeoutMs,
        // Provider-only: the platform does not hold it.
        maxSyncIntervalSeconds: oldInputs.maxSyncIntervalSeconds,
    }),

    outputs(live, inputs) {
        return {
            ...this.inputsFromLive(live, inputs),
            strategyId: live.strategy.id,
            version: live.strategy.version,
            healthMatrix: live.healthMatrix,
        };
    },
});
