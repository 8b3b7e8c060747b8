import pRetry from "p-retry";
import { GenesysApiError } from "./apiError";

export interface RetryOptions {
    /** Overall budget for all attempts and waits of one call. */
    deadlineMs: number;
    /** First backoff delay; doubles per attempt up to maxRetryDelayMs. */
    minRetryDelayMs: number;
    maxRetryDelayMs?: number;
    maxRetries?: number;
    /** False for creates (POST): a lost response may hide a committed write, so only a 429 is retried. */
    idempotent: boolean;
    random?: () => number;
    now?: () => number;
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; why?: string };

const DEFAULT_MAX_RETRY_DELAY_MS = 30_000;
const DEFAULT_MAX_RETRIES = 10;

/** Transient server states worth another try; 501 (not implemented) will not change. */
function isTransientStatus(status: number): boolean {
    return status === 408 || (status >= 500 && status !== 501);
}

/**
 * Whether attempt number `attempt` (1-based) that failed with `error` should be tried again, and after how long.
 * 400/401/403/404/409/413 and other client errors are final; 401 recovery (a fresh token) is the client's job.
 */
export function decideRetry(error: unknown, attempt: number, options: RetryOptions): RetryDecision {
    if (!(error instanceof GenesysApiError)) return { retry: false };
    if (error.status === 429) {
        // Rejected before processing, so even a create is safe to repeat.
        return { retry: true, delayMs: error.retryAfterMs ?? backoffMs(attempt, options) };
    }
    const transient = error.status === 0 ? error.code !== "ENOTFOUND" : isTransientStatus(error.status);
    if (!transient) return { retry: false };
    if (error.ambiguous && !options.idempotent) {
        return { retry: false, why: "not retried because repeating a create could make a duplicate" };
    }
    return { retry: true, delayMs: backoffMs(attempt, options) };
}

/** Exponential backoff with jitter (50–100% of the step) so concurrent callers do not retry in lockstep. */
export function backoffMs(
    attempt: number,
    options: Pick<RetryOptions, "minRetryDelayMs" | "maxRetryDelayMs" | "random">,
): number {
    const step = Math.min(
        options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS,
        options.minRetryDelayMs * 2 ** (attempt - 1),
    );
    return Math.round(step * (0.5 + 0.5 * (options.random ?? Math.random)()));
}

/**
 * How long a 429 asks us to wait: `Retry-After` (seconds or an HTTP date), else `inin-ratelimit-reset` (seconds) unless
 * `inin-ratelimit-count` shows the window is not used up (then the 429 is not about the window, and waiting for its
 * reset, up to a minute, would be wrong). Undefined when no header is usable, leaving the choice to backoff.
 */
export function retryAfterMs(header: (name: string) => string | null, nowMs: number = Date.now()): number | undefined {
    const retryAfter = header("retry-after")?.trim();
    if (retryAfter) {
        const seconds = Number(retryAfter);
        if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
        const date = Date.parse(retryAfter);
        if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
    }
    const count = Number(header("inin-ratelimit-count"));
    const allowed = Number(header("inin-ratelimit-allowed"));
    if (count > 0 && allowed > 0 && count < allowed) return undefined;
    const resetText = header("inin-ratelimit-reset")?.trim();
    const reset = resetText ? Number(resetText) : NaN;
    return Number.isFinite(reset) && reset >= 0 ? Math.round(reset * 1000) : undefined;
}

/**
 * Runs `attempt` until it succeeds, a failure is final, retries run out or the deadline would pass. `attempt`
 * receives the 1-based attempt number and the deadline (on the `now` clock) to bound its own timeouts. Failures
 * that end the retrying are GenesysApiErrors that say how many attempts were made and why they stopped.
 */
export async function withRetries<T>(
    attempt: (attemptNumber: number, deadlineAt: number) => Promise<T>,
    options: RetryOptions,
    onRetry?: (error: GenesysApiError, delayMs: number) => void,
): Promise<T> {
    const now = options.now ?? Date.now;
    const deadlineAt = now() + options.deadlineMs;
    const retries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    return pRetry((attemptNumber) => attempt(attemptNumber, deadlineAt), {
        retries,
        // The waits are chosen per failure in onFailedAttempt (Retry-After, backoff); p-retry's own timer stays at 0.
        minTimeout: 0,
        maxTimeout: 0,
        factor: 1,
        onFailedAttempt: async (failure) => {
            if (!(failure instanceof GenesysApiError)) throw failure;
            // The attempt may count more HTTP sends than p-retry attempts (a 401 answered with a fresh token).
            failure.attempts = Math.max(failure.attempts, failure.attemptNumber);
            const decision = decideRetry(failure, failure.attemptNumber, options);
            if (!decision.retry) throw decision.why ? failure.gaveUp(decision.why) : failure;
            if (failure.retriesLeft === 0) throw failure.gaveUp(`retry limit of ${retries} reached`);
            if (now() + decision.delayMs >= deadlineAt) {
                throw failure.gaveUp(`deadline of ${formatSeconds(options.deadlineMs)} reached`);
            }
            onRetry?.(failure, decision.delayMs);
            await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
        },
    });
}

function formatSeconds(ms: number): string {
    return `${Number((ms / 1000).toFixed(3))} s`;
}
