/** The platform's window: one minute. */
export const DEFAULT_RATE_LIMIT_WINDOW_MS = 60_000;

export interface RateLimitVerdict {
    allowed: number;
    count: number;
    /** Whole seconds until the current window resets (at least 1). */
    resetSeconds: number;
    limited: boolean;
}

/**
 * Per-key fixed one-minute windows. Genesys Cloud reports `inin-ratelimit-reset` as the seconds until
 * the counter resets to zero, which only exists for a fixed window (a sliding window has no single reset
 * instant), so the emulator counts the same way: the window opens at the key's first request and the
 * count drops to zero when it ends.
 */
export class RateLimiter {
    private readonly windows = new Map<string, { start: number; count: number }>();
    private lastSweep = 0;

    /** `windowMs` shortens the minute for time-compressed runs (benchmarks); the limit then counts per window. */
    constructor(
        private readonly now: () => number,
        private readonly windowMs: number = DEFAULT_RATE_LIMIT_WINDOW_MS,
    ) {}

    hit(key: string, allowed: number): RateLimitVerdict {
        const now = this.now();
        this.sweep(now);
        let window = this.windows.get(key);
        if (!window || now - window.start >= this.windowMs) {
            window = { start: now, count: 0 };
            this.windows.set(key, window);
        }
        window.count += 1;
        const resetSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
        return { allowed, count: window.count, resetSeconds, limited: window.count > allowed };
    }

    /** Forget windows that ended, at most once a window, so memory follows the live token count. */
    private sweep(now: number): void {
        if (now - this.lastSweep < this.windowMs) return;
        this.lastSweep = now;
        for (const [key, window] of this.windows) {
            if (now - window.start >= this.windowMs) this.windows.delete(key);
        }
    }
}
