import * as pulumi from "@pulumi/pulumi";
import { DynamicResource, resourceProps } from "./dynamicResource";

export interface WebhookArgs {
    /** Platform name; defaults to `<resource name>-<suffix>`, the name its preview shows (see the README). */
    name?: pulumi.Input<string>;
    /** The https endpoint deliveries are POSTed to. */
    targetUrl: pulumi.Input<string>;
    /** At least one, no repeats; either spelling: "routing.strategy.updated" or "routing:strategy:updated". */
    events: pulumi.Input<pulumi.Input<string>[]>;
    /** Defaults to true. */
    enabled?: pulumi.Input<boolean>;
    /** Signing secret, at least 16 characters. Kept secret in the state, never returned by the platform, never logged. */
    secret?: pulumi.Input<string>;
    /** Extra headers sent with each delivery; not Authorization, Content-Length or Host, and no CR/LF. */
    headers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Delivery body format; only (and by default) "application/json". */
    format?: pulumi.Input<"application/json">;
}

const OUTPUTS = [
    "name",
    "targetUrl",
    "events",
    "enabled",
    "secret",
    "headers",
    "format",
    "webhookId",
    "version",
] as const;

/** A Genesys Cloud webhook (`/api/v2/webhooks`). */
export class Webhook extends DynamicResource {
    declare readonly name: pulumi.Output<string>;
    declare readonly targetUrl: pulumi.Output<string>;
    declare readonly events: pulumi.Output<string[]>;
    declare readonly enabled: pulumi.Output<boolean>;
    declare readonly secret: pulumi.Output<string | undefined>;
    declare readonly headers: pulumi.Output<Record<string, string> | undefined>;
    declare readonly format: pulumi.Output<"application/json">;
    /** The platform id (also the resource's `id`). */
    declare readonly webhookId: pulumi.Output<string>;
    /** The platform version, +1 on each write. */
    declare readonly version: pulumi.Output<number>;

    constructor(name: string, args: WebhookArgs, opts?: pulumi.CustomResourceOptions) {
        // Headers often carry an API key for the receiver, so they are kept as secret as the signing secret.
        const secretArgs = {
            ...args,
            secret: args.secret === undefined ? undefined : pulumi.secret(args.secret),
            headers: args.headers === undefined ? undefined : pulumi.secret(args.headers),
        };
        super("Webhook", name, resourceProps(name, secretArgs, OUTPUTS), {
            ...opts,
            additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), "secret", "headers"],
        });
    }
}
