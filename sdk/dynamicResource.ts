import * as pulumi from "@pulumi/pulumi";
import { RESOURCE_NAME_KEY, STACK_KEY } from "../provider/identityKeys";
import type { KindId } from "../provider/registry";

/** The module part of each resource's type token: `pulumi-nodejs:dynamic/genesys:<Kind>`. */
export const TYPE_MODULE = "genesys";

/**
 * What the dynamic-provider host loads for a kind (it calls `.handler()` on it): this package's implementation,
 * required by package path. Written out rather than serialized from a provider object by `pulumi.dynamic.Resource`,
 * whose closure wrapper came to 2.4 KB: that text rides in every resource's inputs and outputs, in the state and in
 * every message between engine and host, where it cost a 1 000-resource preview a tenth of its time. It names no
 * configuration value and no machine path, and stays valid across upgrades of the package.
 */
export function providerSource(kind: KindId): string {
    return `exports.handler = function () { return require("genesys-pulumi/provider/registry").load(${JSON.stringify(kind)}); };`;
}

/**
 * Base of every resource class: a dynamic resource, served by Pulumi's dynamic-provider host like any
 * `pulumi.dynamic.Resource` (the engine routes it by its `pulumi-nodejs:dynamic` type), with a `__provider` that only
 * loads the implementation. Nothing here reads configuration or touches the network.
 */
export abstract class DynamicResource extends pulumi.CustomResource {
    protected constructor(kind: KindId, name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
        super(
            `pulumi-nodejs:dynamic/${TYPE_MODULE}:${kind}`,
            name,
            { ...props, __provider: providerSource(kind) },
            opts,
        );
    }
}

/** The resource's name and stack, carried in its inputs for auto-naming and the audit trail (never diffed). */
export function resourceIdentity(resourceName: string): Record<string, string> {
    return { [RESOURCE_NAME_KEY]: resourceName, [STACK_KEY]: pulumi.getStack() };
}

/**
 * The props a resource class registers. Pulumi only resolves outputs whose keys are present in the props, so
 * every declared output is listed (as undefined unless the user set it): an optional input left out, such as an
 * auto-generated `name`, would otherwise never reach the program.
 */
export function resourceProps(resourceName: string, args: object, outputs: readonly string[]): Record<string, unknown> {
    const props: Record<string, unknown> = Object.fromEntries(outputs.map((key) => [key, undefined]));
    return Object.assign(props, args, resourceIdentity(resourceName));
}
