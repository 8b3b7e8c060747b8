import { test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator } from "./index";
import { call, manualClock, tokenFor } from "../test/emulatorClient";

const POLICIES = "/api/v2/recording/policies";

test("every response carries the rate-limit headers for its token", async (t) => {
    const emulator = await startEmulator({ rateLimitPerMinute: 50 });
    t.after(() => emulator.stop());
    const token = await tokenFor(emulator.url);
    const first = await call(emulator.url, token, "GET", POLICIES);
    const second = await call(emulator.url, token, "GET", `${POLICIES}/missing`);
    for (const res of [first, second]) {
        assert.equal(res.headers.get("inin-ratelimit-allowed"), "50");
        const reset = Number(res.headers.get("inin-ratelimit-reset"));
        assert.ok(reset >= 1 && reset <= 60);
    }
    assert.equal(first.headers.get("inin-ratelimit-count"), "1");
    assert.equal(second.headers.get("inin-ratelimit-count"), "2");
    assert.ok((await call(emulator.url, undefined, "GET", POLICIES)).headers.has("inin-ratelimit-count"));
});

test("over the limit a token gets 429 with Retry-After until its one-minute window resets", async (t) => {
    const clock = manualClock();
    const emulator = await startEmulator({ rateLimitPerMinute: 3, now: clock.now });
    t.after(() => emulator.stop());
    const token = await tokenFor(emulator.url);
    const other = await tokenFor(emulator.url);
    for (let i = 0; i < 3; i++) assert.equal((await call(emulator.url, token, "GET", POLICIES)).status, 200);

    clock.advance(20_000);
    const limited = await call(emulator.url, token, "GET", POLICIES);
    assert.equal(limited.status, 429);
    assert.equal(limited.body.code, "too.many.requests.retry.after");
    assert.equal(limited.headers.get("retry-after"), "40");
    assert.equal(limited.headers.get("inin-ratelimit-reset"), "40");
    assert.equal(limited.headers.get("inin-ratelimit-count"), "4");
    assert.equal(limited.headers.get("inin-correlation-id"), limited.body.contextId);

    assert.equal((await call(emulator.url, other, "GET", POLICIES)).status, 200, "limits are per token");
    clock.advance(40_000);
    const afterReset = await call(emulator.url, token, "GET", POLICIES);
    assert.equal(afterReset.status, 200);
    assert.equal(afterReset.headers.get("inin-ratelimit-count"), "1");
    assert.equal(emulator.stats().rateLimited, 1);
});

test("the limit can change at run time through faults", async (t) => {
    const emulator = await startEmulator();
    t.after(() => emulator.stop());
    const token = await tokenFor(emulator.url);
    assert.equal(emulator.faults().rateLimitPerMinute, 300);
    emulator.setFaults({ rateLimitPerMinute: 1 });
    assert.equal((await call(emulator.url, token, "GET", POLICIES)).status, 200);
    assert.equal((await call(emulator.url, token, "GET", POLICIES)).status, 429);
});
