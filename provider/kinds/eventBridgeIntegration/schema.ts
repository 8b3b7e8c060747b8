import { z } from "zod";
import { awsRegion } from "../../validation/awsFields";
import { flag, matching, text, uniqueList } from "../../validation/fieldRules";

/**
 * A notification topic as the platform names it: `v2.` then dot-separated names, with `{id}` where an entity id
 * goes (a placeholder that matches every id), e.g. `v2.detail.events.conversation.{id}.customer.end`.
 */
export const TOPIC = /^v2(\.([A-Za-z0-9_-]+|\{id\}))+$/;

export const eventBridgeIntegrationInputs = z.object({
    name: text(200),
    /** The configuration's notes. */
    notes: text(1000).optional(),
    enabled: flag,
    awsAccountId: matching(/^\d{12}$/, "the 12-digit id of the AWS account that receives the events"),
    awsAccountRegion: awsRegion,
    eventSourceSuffix: matching(
        /^[A-Za-z0-9._-]{1,64}$/,
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
