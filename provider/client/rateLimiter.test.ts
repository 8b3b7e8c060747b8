import { test } from "node:test";
import assert from "node:assert/strict";
import { ApiClient } from "./apiClient";
import { guardedWindowMs, RateLimiter, type Clock } from "./rateLimiter";
import nodeFetch from "node-fetch";
import { ScriptedServer, type Reply, type SeenRequest } from "../../test/scriptedServer";

/**
 * Time moves only when the limiter sleeps, so spacing and throughput are exact and independent of machine load.
 * Sleeping first lets pending callbacks run, as real time would, so callers record the instant they were let through.
 */
function virtualClock(): Clock {
    let now = 0;
    return {
        now: () => now,
        sleep: async (ms) => {
            await new Promise((resolve) => setImmediate(resolve));
            now += ms;
        },
    };
}

/** Largest number of `times` inside any half-open window [t, t + windowMs). */
function busiestWindow(times: number[], windowMs: number): number {
    const sorted = [...times].sort((a, b) => a - b);
    let best = 0;
    for (let i = 0, j = 0; i < sorted.length; i++) {
        while (sorted[j] < sorted[i] - windowMs + 1e-9) j++;
        best = Math.max(best, i - j + 1);
    }
    return best;
}

async function runWorkers(limiter: RateLimiter, clock: Clock, workers: number, perWorker: number) {
    const sends: { at: number; worker: number }[] = [];
    await Promise.all(
        Array.from({ length: workers }, async (_, worker) => {
            for (let i = 0; i < perWorker; i++) {
                await limiter.acquire();
                sends.push({ at: clock.now(), worker });
            }
        }),
    );
    return sends;
}

test("16 concurrent workers never exceed the limit in any window and keep the budget full", async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ limit: 100, windowMs: 1000, clock });
    const sends = await runWorkers(limiter, clock, 16, 40);
    const times = sends.map((s) => s.at);

    assert.equal(sends.length, 640);
    assert.ok(
        busiestWindow(times, guardedWindowMs(1000)) <= 100,
        `busiest window ${busiestWindow(times, guardedWindowMs(1000))}`,
    );
    // Full: the k-th hundred leaves as soon as the k-th window opens, so no budget is left unused while anyone waits.
    for (const [j, at] of times.entries())
        assert.ok(at <= Math.floor(j / 100) * guardedWindowMs(1000), `send ${j} at ${at}`);
});

test("the budget is shared fairly: every worker advances at the same pace", async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ limit: 60, windowMs: 1000, clock });
    const sends = await runWorkers(limiter, clock, 16, 10);
    for (const prefix of [16, 48, 96, 160]) {
        const perWorker = new Map<number, number>();
        for (const { worker } of sends.slice(0, prefix)) perWorker.set(worker, (perWorker.get(worker) ?? 0) + 1);
        const counts = [...perWorker.values()];
        assert.equal(perWorker.size, 16, `all workers served within the first ${prefix}`);
        assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `uneven after ${prefix}: ${counts}`);
    }
});

test("within the budget nothing waits; past it, the next request waits for the first to leave the window", async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ limit: 10, windowMs: 1000, clock });
    await limiter.acquire();
    await clock.sleep(5000);
    const before = clock.now();
    for (let i = 0; i < 10; i++) await limiter.acquire();
    assert.equal(clock.now(), before, "a stack smaller than the budget is not slowed at all");
    await limiter.acquire();
    assert.equal(clock.now(), before + guardedWindowMs(1000));
});

test("late timers do not cost throughput, and still never break the cap", async () => {
    const exact = virtualClock();
    // Every sleep overshoots by 3 ms, as busy event loops do.
    const late: Clock = { now: exact.now, sleep: (ms) => exact.sleep(ms + 3) };
    const limiter = new RateLimiter({ limit: 50, windowMs: 1000, clock: late });
    const times = (await runWorkers(limiter, late, 16, 20)).map((s) => s.at);
    // Each window's budget still leaves together, late only by the one overshoot of the wait for it.
    for (const [j, at] of times.entries())
        assert.ok(at <= Math.floor(j / 50) * (guardedWindowMs(1000) + 3), `send ${j} at ${at}`);
    assert.ok(busiestWindow(times, guardedWindowMs(1000)) <= 50);
});

test("inin-ratelimit-allowed adapts the pace; an explicit limit stays a ceiling", async () => {
    const clock = virtualClock();
    const adaptive = new RateLimiter({ limit: 100, windowMs: 1000, clock });
    adaptive.observeAllowed(20);
    assert.equal(adaptive.limit, 20);
    const sends = await runWorkers(adaptive, clock, 4, 15);
    assert.ok(
        busiestWindow(
            sends.map((s) => s.at),
            1000,
        ) <= 20,
    );
    adaptive.observeAllowed(500);
    assert.equal(adaptive.limit, 500);

    const capped = new RateLimiter({ limit: 100, windowMs: 1000, clock, limitIsCeiling: true });
    capped.observeAllowed(500);
    assert.equal(capped.limit, 100);
    capped.observeAllowed(50);
    assert.equal(capped.limit, 50);
    capped.observeAllowed(Number.NaN);
    assert.equal(capped.limit, 50);
});

test("pauseFor holds every waiter until the pause ends", async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ limit: 1000, windowMs: 1000, clock });
    limiter.pauseFor(750);
    const start = clock.now();
    await Promise.all([limiter.acquire(), limiter.acquire()]);
    assert.ok(clock.now() - start >= 750);
});

test("a non-positive limit is refused with the reason", () => {
    assert.throws(() => new RateLimiter({ limit: 0 }), /Rate limit must be a positive number of requests, got 0/);
});

/**
 * The client's fetch, stamping each request with the virtual instant the client sent it: the server judges windows
 * by that instant, so a request's time in flight over loopback never moves it into another window.
 */
function stampedFetch(clock: Clock): typeof nodeFetch {
    return ((url: string, init: { headers?: Record<string, string> } = {}) =>
        nodeFetch(url, {
            ...init,
            headers: { ...init.headers, "x-sent-at": String(clock.now()) },
        })) as typeof nodeFetch;
}

const sentAt = (request: SeenRequest) => Number(request.headers["x-sent-at"]);

test("through the client, the server never sees more than the limit per window", async () => {
    const server = await ScriptedServer.start();
    try {
        const windowMs = 1000;
        const limit = 10;
        const clock = virtualClock();
        const seen: number[] = [];
        // The server refuses a request that would put more than the limit in any window (the strictest reading of the
        // platform's budget, which counts fixed windows), judged by when requests were sent: they may arrive out of order.
        const accepted: number[] = [];
        server.api = (request): Reply => {
            const at = sentAt(request);
            seen.push(at);
            if (busiestWindow([...accepted.filter((t) => Math.abs(t - at) < windowMs), at], windowMs) > limit) {
                return {
                    status: 429,
                    headers: { "Retry-After": "1" },
                    body: { code: "too.many.requests.retry.after" },
                };
            }
            accepted.push(at);
            return { status: 200, body: { ok: true }, headers: { "inin-ratelimit-allowed": String(limit) } };
        };
        const client = new ApiClient(server.config(), {
            rateLimitPerMinute: limit,
            rateLimitWindowMs: windowMs,
            clock,
            fetch: stampedFetch(clock),
        });
        await Promise.all(
            Array.from({ length: 16 }, async () => {
                for (let i = 0; i < 2; i++) await client.get("/api/v2/ping");
            }),
        );
        assert.equal(server.requests.length, 32);
        assert.equal(client.stats.throttled, 0);
        assert.ok(busiestWindow(seen, windowMs) <= limit, `busiest window ${busiestWindow(seen, windowMs)}`);
        // Full, not over-conservative: the first window carries the whole budget.
        assert.equal(seen.filter((at) => at < windowMs).length, limit);
    } finally {
        await server.close();
    }
});

test("through the client, the platform's inin-ratelimit-allowed lowers the pace", async () => {
    const server = await ScriptedServer.start();
    try {
        const clock = virtualClock();
        const seen: number[] = [];
        server.api = (request) => {
            seen.push(sentAt(request));
            return { status: 200, body: {}, headers: { "inin-ratelimit-allowed": "5" } };
        };
        // No explicit limit: the default (300 per window) would send all 8 at once.
        const client = new ApiClient(server.config(), { rateLimitWindowMs: 1000, clock, fetch: stampedFetch(clock) });
        for (let i = 0; i < 8; i++) await client.get("/api/v2/ping");
        assert.equal(seen.length, 8);
        assert.ok(busiestWindow(seen, 1000) <= 5, `busiest window ${busiestWindow(seen, 1000)}`);
    } finally {
        await server.close();
    }
});
