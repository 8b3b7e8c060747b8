import { test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator } from "./index";
import { call, manualClock, tokenFor, validPolicy, readJson } from "../test/emulatorClient";

const POLICIES = "/api/v2/recording/policies";

test("latencyMs delays every API and token request by that long", async (t) => {
    const waits: number[] = [];
    const emulator = await startEmulator({ faults: { latencyMs: 40 }, sleep: async (ms) => void waits.push(ms) });
    t.after(() => emulator.stop());
    const token = await tokenFor(emulator.url);
    assert.equal((await call(emulator.url, token, "GET", POLICIES)).status, 200);
    assert.deepEqual(waits, [40, 40], "the token request and the API request each waited 40 ms");
    emulator.setFaults({ latencyMs: 0 });
    await call(emulator.url, token, "GET", POLICIES);
    assert.equal(waits.length, 2, "no wait once the fault is off");
});

test("share429 = 1 answers every request 429 with Retry-After; 0 turns it off", async (t) => {
    const emulator = await startEmulator();
    t.after(() => emulator.stop());
    const token = await tokenFor(emulator.url);
    emulator.setFaults({ share429: 1 });
    const res = await call(emulator.url, token, "GET", POLICIES);
    assert.equal(res.status, 429);
    assert.equal(res.body.code, "too.many.requests.retry.after");
    assert.ok(Number(res.headers.get("retry-after")) >= 1);
    emulator.setFaults({ share429: 0 });
    assert.equal((await call(emulator.url, token, "GET", POLICIES)).status, 200);
});

test("share5xx = 1 answers 503 before any write happens", async (t) => {
    const emulator = await startEmulator();
    t.after(() => emulator.stop());
    const token = await tokenFor(emulator.url);
    emulator.setFaults({ share5xx: 1 });
    const res = await call(emulator.url, token, "POST", POLICIES, validPolicy());
    assert.equal(res.status, 503);
    assert.equal(res.body.status, 503);
    emulator.setFaults({ share5xx: 0 });
    assert.equal((await call(emulator.url, token, "GET", POLICIES)).body.total, 0);
});

test("shareLostResponse = 1 commits the write but drops the connection", async (t) => {
    const emulator = await startEmulator();
    t.after(() => emulator.stop());
    const token = await tokenFor(emulator.url);
    emulator.setFaults({ shareLostResponse: 1 });
    await assert.rejects(call(emulator.url, token, "POST", POLICIES, validPolicy({ name: "orphan" })));
    assert.equal((await call(emulator.url, token, "GET", POLICIES)).status, 200, "reads are never lost");
    emulator.setFaults({ shareLostResponse: 0 });
    const found = await call(emulator.url, token, "GET", `${POLICIES}?name=orphan`);
    assert.equal(found.body.total, 1);
    assert.equal(emulator.stats().lostResponses, 1);
});

test("the same seed gives the same sequence of injected failures", async (t) => {
    async function statuses(seed: number): Promise<number[]> {
        const emulator = await startEmulator();
        t.after(() => emulator.stop());
        const token = await tokenFor(emulator.url);
        emulator.setFaults({ seed, share5xx: 0.5 });
        const result: number[] = [];
        for (let i = 0; i < 24; i++) result.push((await call(emulator.url, token, "GET", POLICIES)).status);
        return result;
    }
    const first = await statuses(7);
    assert.deepEqual(await statuses(7), first);
    assert.ok(first.includes(503));
    assert.notDeepEqual(await statuses(8), first);
});

test("readAfterWrite404Ms hides a freshly written object from GET until the window passes", async (t) => {
    const clock = manualClock();
    const emulator = await startEmulator({ now: clock.now, faults: { readAfterWrite404Ms: 500 } });
    t.after(() => emulator.stop());
    const token = await tokenFor(emulator.url);
    const { body: policy } = await call(emulator.url, token, "POST", POLICIES, validPolicy());
    const early = await call(emulator.url, token, "GET", `${POLICIES}/${policy.id}`);
    assert.equal(early.status, 404);
    assert.equal(early.body.code, "not.found");
    clock.advance(500);
    assert.equal((await call(emulator.url, token, "GET", `${POLICIES}/${policy.id}`)).status, 200);
    await call(emulator.url, token, "PUT", `${POLICIES}/${policy.id}`, validPolicy({ name: "renamed" }));
    assert.equal(
        (await call(emulator.url, token, "GET", `${POLICIES}/${policy.id}`)).status,
        404,
        "updates hide it again",
    );
});

test("admin endpoints read and change faults, reject bad knobs, and need no auth", async (t) => {
    const emulator = await startEmulator();
    t.after(() => emulator.stop());
    const put = await fetch(`${emulator.url}/__emulator/faults`, {
        method: "PUT",
        body: JSON.stringify({ share5xx: 0.25, latencyMs: 5 }),
    });
    assert.equal(put.status, 200);
    assert.equal((await readJson(put)).share5xx, 0.25);
    assert.equal(emulator.faults().latencyMs, 5);
    const got = await readJson(await fetch(`${emulator.url}/__emulator/faults`));
    assert.deepEqual(got, emulator.faults());

    const bad = await fetch(`${emulator.url}/__emulator/faults`, {
        method: "PUT",
        body: JSON.stringify({ share429: 2, shareOops: 1 }),
    });
    assert.equal(bad.status, 400);
    assert.deepEqual((await readJson(bad)).details.map((d: { fieldName: string }) => d.fieldName).sort(), [
        "share429",
        "shareOops",
    ]);
    assert.equal(emulator.faults().share429, 0, "a rejected patch changes nothing");
    assert.equal((await fetch(`${emulator.url}/__emulator/nope`)).status, 404);
    assert.throws(() => emulator.setFaults({ latencyMs: -1 }), /latencyMs must be an integer >= 0/);
});
