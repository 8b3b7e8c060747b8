import type { Models } from "purecloud-platform-client-v2";
import type { FieldError } from "../apiError";
import {
    AWS_ACCOUNT_ID,
    EVENT_SOURCE_SUFFIX,
    TOPIC,
} from "../../provider/kinds/eventBridgeIntegration/propertyPatterns";
import { recordingExportType } from "./recordingExportType";

/** An integration type the emulator can install, with the rules of its configuration. */
export interface IntegrationTypeSpec {
    type: Models.IntegrationType & { name: string };
    /** Problems of `config.current.properties` (field names under `properties.`); required ones included. */
    propertyErrors(properties: Record<string, unknown>): FieldError[];
    /** Credential keys the type takes; undefined: not known, any key is accepted. */
    credentialKeys?: readonly string[];
    /** Properties an ENABLED integration needs before it can become ACTIVE. */
    requiredProperties: readonly string[];
}

const AWS_REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

const EVENTBRIDGE_PROPERTIES = ["awsAccountId", "awsAccountRegion", "eventSourceSuffix", "eventFilter"] as const;

function eventBridgeErrors(properties: Record<string, unknown>): FieldError[] {
    const errors: FieldError[] = [];
    const fail = (name: string, errorCode: string, message: string) =>
        errors.push({ fieldName: `properties.${name}`, errorCode, message: `properties.${name} ${message}` });
    for (const name of Object.keys(properties)) {
        if (!(EVENTBRIDGE_PROPERTIES as readonly string[]).includes(name)) {
            fail(
                name,
                "unknown.property",
                `is not a property of amazon-eventbridge-source (properties: ${EVENTBRIDGE_PROPERTIES.join(", ")})`,
            );
        }
    }
    const { awsAccountId, awsAccountRegion, eventSourceSuffix, eventFilter } = properties;
    const check = (name: string, value: unknown, pattern: RegExp, what: string) => {
        if (value === undefined) fail(name, "required", "is required");
        else if (typeof value !== "string" || !pattern.test(value)) fail(name, "invalid.value", `must be ${what}`);
    };
    check("awsAccountId", awsAccountId, AWS_ACCOUNT_ID, "the 12-digit id of the AWS account that receives the events");
    check("awsAccountRegion", awsAccountRegion, AWS_REGION, "an AWS region such as us-east-1");
    check(
        "eventSourceSuffix",
        eventSourceSuffix,
        EVENT_SOURCE_SUFFIX,
        "1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'",
    );
    if (eventFilter === undefined) fail("eventFilter", "required", "is required: the topics to send");
    else if (!Array.isArray(eventFilter) || eventFilter.length === 0) {
        fail("eventFilter", "invalid.value", "must be a non-empty array of topic names");
    } else {
        eventFilter.forEach((topic, i) => {
            if (typeof topic !== "string" || !TOPIC.test(topic)) {
                fail(
                    "eventFilter",
                    "invalid.value",
                    `[${i}] must be a topic such as v2.detail.events.conversation.{id}.customer.end`,
                );
            }
        });
        const repeated = eventFilter.filter((t, i) => eventFilter.indexOf(t) !== i);
        if (repeated.length > 0)
            fail("eventFilter", "duplicate.value", `must not repeat topics (repeated: ${repeated.join(", ")})`);
    }
    return errors;
}

function typeRef(
    id: string,
    name: string,
    description: string,
    provider: string,
    category: string,
): IntegrationTypeSpec["type"] {
    return { id, name, description, provider, category, selfUri: `/api/v2/integrations/types/${id}` };
}

/**
 * The integration types served. `amazon-eventbridge-source`'s four properties are verified in two official
 * sources; the S3 recording-export type's are not published (see recordingExportType.ts).
 */
export const INTEGRATION_TYPES: Readonly<Record<string, IntegrationTypeSpec>> = {
    "amazon-eventbridge-source": {
        type: typeRef(
            "amazon-eventbridge-source",
            "Amazon EventBridge Source",
            "Sends Genesys Cloud notification topics to an AWS EventBridge partner event source.",
            "aws",
            "Event Streaming",
        ),
        propertyErrors: eventBridgeErrors,
        credentialKeys: [],
        requiredProperties: EVENTBRIDGE_PROPERTIES,
    },
    "aws-s3-recording-bulk-actions-integration": recordingExportType,
};
