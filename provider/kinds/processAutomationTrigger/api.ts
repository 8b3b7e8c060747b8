import type { Models } from "purecloud-platform-client-v2";
import type { ApiClient } from "../../client/apiClient";
import { objectCollection } from "../../lifecycle/objectCollection";
import type { ProcessAutomationTriggerInputs } from "./schema";

export const TRIGGERS = "/api/v2/processautomation/triggers";

/** The platform's largest page of triggers. */
const MAX_TRIGGER_PAGE = 200;

/** A trigger as the platform returns it: it always carries its id, name and version. */
export type LiveTrigger = Models.Trigger & { id: string; name: string; version: number };

/** The create body; an update sends the same with the `version` last seen (`UpdateTriggerRequest`). */
export function toBody(inputs: ProcessAutomationTriggerInputs): Models.CreateTriggerRequest {
    return {
        name: inputs.name,
        topicName: inputs.topicName,
        target: inputs.target,
        // The model types a criterion's value as an object; the platform compares strings, numbers and booleans too.
        matchCriteria: inputs.matchCriteria?.map(
            ({ jsonPath, operator, value, values }): Models.MatchCriteria => ({
                jsonPath,
                operator,
                value: value as object | undefined,
                values: values as object[] | undefined,
            }),
        ),
        eventTTLSeconds: inputs.eventTTLSeconds,
        delayBySeconds: inputs.delayBySeconds,
        enabled: inputs.enabled,
        description: inputs.description,
    };
}

const collection = objectCollection<Models.CreateTriggerRequest, LiveTrigger>(TRIGGERS);

/**
 * Triggers: `version` on every update; a cursor-paged list (`before`/`after`) with no name filter, so a trigger is
 * found by its name by walking the whole list.
 */
export const triggerApi = {
    ...collection,
    async findByName(client: ApiClient, name: string): Promise<LiveTrigger | undefined> {
        const all = await client.listLinkedPages<LiveTrigger>(TRIGGERS, { pageSize: MAX_TRIGGER_PAGE }, "nextUri");
        return all.find((trigger) => trigger.name === name);
    },
};
