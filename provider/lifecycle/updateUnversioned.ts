import { GenesysApiError } from "../client/apiError";
import { bodyMatches } from "./bodyMatches";
import { readConfirmingGone } from "./confirmGone";

/**
 * Updates an object that carries no version, which the platform overwrites whatever it holds. A change made outside
 * Pulumi would be lost silently, so the object is read first and compared with what the stack last wrote: the write
 * goes ahead only when the live object still holds that (or already holds what we are about to send, as after an
 * update whose response was lost). A change that lands between the read and the write cannot be seen: the platform
 * offers nothing to close that window. When the write's outcome stays unknown (every response lost), the object is
 * read again: holding what was sent, it is the write's result. Right after a write the platform may still answer 404
 * for the object, and this update may run in a fresh process that cannot know it wrote a moment ago: the object is
 * gone only when it stays missing through `readAfterWriteMs`.
 */
export async function updateUnversioned<L>(steps: {
    label: string;
    id: string;
    /** The fields the stack last wrote, as the platform returns them (write-only fields left out). */
    known: object;
    /** The fields about to be sent, in the same form. */
    sent: object;
    put(): Promise<L>;
    /** The live object, or undefined when the platform answers that it is missing. */
    get(): Promise<L | undefined>;
    /** How long after a write the platform may still answer 404 for the object (the client's setting). */
    readAfterWriteMs: number;
    /** Where the written fields sit in the live object, when not at its top level. */
    fieldsOf?(live: L): Record<string, unknown>;
}): Promise<L> {
    const settled = () => readConfirmingGone(steps.get, steps.readAfterWriteMs);
    const live = await settled();
    if (live === undefined) {
        throw new Error(
            `the ${steps.label} ${steps.id} no longer exists on the platform: run \`pulumi refresh\` to drop it from the stack`,
        );
    }
    const fieldsOf = (object: L) => (steps.fieldsOf ? steps.fieldsOf(object) : (object as Record<string, unknown>));
    const fields = fieldsOf(live);
    const unchanged = bodyMatches(steps.known as Record<string, unknown>, fields);
    if (!unchanged && !bodyMatches(steps.sent as Record<string, unknown>, fields)) {
        const differing = Object.keys(steps.known).filter(
            (key) => !bodyMatches({ [key]: (steps.known as Record<string, unknown>)[key] }, fields),
        );
        throw new Error(
            `the ${steps.label} ${steps.id} was changed outside Pulumi (${differing.join(", ")} no longer hold what this ` +
                "stack last wrote). Run `pulumi refresh` to take in that change, then `pulumi up` again to apply yours.",
        );
    }
    try {
        return await steps.put();
    } catch (err) {
        if (!(err instanceof GenesysApiError) || !err.ambiguous) throw err;
        const after = await settled();
        if (after !== undefined && bodyMatches(steps.sent as Record<string, unknown>, fieldsOf(after))) return after;
        throw err;
    }
}
