import { RESOURCE_NAME_KEY } from "../lifecycle/autoName";

/**
 * Added by the SDK beside `__resourceName`: the stack being deployed. The dynamic-provider host is told neither
 * the resource's URN nor the stack (the engine gives provider plugins no PULUMI_STACK), so the program passes it.
 */
export const STACK_KEY = "__stack";

/** The Pulumi resource name and stack that the SDK keys carry, or `PULUMI_STACK` for resources deployed before them. */
export function resourceIdentity(
    props: Record<string, unknown>,
    env: NodeJS.ProcessEnv = process.env,
): { resourceName: string | null; stack: string | null } {
    const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
    return { resourceName: text(props[RESOURCE_NAME_KEY]), stack: text(props[STACK_KEY]) ?? text(env.PULUMI_STACK) };
}
