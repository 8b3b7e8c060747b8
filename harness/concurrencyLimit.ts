// Caps how many steps run at once, like the engine's `--parallel` (default 16).
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(parallel: number): Limiter {
    if (!Number.isInteger(parallel) || parallel < 1) {
        throw new Error(`parallel must be a positive integer, got ${parallel}`);
    }
    let running = 0;
    const waiting: Array<() => void> = [];
    const release = () => {
        running--;
        waiting.shift()?.();
    };
    return async (task) => {
        if (running >= parallel) {
            await new Promise<void>((resolve) => waiting.push(resolve));
        }
        running++;
        try {
            return await task();
        } finally {
            release();
        }
    };
}
