import { test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator, type RunningEmulator } from "../index";
import { call, tokenFor } from "../../test/emulatorClient";

const WEBHOOKS = "/api/v2/webhooks";
const SECRET = "webhook-signing-secret-0123";

function validWebhook(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        name: "External-DNS-Failover-Sync",
        targetUrl: "https://dns.example.com/hook",
        events: ["routing:strategy:updated", "routing.recording.storage.updated"],
        enabled: true,
        secret: SECRET,
        format: "application/json",
        headers: { "X-Event-Type": "architecture-failover" },
        ...overrides,
    };
}

async function setup(t: {
    after: (fn: () => Promise<void>) => void;
}): Promise<{ emulator: RunningEmulator; token: string }> {
    const emulator = await startEmulator();
    t.after(() => emulator.stop());
    return { emulator, token: await tokenFor(emulator.url) };
}

test("create, read, update and delete a webhook; the secret is stored but never returned", async (t) => {
    const { emulator, token } = await setup(t);
    const created = await call(emulator.url, token, "POST", WEBHOOKS, validWebhook());
    assert.equal(created.status, 200);
    assert.equal(created.body.version, 1);
    assert.deepEqual(created.body.headers, { "X-Event-Type": "architecture-failover" });
    assert.equal("secret" in created.body, false);
    const id = created.body.id;
    const read = await call(emulator.url, token, "GET", `${WEBHOOKS}/${id}`);
    assert.equal(JSON.stringify(read.body).includes(SECRET), false);
    const updated = await call(emulator.url, token, "PUT", `${WEBHOOKS}/${id}`, {
        ...validWebhook({ enabled: false, secret: undefined }),
        version: 1,
    });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.version, 2);
    assert.equal(
        (await call(emulator.url, token, "PUT", `${WEBHOOKS}/${id}`, { ...validWebhook(), version: 1 })).status,
        409,
    );
    assert.equal((await call(emulator.url, token, "DELETE", `${WEBHOOKS}/${id}`)).status, 204);
    assert.equal((await call(emulator.url, token, "GET", `${WEBHOOKS}/${id}`)).status, 404);
});

test("the page-based list filters by exact name", async (t) => {
    const { emulator, token } = await setup(t);
    await call(emulator.url, token, "POST", WEBHOOKS, validWebhook({ name: "one" }));
    await call(emulator.url, token, "POST", WEBHOOKS, validWebhook({ name: "two" }));
    const res = await call(emulator.url, token, "GET", `${WEBHOOKS}?name=two`);
    assert.equal(res.body.total, 1);
    assert.equal(res.body.entities[0].name, "two");
});

const RULES: [string, Record<string, unknown>, string][] = [
    ["name missing", { name: undefined }, "name"],
    ["targetUrl not https", { targetUrl: "http://dns.example.com" }, "targetUrl"],
    ["events empty", { events: [] }, "events"],
    ["event with two parts", { events: ["routing.updated"] }, "events"],
    ["event with mixed separators", { events: ["routing.strategy:updated"] }, "events"],
    ["events repeated", { events: ["a.b.c", "a.b.c"] }, "events"],
    ["enabled not boolean", { enabled: "yes" }, "enabled"],
    ["secret too short", { secret: "short" }, "secret"],
    ["format not json", { format: "text/xml" }, "format"],
    ["Authorization header", { headers: { Authorization: "Bearer x" } }, "headers"],
    ["host header in lowercase", { headers: { host: "evil" } }, "headers"],
    ["Content-Length header", { headers: { "Content-Length": "0" } }, "headers"],
    ["CR/LF in a header value", { headers: { "X-A": "a\r\nX-B: b" } }, "headers"],
    ["CR/LF in a header name", { headers: { "X-A\r\nX-B": "b" } }, "headers"],
];

for (const [rule, overrides, field] of RULES) {
    test(`400 names ${field} when ${rule}`, async (t) => {
        const { emulator, token } = await setup(t);
        const res = await call(emulator.url, token, "POST", WEBHOOKS, validWebhook(overrides));
        assert.equal(res.status, 400);
        assert.deepEqual([...new Set(res.body.details.map((d: { fieldName: string }) => d.fieldName))], [field]);
        assert.equal(res.body.message.includes("short"), false, "the secret is never quoted");
    });
}

test("every failure is reported at once", async (t) => {
    const { emulator, token } = await setup(t);
    const res = await call(
        emulator.url,
        token,
        "POST",
        WEBHOOKS,
        validWebhook({ targetUrl: "x", events: "a", format: 1, headers: { Host: "h" } }),
    );
    assert.deepEqual(res.body.details.map((d: { fieldName: string }) => d.fieldName).sort(), [
        "events",
        "format",
        "headers",
        "targetUrl",
    ]);
});
