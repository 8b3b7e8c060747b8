import type { ApiClient } from "../../client/apiClient";
import { kindProvider } from "../../kindProvider";
import { isAutoNamed } from "../../lifecycle/autoName";
import { integrationApi } from "../../integrations/integrationApi";
import {
    installIntegration,
    integrationReads,
    type LiveIntegration,
    stateOf,
    updateIntegration,
} from "../../integrations/integrationLifecycle";
import { organizationId } from "../../integrations/organizationId";
import { desiredConfig, EVENTBRIDGE_TYPE, eventSourceName, inputsFromLive } from "./api";
import {
    type EventBridgeIntegrationInputs,
    eventBridgeIntegrationDefaults,
    eventBridgeIntegrationInputs,
} from "./schema";

const LABEL = "EventBridge integration";

/** The integration with the id of its org, which names its partner event source. */
type LiveEventBridge = LiveIntegration & { organizationId: string };

async function withOrg(client: ApiClient, live: LiveIntegration | undefined): Promise<LiveEventBridge | undefined> {
    return live && { ...live, organizationId: await organizationId(client) };
}

export const eventBridgeIntegrationProvider = kindProvider<EventBridgeIntegrationInputs, LiveEventBridge>({
    label: LABEL,
    schema: eventBridgeIntegrationInputs,
    defaults: eventBridgeIntegrationDefaults,
    nameMaxLength: 200,

    async create(client, inputs) {
        const live = await installIntegration(client, {
            label: LABEL,
            typeId: EVENTBRIDGE_TYPE,
            name: inputs.name,
            autoNamed: isAutoNamed(inputs),
            configure: async () => desiredConfig(inputs),
            state: stateOf(inputs.enabled),
        });
        return (await withOrg(client, live)) as LiveEventBridge;
    },

    ...integrationReads(EVENTBRIDGE_TYPE, withOrg),

    async update(client, id, olds, inputs) {
        const previous = olds as EventBridgeIntegrationInputs;
        const live = await updateIntegration(client, {
            label: LABEL,
            id,
            knownVersion: Number(olds.version),
            previous: { desired: desiredConfig(previous), state: stateOf(previous.enabled) },
            desired: desiredConfig(inputs),
            state: stateOf(inputs.enabled),
        });
        return (await withOrg(client, live)) as LiveEventBridge;
    },

    delete: (client, id) => integrationApi.delete(client, id),

    inputsFromLive: (live) => ({ ...inputsFromLive(live) }),

    computed: (live) => ({
        integrationId: live.integration.id,
        version: live.config.version,
        reportedState: live.integration.reportedState?.code,
        organizationId: live.organizationId,
        eventSourceName: eventSourceName(live.organizationId, inputsFromLive(live).eventSourceSuffix),
    }),
});
