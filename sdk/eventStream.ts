import type * as pulumi from "@pulumi/pulumi";
import { DynamicResource, resourceProps } from "./dynamicResource";

import type { ReplayCoverage } from "../provider/kinds/eventStream/derived";
import type { SequenceIndexTrigger } from "../provider/kinds/eventStream/schema";

export type { SequenceIndexTrigger };

export interface EventStreamReplay {
    /**
     * ISO 8601 with a zone (e.g. `2024-01-15T08:00:00Z`), not in the future and within `retentionDays` of now.
     * Checked against the clock only when the replay is new or changed, so an unchanged stack never fails later.
     */
    startDate: pulumi.Input<string>;
    /** Defaults to "automatic". */
    sequenceIndexTrigger?: pulumi.Input<SequenceIndexTrigger>;
}

export interface EventStreamArgs {
    /** Platform name; defaults to the resource name plus a random suffix, so replacements never collide. */
    name?: pulumi.Input<string>;
    description?: pulumi.Input<string>;
    /** Defaults to true. */
    enabled?: pulumi.Input<boolean>;
    /** At least one, no repeats, each like `genesys.conversations.call` (`^genesys\.[a-z0-9\-\.]+$`). */
    topics: pulumi.Input<pulumi.Input<string>[]>;
    /** 1 to 90. */
    retentionDays: pulumi.Input<number>;
    /** The EventBridge bus, e.g. `aws.cloudwatch.EventBus#arn`: `arn:<partition>:events:<region>:<account>:event-bus/<name>`. */
    eventBusArn: pulumi.Input<string>;
    /** The IAM role Genesys Cloud assumes to put events: `arn:<partition>:iam::<account>:role/<name>`. */
    roleArn: pulumi.Input<string>;
    /** Defaults to the event bus's region, and must match it. */
    region?: pulumi.Input<string>;
    /** Re-deliver past events from a start date. */
    replay?: pulumi.Input<EventStreamReplay>;
}

/** The replay's gap check over its sequence indices: what arrived, and what is missing. */
export type EventStreamReplayStatus = ReplayCoverage;

const OUTPUTS = [
    "name",
    "description",
    "enabled",
    "topics",
    "retentionDays",
    "eventBusArn",
    "roleArn",
    "region",
    "replay",
    "streamId",
    "version",
    "replayStatus",
] as const;

/** A Genesys Cloud event stream to Amazon EventBridge (`/api/v2/eventstreams`). */
export class EventStream extends DynamicResource {
    declare readonly name: pulumi.Output<string>;
    declare readonly description: pulumi.Output<string | undefined>;
    declare readonly enabled: pulumi.Output<boolean>;
    declare readonly topics: pulumi.Output<string[]>;
    declare readonly retentionDays: pulumi.Output<number>;
    declare readonly eventBusArn: pulumi.Output<string>;
    declare readonly roleArn: pulumi.Output<string>;
    declare readonly region: pulumi.Output<string>;
    declare readonly replay: pulumi.Output<
        { startDate: string; sequenceIndexTrigger: SequenceIndexTrigger } | undefined
    >;
    /** The platform id (also the resource's `id`). */
    declare readonly streamId: pulumi.Output<string>;
    /** The platform version, +1 on each write. */
    declare readonly version: pulumi.Output<number>;
    /** Present once a replay exists. */
    declare readonly replayStatus: pulumi.Output<EventStreamReplayStatus | undefined>;

    constructor(name: string, args: EventStreamArgs, opts?: pulumi.CustomResourceOptions) {
        super("EventStream", name, resourceProps(name, args, OUTPUTS), opts);
    }
}
