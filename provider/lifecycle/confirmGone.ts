/** Rereads spread over the window: enough to catch the object appearing without hammering the platform. */
const REREADS = 5;

/**
 * Refresh runs in a fresh process, which cannot know whether the stack wrote the object a moment ago, and right after
 * a write the platform may still answer 404 for it. Believing that would drop the object from the stack and make the
 * next `up` create a duplicate, so an object the stack holds is reported gone only if it stays missing for `windowMs`.
 */
export async function readConfirmingGone<L>(
    read: () => Promise<L | undefined>,
    windowMs: number,
): Promise<L | undefined> {
    const first = await read();
    if (first !== undefined) return first;
    const until = Date.now() + windowMs;
    for (let left = windowMs; left > 0; left = until - Date.now()) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(left, Math.ceil(windowMs / REREADS))));
        const live = await read();
        if (live !== undefined) return live;
    }
    return undefined;
}
