/**
 * The grammar of the `amazon-eventbridge-source` properties, one definition for the provider's check at preview and
 * the emulator's check of the configuration it is sent.
 */

/** Topics: the platform's notification-topic grammar, which process automation triggers share. */
export { NOTIFICATION_TOPIC as TOPIC } from "../../validation/notificationTopic";

/** The AWS account that receives the events. */
export const AWS_ACCOUNT_ID = /^\d{12}$/;

/** The end of the partner event source's name. */
export const EVENT_SOURCE_SUFFIX = /^[A-Za-z0-9._-]{1,64}$/;
