import type { DesiredConfig, LiveIntegration } from "../../integrations/integrationLifecycle";
import type { EventBridgeIntegrationInputs } from "./schema";

/** The integration type the platform installs for an EventBridge partner event source. */
export const EVENTBRIDGE_TYPE = "amazon-eventbridge-source";

/**
 * The configuration's properties: the names are the platform's (`eventFilter` holds the topics), as Genesys's own
 * EventBridge Terraform module and premium-app wizard send them.
 */
interface EventBridgeProperties {
    awsAccountId: string;
    awsAccountRegion: string;
    eventSourceSuffix: string;
    eventFilter: string[];
}

export function desiredConfig(inputs: EventBridgeIntegrationInputs): DesiredConfig {
    const properties: EventBridgeProperties = {
        awsAccountId: inputs.awsAccountId,
        awsAccountRegion: inputs.awsAccountRegion,
        eventSourceSuffix: inputs.eventSourceSuffix,
        eventFilter: inputs.topics,
    };
    // A partner event source needs no credential: the platform creates it in the named account.
    return {
        name: inputs.name,
        notes: inputs.notes ?? "",
        properties: { ...properties },
        advanced: {},
        credentials: {},
    };
}

/** The inputs that would produce the live integration, so a refresh leaves later diffs truthful. */
export function inputsFromLive(live: LiveIntegration): EventBridgeIntegrationInputs {
    const properties = (live.config.properties ?? {}) as Partial<EventBridgeProperties>;
    return {
        name: live.config.name,
        notes: live.config.notes ? live.config.notes : undefined,
        enabled: live.integration.intendedState === "ENABLED",
        awsAccountId: properties.awsAccountId ?? "",
        awsAccountRegion: properties.awsAccountRegion ?? "",
        eventSourceSuffix: properties.eventSourceSuffix ?? "",
        topics: properties.eventFilter ?? [],
    };
}

/**
 * The partner event source the platform creates in the AWS account once the integration is enabled; a partner
 * event bus must carry exactly this as both its name and its event source name.
 */
export function eventSourceName(organizationId: string, suffix: string): string {
    return `aws.partner/genesys.com/cloud/${organizationId}/${suffix}`;
}
