import type * as pulumi from "@pulumi/pulumi";
import { DynamicResource, resourceProps } from "./dynamicResource";

export interface EventBridgeIntegrationArgs {
    /** Platform name; defaults to the resource name plus a random suffix, so replacements never collide. */
    name?: pulumi.Input<string>;
    /** The configuration's notes. */
    notes?: pulumi.Input<string>;
    /** Whether the platform sends events (its `intendedState`); defaults to true. */
    enabled?: pulumi.Input<boolean>;
    /** The 12-digit AWS account the partner event source is created in. */
    awsAccountId: pulumi.Input<string>;
    /** That account's region, e.g. "eu-west-1". */
    awsAccountRegion: pulumi.Input<string>;
    /** Ends the partner event source's name: 1 to 64 of A-Z, a-z, 0-9, ".", "_", "-"; unique in the org. */
    eventSourceSuffix: pulumi.Input<string>;
    /**
     * Notification topics to send, checked at preview against the platform's grammar, e.g.
     * "v2.detail.events.conversation.{id}.customer.end" ({id} matches every id).
     */
    topics: pulumi.Input<pulumi.Input<string>[]>;
}

const OUTPUTS = [
    "name",
    "notes",
    "enabled",
    "awsAccountId",
    "awsAccountRegion",
    "eventSourceSuffix",
    "topics",
    "integrationId",
    "version",
    "reportedState",
    "organizationId",
    "eventSourceName",
] as const;

/**
 * Manages a REAL Genesys Cloud object: an integration of type `amazon-eventbridge-source`
 * (`/api/v2/integrations` and its `config/current`), which sends notification topics to an AWS EventBridge
 * partner event source. Pair it with the partner bus in one line, ordered after it:
 *
 * ```ts
 * const bus = new aws.cloudwatch.EventBus("events", { name: events.eventSourceName, eventSourceName: events.eventSourceName });
 * ```
 *
 * Replay and retention are AWS's: an `aws.cloudwatch.EventArchive` on that bus. The OAuth client's role needs
 * `integrations:integration:add`, `:view`, `:edit` and `:delete`. An integration of this type with the same name
 * is taken up rather than duplicated when a create is repeated.
 */
export class EventBridgeIntegration extends DynamicResource {
    declare readonly name: pulumi.Output<string>;
    declare readonly notes: pulumi.Output<string | undefined>;
    declare readonly enabled: pulumi.Output<boolean>;
    declare readonly awsAccountId: pulumi.Output<string>;
    declare readonly awsAccountRegion: pulumi.Output<string>;
    declare readonly eventSourceSuffix: pulumi.Output<string>;
    declare readonly topics: pulumi.Output<string[]>;
    /** The platform's id of the integration (also the resource's `id`). */
    declare readonly integrationId: pulumi.Output<string>;
    /** The version of the integration's configuration, +1 on each write. */
    declare readonly version: pulumi.Output<number>;
    /** What the platform reports the integration doing: ACTIVE, ACTIVATING, INACTIVE, DEACTIVATING or ERROR. */
    declare readonly reportedState: pulumi.Output<string>;
    /** The Genesys Cloud org id (`GET /api/v2/organizations/me`). */
    declare readonly organizationId: pulumi.Output<string>;
    /** `aws.partner/genesys.com/cloud/<orgId>/<eventSourceSuffix>`: the partner bus's name and event source name. */
    declare readonly eventSourceName: pulumi.Output<string>;

    constructor(name: string, args: EventBridgeIntegrationArgs, opts?: pulumi.CustomResourceOptions) {
        super("EventBridgeIntegration", name, resourceProps(name, args, OUTPUTS), opts);
    }
}
