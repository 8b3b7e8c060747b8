import { bodyMatches } from "./bodyMatches";
import { isVersionConflict } from "./versionConflict";

/**
 * Updates with the version the stack last saw, never a freshly read one: a version conflict then means someone changed
 * the object outside Pulumi, and overwriting their change silently would be wrong. The one conflict that is ours
 * is a retry of a write whose response was lost; it shows as the next version holding exactly what we sent.
 */
export async function updateVersioned<L extends { version: number }>(steps: {
    label: string;
    id: string;
    knownVersion: number;
    /** The fields sent, as the platform returns them (write-only fields left out). */
    sent: object;
    put(version: number): Promise<L>;
    /** The live object, or undefined when it is gone. */
    get(): Promise<L | undefined>;
    /** Where the sent fields sit in the live object, when not at its top level. */
    fieldsOf?(live: L): Record<string, unknown>;
}): Promise<L> {
    try {
        return await steps.put(steps.knownVersion);
    } catch (err) {
        if (!isVersionConflict(err)) throw err;
        const live = await steps.get();
        if (live === undefined) {
            throw new Error(
                `the ${steps.label} ${steps.id} no longer exists on the platform: run \`pulumi refresh\` to drop it from the stack`,
            );
        }
        const fields = steps.fieldsOf ? steps.fieldsOf(live) : (live as unknown as Record<string, unknown>);
        if (live.version === steps.knownVersion + 1 && bodyMatches(steps.sent as Record<string, unknown>, fields))
            return live;
        throw new Error(
            `the ${steps.label} ${steps.id} was changed outside Pulumi (the platform is at version ${live.version}, ` +
                `this stack last saw version ${steps.knownVersion}). Run \`pulumi refresh\` to take in that change, ` +
                `then \`pulumi up\` again to apply yours.`,
        );
    }
}
