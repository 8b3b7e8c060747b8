import { z } from "zod";
import { awsRegion } from "../../validation/awsFields";
import { flag, matching, text, uniqueList } from "../../validation/fieldRules";
import { AWS_ACCOUNT_ID, EVENT_SOURCE_SUFFIX, TOPIC } from "./propertyPatterns";

export const eventBridgeIntegrationInputs = z.object({
    name: text(200),
    /** The configuration's notes. */
    notes: text(1000).optional(),
    enabled: flag,
    awsAccountId: matching(AWS_ACCOUNT_ID, "the 12-digit id of the AWS account that receives the events"),
    awsAccountRegion: awsRegion,
    eventSourceSuffix: matching(
        EVENT_SOURCE_SUFFIX,
        "1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-' (it ends the partner event source's name)",
    ),
    topics: uniqueList(
        matching(
            TOPIC,
            "a notification topic: v2. then dot-separated names, {id} for an entity id, e.g. v2.detail.events.conversation.{id}.customer.end",
        ),
        { min: 1, max: 200, noun: "topic" },
    ),
});

export type EventBridgeIntegrationInputs = z.infer<typeof eventBridgeIntegrationInputs>;

export const eventBridgeIntegrationDefaults: Partial<EventBridgeIntegrationInputs> = { enabled: true };
