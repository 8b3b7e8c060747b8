import { kindProvider } from "../../kindProvider";
import { postedObjectCrud } from "../../lifecycle/postedObjectCrud";
import { projectOnSchema } from "../../validation/schemaProjection";
import { type LiveTrigger, toBody, triggerApi as api } from "./api";
import {
    type ProcessAutomationTriggerInputs,
    processAutomationTriggerDefaults,
    processAutomationTriggerInputs,
    processAutomationTriggerRules,
    withTargetType,
} from "./schema";

const LABEL = "process automation trigger";

export const processAutomationTriggerProvider = kindProvider<ProcessAutomationTriggerInputs, LiveTrigger>({
    label: LABEL,
    schema: processAutomationTriggerInputs,
    rules: processAutomationTriggerRules,
    defaults: processAutomationTriggerDefaults,
    nameMaxLength: 256,
    // "Cannot be updated after creation": a trigger on another topic is another trigger.
    replaceOn: ["topicName"],
    // The target's type defaults inside an object, which the kind's top-level defaults cannot express.
    normalise: withTargetType,
    ...postedObjectCrud(LABEL, api, toBody),
    inputsFromLive: (live) => ({
        name: live.name,
        topicName: live.topicName,
        target: projectOnSchema(processAutomationTriggerInputs.shape.target, live.target),
        matchCriteria: projectOnSchema(processAutomationTriggerInputs.shape.matchCriteria, live.matchCriteria),
        eventTTLSeconds: live.eventTTLSeconds,
        delayBySeconds: live.delayBySeconds,
        enabled: live.enabled,
        description: live.description,
    }),
    computed: (live) => ({ triggerId: live.id, version: live.version }),
});
