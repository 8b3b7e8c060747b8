export interface Clock {
    now(): number;
    sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
    now: () => performance.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RateLimiterOptions {
    /** Requests allowed per window (the platform's per-token limit). */
    limit: number;
    windowMs?: number;
    /** When true, `inin-ratelimit-allowed` may lower the limit but never raise it above `limit`. */
    limitIsCeiling?: boolean;
    clock?: Clock;
}

/**
 * The span the cap is checked against: the platform's window plus a margin (1%, at least 50 ms), so that requests
 * reaching the platform a little later or sooner than they left cannot squeeze limit+1 of ours into one of its
 * windows. Costs 1% of throughput at the platform's one-minute window.
 */
export function guardedWindowMs(windowMs: number): number {
    return windowMs + Math.max(windowMs * 0.01, 50);
}

/**
 * Client-side budget under the platform's per-token request limit: never more than `limit` requests within any
 * window (a sliding window, checked against a slightly longer span than the platform's), so whatever instant the
 * platform's fixed window starts at, it never counts more than `limit` of ours. Within that cap requests leave as
 * soon as they are asked for: a deployment smaller than the budget is not slowed at all, and a larger one uses each
 * window's budget as it opens. (Spacing requests evenly instead costs a small stack `windowMs / limit` per request,
 * 200 ms at the platform's 300 a minute, and gains nothing at the ceiling: the benchmark measured both.) Waiters are
 * served first come, first served, so concurrent operations share the budget fairly.
 */
export class RateLimiter {
    private currentLimit: number;
    private readonly ceiling: number;
    private readonly windowMs: number;
    private readonly clock: Clock;
    private readonly waiters: (() => void)[] = [];
    private readonly sent: number[] = [];
    private pausedUntil = -Infinity;
    private pumping = false;

    constructor(options: RateLimiterOptions) {
        if (!(options.limit > 0))
            throw new Error(`Rate limit must be a positive number of requests, got ${options.limit}`);
        this.currentLimit = options.limit;
        this.ceiling = options.limitIsCeiling ? options.limit : Infinity;
        this.windowMs = options.windowMs ?? 60_000;
        this.clock = options.clock ?? realClock;
    }

    get limit(): number {
        return this.currentLimit;
    }

    /** Resolves when the caller may send one request. */
    acquire(): Promise<void> {
        return new Promise((resolve) => {
            this.waiters.push(resolve);
            void this.pump();
        });
    }

    /** Adopts the limit the platform reports for this token (`inin-ratelimit-allowed`). */
    observeAllowed(allowed: number): void {
        if (Number.isInteger(allowed) && allowed > 0) this.currentLimit = Math.min(allowed, this.ceiling);
    }

    /** Holds every waiter back, e.g. for a 429's Retry-After, so the other callers do not hit the same wall. */
    pauseFor(ms: number): void {
        this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
    }

    private async pump(): Promise<void> {
        if (this.pumping) return;
        this.pumping = true;
        try {
            while (this.waiters.length > 0) {
                const now = this.clock.now();
                const sendAt = this.earliestSendAt(now);
                if (sendAt > now) {
                    await this.clock.sleep(sendAt - now);
                    continue;
                }
                this.sent.push(now);
                this.waiters.shift()?.();
            }
        } finally {
            this.pumping = false;
        }
    }

    private earliestSendAt(now: number): number {
        const guardedWindow = guardedWindowMs(this.windowMs);
        while (this.sent.length > 0 && this.sent[0] <= now - guardedWindow) this.sent.shift();
        const capAt =
            this.sent.length >= this.currentLimit
                ? this.sent[this.sent.length - this.currentLimit] + guardedWindow
                : -Infinity;
        return Math.max(this.pausedUntil, capAt);
    }
}
