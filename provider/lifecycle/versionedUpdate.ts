import { GenesysApiError } from "../client/apiError";

/**
 * Updates with the version the stack last saw, never a freshly read one: a 409 then means someone changed
 * the object outside Pulumi, and overwriting their change silently would be wrong. The one 409 that is ours
 * is a retry of a write whose response was lost; it shows as the next version holding exactly what we sent.
 */
export async function updateVersioned<L extends { version: number }>(steps: {
    label: string;
    id: string;
    knownVersion: number;
    put(version: number): Promise<L>;
    get(): Promise<L>;
    holdsOurChange(live: L): boolean;
}): Promise<L> {
    try {
        return await steps.put(steps.knownVersion);
    } catch (err) {
        if (!(err instanceof GenesysApiError) || err.status !== 409) throw err;
        const live = await steps.get();
        if (live.version === steps.knownVersion + 1 && steps.holdsOurChange(live)) return live;
        throw new Error(
            `the ${steps.label} ${steps.id} was changed outside Pulumi (the platform is at version ${live.version}, ` +
                `this stack last saw version ${steps.knownVersion}). Run \`pulumi refresh\` to take in that change, ` +
                `then \`pulumi up\` again to apply yours.`,
        );
    }
}
