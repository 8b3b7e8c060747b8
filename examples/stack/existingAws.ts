import * as pulumi from "@pulumi/pulumi";
import type { AwsLinks } from "./genesys";
import type { StackSettings } from "./settings";

/** The stack config keys naming the AWS side when another stack owns it (`pulumi config set <key> <value>`). */
export const EXISTING_AWS_KEYS = {
    bucket: "recordingsBucket",
    bucketRegion: "recordingsBucketRegion",
    kmsKeyArn: "recordingsKmsKeyArn",
    eventBusArn: "eventBusArn",
    platformRoleArn: "platformRoleArn",
} as const;

/**
 * The AWS side as existing resources, named by this stack's config: the way a team whose bucket, key, bus and role
 * belong to another stack deploys the Genesys side. Each value is required (the key only with `useKms`), so a
 * missing one fails the preview naming the key and the command that sets it.
 */
export function existingAwsLinks(settings: StackSettings): AwsLinks {
    const config = new pulumi.Config();
    return {
        bucket: config.require(EXISTING_AWS_KEYS.bucket),
        bucketRegion: config.require(EXISTING_AWS_KEYS.bucketRegion),
        kmsKeyArn: settings.useKms ? config.require(EXISTING_AWS_KEYS.kmsKeyArn) : undefined,
        eventBusArn: config.require(EXISTING_AWS_KEYS.eventBusArn),
        platformRoleArn: config.require(EXISTING_AWS_KEYS.platformRoleArn),
    };
}
