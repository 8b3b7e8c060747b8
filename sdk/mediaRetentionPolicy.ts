import type * as pulumi from "@pulumi/pulumi";
import type { MediaPoliciesInput } from "../provider/kinds/mediaRetentionPolicy/schema";
import { DynamicResource, resourceProps } from "./dynamicResource";

/**
 * What a policy does per channel (`callPolicy`, `chatPolicy`, `emailPolicy`, `messagePolicy`): its `conditions`
 * (users, queues, wrap-up codes, languages, teams, date ranges, time windows; directions and duration for calls,
 * customer participation for email and messages) and its `actions` (retain or delete recordings, archive and
 * delete retention in days, evaluations, calibrations, surveys, screen recording, export to an
 * `aws-s3-recording-bulk-actions-integration`). Field names are the platform's (`MediaPolicies` in the
 * Platform API); other objects are referenced as `{ id }`.
 */
export type MediaPolicies = MediaPoliciesInput;

export interface MediaRetentionPolicyArgs {
    /** Platform name; defaults to the resource name plus a random suffix, so replacements never collide. */
    name?: pulumi.Input<string>;
    /** The policy's place among the org's policies (0 or more). */
    order?: pulumi.Input<number>;
    description?: pulumi.Input<string>;
    /** Defaults to true. A policy applies to conversations from then on, never to earlier ones. */
    enabled?: pulumi.Input<boolean>;
    /**
     * At least one channel. Checked at preview: a delete retention shorter than the archive one, retaining and
     * deleting the same recordings, a condition the channel does not have.
     */
    mediaPolicies: pulumi.Input<MediaPolicies>;
}

const OUTPUTS = ["name", "order", "description", "enabled", "mediaPolicies", "policyId"] as const;

/**
 * A REAL Genesys Cloud media retention policy (`/api/v2/recording/mediaretentionpolicies`): which recordings of
 * which conversations are kept, archived, deleted, evaluated or exported.
 *
 * The OAuth client's role needs `recording:retentionPolicy:view`, `recording:retentionPolicy:add`,
 * `recording:retentionPolicy:edit` and `recording:retentionPolicy:delete`.
 *
 * The platform keeps no version of a policy: before each update the live policy is compared with what the stack
 * last wrote, and a change made outside Pulumi is refused until `pulumi refresh` takes it in. Codec and bandwidth
 * are no fields of a policy; estimate them with `codecMatrix` and `estimatedBandwidthKbps` (see `recordedMediaTypes`).
 */
export class MediaRetentionPolicy extends DynamicResource {
    declare readonly name: pulumi.Output<string>;
    declare readonly order: pulumi.Output<number | undefined>;
    declare readonly description: pulumi.Output<string | undefined>;
    declare readonly enabled: pulumi.Output<boolean>;
    declare readonly mediaPolicies: pulumi.Output<MediaPolicies>;
    /** The platform id (also the resource's `id`). */
    declare readonly policyId: pulumi.Output<string>;

    constructor(name: string, args: MediaRetentionPolicyArgs, opts?: pulumi.CustomResourceOptions) {
        super("MediaRetentionPolicy", name, resourceProps(name, args, OUTPUTS), opts);
    }
}
