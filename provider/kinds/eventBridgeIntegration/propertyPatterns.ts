/**
 * The grammar of the `amazon-eventbridge-source` properties, one definition for the provider's check at preview and
 * the emulator's check of the configuration it is sent.
 */

/**
 * A notification topic as the platform names it: `v2.` then dot-separated names, with `{id}` where an entity id
 * goes (a placeholder that matches every id), e.g. `v2.detail.events.conversation.{id}.customer.end`.
 */
export const TOPIC = /^v2(\.([A-Za-z0-9_-]+|\{id\}))+$/;

/** The AWS account that receives the events. */
export const AWS_ACCOUNT_ID = /^\d{12}$/;

/** The end of the partner event source's name. */
export const EVENT_SOURCE_SUFFIX = /^[A-Za-z0-9._-]{1,64}$/;
