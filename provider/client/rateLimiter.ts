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

// The hard cap is checked against a window this much longer than the platform's, so that jitter in network latency
// cannot squeeze limit+1 of our requests into one server-side window. Costs 1% of throughput.
const WINDOW_SAFETY_FACTOR = 1.01;

/**
 * Client-side pacing under the platform's per-token request limit. Requests leave one per `windowMs / limit` (so a
 * burst of concurrent operations is spread out rather than answered with a 429 storm) and never more than `limit`
 * within any window. Waiters are served first come, first served, so concurrent operations share the budget fairly,
 * and the slots are used back to back while anyone waits, so the budget stays full.
 */
export class RateLimiter {
  private currentLimit: number;
  private readonly ceiling: number;
  private readonly windowMs: number;
  private readonly clock: Clock;
  private readonly waiters: (() => void)[] = [];
  private readonly sent: number[] = [];
  private nextSlotAt = -Infinity;
  private pausedUntil = -Infinity;
  private pumping = false;

  constructor(options: RateLimiterOptions) {
    if (!(options.limit > 0)) throw new Error(`Rate limit must be a positive number of requests, got ${options.limit}`);
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
    let sleptUntil: number | undefined;
    try {
      while (this.waiters.length > 0) {
        const now = this.clock.now();
        const sendAt = this.earliestSendAt(now);
        if (sendAt > now) {
          await this.clock.sleep(sendAt - now);
          sleptUntil = sendAt;
          continue;
        }
        this.sent.push(now);
        // Pace from the slot we waited for rather than from when the timer fired, so timer lateness does not eat
        // into the budget; recovering at most half an interval keeps a stalled event loop from releasing a burst.
        const interval = this.windowMs / this.currentLimit;
        const slot = sleptUntil === undefined ? now : Math.max(sleptUntil, now - interval / 2);
        this.nextSlotAt = slot + interval;
        sleptUntil = undefined;
        this.waiters.shift()?.();
      }
    } finally {
      this.pumping = false;
    }
  }

  private earliestSendAt(now: number): number {
    const guardedWindow = this.windowMs * WINDOW_SAFETY_FACTOR;
    while (this.sent.length > 0 && this.sent[0] <= now - guardedWindow) this.sent.shift();
    const capAt = this.sent.length >= this.currentLimit ? this.sent[this.sent.length - this.currentLimit] + guardedWindow : -Infinity;
    return Math.max(this.nextSlotAt, this.pausedUntil, capAt);
  }
}
