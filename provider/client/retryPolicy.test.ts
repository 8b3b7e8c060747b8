import { test } from "node:test";
import assert from "node:assert/strict";
import { GenesysApiError } from "./apiError";
import { backoffMs, decideRetry, retryAfterMs, withRetries, type RetryOptions } from "./retryPolicy";

const options: RetryOptions = { deadlineMs: 10_000, minRetryDelayMs: 100, idempotent: true, random: () => 1 };

function failure(
    status: number,
    extra: Partial<ConstructorParameters<typeof GenesysApiError>[0]> = {},
): GenesysApiError {
    return new GenesysApiError({ method: "GET", path: "/api/v2/x", status, reason: "r", ambiguous: false, ...extra });
}

test("429 is retried after Retry-After, even for a create", () => {
    const throttled = failure(429, { method: "POST", retryAfterMs: 7000 });
    assert.deepEqual(decideRetry(throttled, 1, { ...options, idempotent: false }), { retry: true, delayMs: 7000 });
    assert.deepEqual(decideRetry(failure(429), 3, options), { retry: true, delayMs: 400 }, "no header: backoff");
});

test("5xx (except 501), 408 and network errors are retried with backoff", () => {
    for (const status of [500, 502, 503, 504, 408])
        assert.equal(decideRetry(failure(status), 1, options).retry, true, String(status));
    assert.equal(decideRetry(failure(0, { code: "ECONNRESET" }), 1, options).retry, true);
    assert.equal(decideRetry(failure(0, { code: "timeout" }), 1, options).retry, true);
    assert.equal(decideRetry(failure(501), 1, options).retry, false);
    assert.equal(
        decideRetry(failure(0, { code: "ENOTFOUND" }), 1, options).retry,
        false,
        "an unknown host will not appear",
    );
});

test("client errors are final", () => {
    for (const status of [400, 401, 403, 404, 409, 413])
        assert.equal(decideRetry(failure(status), 1, options).retry, false, String(status));
    assert.equal(decideRetry(new Error("bug"), 1, options).retry, false);
});

test("an ambiguous failure of a create is not retried; an unambiguous one is", () => {
    const create = { ...options, idempotent: false };
    const lost = decideRetry(failure(503, { method: "POST", ambiguous: true }), 1, create);
    assert.equal(lost.retry, false);
    assert.match(lost.retry ? "" : (lost.why ?? ""), /duplicate/);
    assert.equal(
        decideRetry(failure(0, { method: "POST", code: "ECONNREFUSED", ambiguous: false }), 1, create).retry,
        true,
    );
    assert.equal(
        decideRetry(failure(503, { method: "PUT", ambiguous: true }), 1, options).retry,
        true,
        "PUT is idempotent",
    );
});

test("backoff doubles per attempt, is capped and jittered between 50 and 100 %", () => {
    assert.deepEqual(
        [1, 2, 3, 4].map((a) => backoffMs(a, { ...options, random: () => 1 })),
        [100, 200, 400, 800],
    );
    assert.equal(backoffMs(1, { ...options, random: () => 0 }), 50);
    assert.equal(backoffMs(30, { ...options, maxRetryDelayMs: 5000 }), 5000);
});

test("Retry-After is read as seconds or an HTTP date, else inin-ratelimit-reset", () => {
    const headers = (values: Record<string, string>) => (name: string) => values[name] ?? null;
    assert.equal(retryAfterMs(headers({ "retry-after": "3" })), 3000);
    assert.equal(retryAfterMs(headers({ "retry-after": "0.25" })), 250);
    const now = Date.parse("2030-01-01T00:00:00Z");
    assert.equal(retryAfterMs(headers({ "retry-after": "Tue, 01 Jan 2030 00:00:05 GMT" }), now), 5000);
    assert.equal(retryAfterMs(headers({ "inin-ratelimit-reset": "2" })), 2000);
    assert.equal(retryAfterMs(headers({ "retry-after": "soon", "inin-ratelimit-reset": "4" })), 4000);
    assert.equal(retryAfterMs(headers({})), undefined);
    assert.equal(retryAfterMs(headers({ "inin-ratelimit-reset": "-1" })), undefined);
});

test("withRetries stops at the deadline and says so", async () => {
    let calls = 0;
    await assert.rejects(
        withRetries(
            async () => {
                calls += 1;
                throw failure(503);
            },
            { deadlineMs: 1000, minRetryDelayMs: 100, idempotent: true, random: () => 1 },
        ),
        (error: GenesysApiError) => {
            assert.match(error.message, /gave up after \d+ attempts: deadline of 1 s reached/);
            return true;
        },
    );
    // Waits of 100, 200, 400 ms fit in the second; the next (800) would not.
    assert.equal(calls, 4);
});

test("withRetries stops at the retry limit and passes final errors through untouched", async () => {
    let calls = 0;
    await assert.rejects(
        withRetries(
            async () => {
                calls += 1;
                throw failure(500);
            },
            { ...options, minRetryDelayMs: 1, maxRetries: 2 },
        ),
        /gave up after 3 attempts: retry limit of 2 reached/,
    );
    assert.equal(calls, 3);

    const bug = new RangeError("programming error");
    await assert.rejects(
        withRetries(async () => {
            throw bug;
        }, options),
        (error) => error === bug,
    );
    await assert.rejects(
        withRetries(async () => {
            throw failure(404);
        }, options),
        (error: GenesysApiError) => !/gave up/.test(error.message),
    );
});

test("withRetries returns the first success", async () => {
    let calls = 0;
    const retried: number[] = [];
    const value = await withRetries(
        async (attempt) => {
            calls += 1;
            if (attempt < 3) throw failure(502);
            return "ok";
        },
        { ...options, minRetryDelayMs: 1 },
        (_error, delay) => retried.push(delay),
    );
    assert.equal(value, "ok");
    assert.equal(calls, 3);
    assert.deepEqual(retried, [1, 2]);
});

test("a 429 while the window still has room is not told to wait for the window's reset", () => {
    const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null;
    assert.equal(
        retryAfterMs(
            headers({ "inin-ratelimit-reset": "45", "inin-ratelimit-count": "3", "inin-ratelimit-allowed": "300" }),
        ),
        undefined,
    );
    assert.equal(
        retryAfterMs(
            headers({ "inin-ratelimit-reset": "45", "inin-ratelimit-count": "300", "inin-ratelimit-allowed": "300" }),
        ),
        45_000,
    );
});
