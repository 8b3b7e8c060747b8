import type * as pulumi from "@pulumi/pulumi";
import type { DataFormat, ProcessAutomationTriggerInputs } from "../provider/kinds/processAutomationTrigger/schema";
import { DynamicResource, resourceProps } from "./dynamicResource";

type Inputs = ProcessAutomationTriggerInputs;

/** The Architect workflow a trigger starts. */
export interface TriggerTarget {
    /** "Workflow", the one target type (and the default). */
    type?: pulumi.Input<Inputs["target"]["type"]>;
    /** The workflow's flow id. */
    id: pulumi.Input<string>;
    /** How the event reaches the workflow: "Json" or "TopLevelPrimitives". */
    workflowTargetSettings?: pulumi.Input<{ dataFormat: pulumi.Input<DataFormat> }>;
}

/**
 * One condition on the event: a JSONPath (starting with `$`), an operator, and `values` for In, NotIn and All or
 * `value` for the others (a boolean for Exists, a whole number for Size, a number for the comparisons).
 */
export type MatchCriterion = NonNullable<Inputs["matchCriteria"]>[number];

export interface ProcessAutomationTriggerArgs {
    /** Platform name; defaults to the resource name plus a random suffix, so replacements never collide. */
    name?: pulumi.Input<string>;
    /** A notification topic, e.g. "v2.detail.events.conversation.{id}.customer.end". A new topic replaces the trigger. */
    topicName: pulumi.Input<string>;
    target: pulumi.Input<TriggerTarget>;
    /** All must hold for the event to start the workflow; without any, every event of the topic does. */
    matchCriteria?: pulumi.Input<pulumi.Input<MatchCriterion>[]>;
    /** At least 10: an event older than this no longer starts the workflow. Not with `delayBySeconds`. */
    eventTTLSeconds?: pulumi.Input<number>;
    /** 60 to 900: how long the workflow start waits. Not with `eventTTLSeconds`. */
    delayBySeconds?: pulumi.Input<number>;
    /** Defaults to true. */
    enabled?: pulumi.Input<boolean>;
    /** At most 512 characters. */
    description?: pulumi.Input<string>;
}

const OUTPUTS = [
    "name",
    "topicName",
    "target",
    "matchCriteria",
    "eventTTLSeconds",
    "delayBySeconds",
    "enabled",
    "description",
    "triggerId",
    "version",
] as const;

/**
 * A REAL Genesys Cloud process automation trigger (`/api/v2/processautomation/triggers`): on each event of a topic
 * that meets its criteria, it starts an Architect workflow.
 *
 * The OAuth client's role needs `processautomation:trigger:view`, `processautomation:trigger:add`,
 * `processautomation:trigger:edit` and `processautomation:trigger:delete`.
 *
 * Updates carry the version the stack last saw: a change made outside Pulumi is refused until `pulumi refresh`.
 */
export class ProcessAutomationTrigger extends DynamicResource {
    declare readonly name: pulumi.Output<string>;
    declare readonly topicName: pulumi.Output<string>;
    declare readonly target: pulumi.Output<Inputs["target"]>;
    declare readonly matchCriteria: pulumi.Output<MatchCriterion[] | undefined>;
    declare readonly eventTTLSeconds: pulumi.Output<number | undefined>;
    declare readonly delayBySeconds: pulumi.Output<number | undefined>;
    declare readonly enabled: pulumi.Output<boolean>;
    declare readonly description: pulumi.Output<string | undefined>;
    /** The platform id (also the resource's `id`). */
    declare readonly triggerId: pulumi.Output<string>;
    /** The platform version, +1 on each write. */
    declare readonly version: pulumi.Output<number>;

    constructor(name: string, args: ProcessAutomationTriggerArgs, opts?: pulumi.CustomResourceOptions) {
        super("ProcessAutomationTrigger", name, resourceProps(name, args, OUTPUTS), opts);
    }
}
