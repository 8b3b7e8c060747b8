import * as pulumi from "@pulumi/pulumi";

/**
 * The provider object handed to `pulumi.dynamic.Resource`. Pulumi serializes it into every resource's
 * `__provider` input, so it only names the implementation: each method requires it by package path when
 * the dynamic-provider host calls it. Nothing here reads configuration or touches the network.
 */
export function kindProvider(kind: string): pulumi.dynamic.ResourceProvider {
    const load = () => require("genesys-pulumi/provider/registry");
    return {
        configure: (req) => load().configure(req),
        check: (olds, news) => load().load(kind).check(olds, news),
        diff: (id, olds, news) => load().load(kind).diff(id, olds, news),
        create: (inputs) => load().load(kind).create(inputs),
        read: (id, props) => load().load(kind).read(id, props),
        update: (id, olds, news) => load().load(kind).update(id, olds, news),
        delete: (id, props) => load().load(kind).delete(id, props),
    };
}

/** Added to every resource's inputs so `check` can auto-name from the Pulumi resource name. */
export const RESOURCE_NAME_KEY = "__resourceName";
/** Added beside it so audit records name the stack: the dynamic-provider host is not told which stack it serves. */
export const STACK_KEY = "__stack";

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

/** The module part of each resource's type token: `pulumi-nodejs:dynamic/genesys:<Kind>`. */
export const TYPE_MODULE = "genesys";
