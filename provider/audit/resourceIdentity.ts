import { RESOURCE_NAME_KEY, STACK_KEY } from "../identityKeys";

/** The Pulumi resource name and stack that the SDK keys carry, or `PULUMI_STACK` for resources deployed before them. */
export function resourceIdentity(
    props: Record<string, unknown>,
    env: NodeJS.ProcessEnv = process.env,
): { resourceName: string | null; stack: string | null } {
    const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
    return { resourceName: text(props[RESOURCE_NAME_KEY]), stack: text(props[STACK_KEY]) ?? text(env.PULUMI_STACK) };
}
