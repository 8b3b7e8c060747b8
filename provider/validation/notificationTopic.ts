import { z } from "zod";

/**
 * A topic of the platform's notification service, as triggers and the EventBridge integration name them:
 * `v2.` then dot-separated names or `{id}` placeholders, e.g. `v2.detail.events.conversation.{id}.customer.end`.
 */
export const NOTIFICATION_TOPIC = /^v2(\.([A-Za-z0-9_-]+|\{id\}))+$/;

const expected = "must be a notification topic such as v2.detail.events.conversation.{id}.customer.end";

/** A topic name; the vendor's Terraform provider limits it to 256 characters. */
export const notificationTopic = z
    .string({ error: expected })
    .max(256, { error: "must be at most 256 characters" })
    .regex(NOTIFICATION_TOPIC, { error: `${expected} (v2, then names or {id} separated by dots)` });
