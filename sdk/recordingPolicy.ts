import type * as pulumi from "@pulumi/pulumi";
import { DynamicResource, resourceProps } from "./dynamicResource";
import type { MediaType, Quality } from "../provider/kinds/recordingPolicy/schema";
import type { StorageTarget } from "./storageTarget";

export type { MediaType };
export type RecordingQuality = Quality;

export interface RecordingPolicyArgs {
    /** Platform name; defaults to the resource name plus a random suffix, so replacements never collide. */
    name?: pulumi.Input<string>;
    description?: pulumi.Input<string>;
    /** Defaults to true. */
    enabled?: pulumi.Input<boolean>;
    /** At least one, no repeats. */
    mediaTypes: pulumi.Input<pulumi.Input<MediaType>[]>;
    quality: pulumi.Input<RecordingQuality>;
    /** 1 to 365, and no more than the storage target's retention. */
    retentionDays: pulumi.Input<number>;
    /** 1 to 24; defaults to 24. */
    maxDurationHours?: pulumi.Input<number>;
    /** The id of a recording storage target, when recordings go to your own bucket. Prefer `storageTarget`. */
    storageTargetId?: pulumi.Input<string>;
    /**
     * The storage target recordings go to. Unlike `storageTargetId`, it lets preview fail a policy whose
     * `retentionDays` exceed the target's (recordings would vanish from the bucket before the policy expires them).
     */
    storageTarget?: StorageTarget;
    /** https endpoints told about captured streams. */
    webhookUrls?: pulumi.Input<pulumi.Input<string>[]>;
}

const OUTPUTS = [
    "name",
    "description",
    "enabled",
    "mediaTypes",
    "quality",
    "retentionDays",
    "maxDurationHours",
    "storageTargetId",
    "webhookUrls",
    "policyId",
    "version",
    "codecMatrix",
    "estimatedBandwidthKbps",
] as const;

/** A Genesys Cloud WebRTC recording policy (`/api/v2/recording/policies`). */
export class RecordingPolicy extends DynamicResource {
    declare readonly name: pulumi.Output<string>;
    declare readonly description: pulumi.Output<string | undefined>;
    declare readonly enabled: pulumi.Output<boolean>;
    declare readonly mediaTypes: pulumi.Output<MediaType[]>;
    declare readonly quality: pulumi.Output<RecordingQuality>;
    declare readonly retentionDays: pulumi.Output<number>;
    declare readonly maxDurationHours: pulumi.Output<number>;
    declare readonly storageTargetId: pulumi.Output<string | undefined>;
    declare readonly webhookUrls: pulumi.Output<string[]>;
    /** The platform id (also the resource's `id`). */
    declare readonly policyId: pulumi.Output<string>;
    /** The platform version, +1 on each write. */
    declare readonly version: pulumi.Output<number>;
    /** Codec per recorded media type: audio OPUS 48 kHz; video VP8 720p (standard) or VP9 1080p (high). */
    declare readonly codecMatrix: pulumi.Output<Partial<Record<MediaType, string>>>;
    /** Bandwidth of the recorded streams at the chosen quality, summed per media type; at most 5000 kbps. */
    declare readonly estimatedBandwidthKbps: pulumi.Output<number>;

    constructor(name: string, args: RecordingPolicyArgs, opts?: pulumi.CustomResourceOptions) {
        const { storageTarget, ...inputs } = args;
        if (storageTarget !== undefined && args.storageTargetId !== undefined) {
            throw new Error(`RecordingPolicy ${name}: give storageTarget or storageTargetId, not both`);
        }
        const paired =
            storageTarget === undefined
                ? {}
                : { storageTargetId: storageTarget.id, storageTargetRetentionDays: storageTarget.retentionDays };
        super("RecordingPolicy", name, resourceProps(name, { ...inputs, ...paired }, OUTPUTS), opts);
    }
}
