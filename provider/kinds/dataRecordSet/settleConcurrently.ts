export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `task` over every item with at most `limit` in flight, and waits for all of them: one failure
 * neither stops the others nor loses their results. (The API client still paces requests to the rate
 * limit and retries the transient failures; `limit` only bounds what waits in its queue.)
 */
export async function settleConcurrently<I, T>(
    items: readonly I[],
    limit: number,
    task: (item: I) => Promise<T>,
): Promise<Settled<T>[]> {
    const results: Settled<T>[] = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            try {
                results[index] = { ok: true, value: await task(items[index]) };
            } catch (error) {
                results[index] = { ok: false, error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}
