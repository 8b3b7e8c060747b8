import { test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator, DEFAULT_CLIENT_ID } from "./index";
import { basicAuth, call, manualClock, requestToken, tokenFor, validPolicy, readJson } from "../test/emulatorClient";

const POLICIES = "/api/v2/recording/policies";

test("client credentials grant issues a bearer token with the configured lifetime", async (t) => {
    const emulator = await startEmulator({ tokenTtlSeconds: 3600 });
    t.after(() => emulator.stop());
    const res = await requestToken(emulator.url);
    assert.equal(res.status, 200);
    assert.equal(res.body.token_type, "bearer");
    assert.equal(res.body.expires_in, 3600);
    assert.equal(typeof res.body.access_token, "string");
    assert.equal((await call(emulator.url, res.body.access_token, "GET", POLICIES)).status, 200);
    assert.equal(emulator.stats().tokensIssued, 1);
});

test("bad credentials get 401 invalid_client without saying which part was wrong", async (t) => {
    const emulator = await startEmulator({
        clients: [{ clientId: "other", clientSecret: "other-secret", scopes: [] }],
    });
    t.after(() => emulator.stop());
    const wrongSecret = await requestToken(emulator.url, DEFAULT_CLIENT_ID, "nope");
    const unknownClient = await requestToken(emulator.url, "ghost", "nope");
    for (const res of [wrongSecret, unknownClient]) {
        assert.equal(res.status, 401);
        assert.equal(res.body.error, "invalid_client");
        assert.equal(typeof res.body.description, "string");
        assert.equal(res.body.error_description, res.body.description);
    }
    assert.equal(wrongSecret.body.description, unknownClient.body.description);
    assert.equal((await requestToken(emulator.url, "other", "other-secret")).status, 200);
});

test("token endpoint requires Basic auth and the client_credentials grant", async (t) => {
    const emulator = await startEmulator();
    t.after(() => emulator.stop());
    const noAuth = await fetch(`${emulator.url}/oauth/token`, {
        method: "POST",
        body: "grant_type=client_credentials",
    });
    assert.equal(noAuth.status, 401);
    assert.equal((await readJson(noAuth)).error, "invalid_client");
    const wrongGrant = await fetch(`${emulator.url}/oauth/token`, {
        method: "POST",
        headers: {
            authorization: basicAuth("genesys-emulator", "genesys-emulator-secret"),
            "content-type": "application/x-www-form-urlencoded",
        },
        body: "grant_type=password",
    });
    assert.equal(wrongGrant.status, 400);
    assert.equal((await readJson(wrongGrant)).error, "unsupported_grant_type");
    assert.equal(emulator.stats().tokensIssued, 0);
});

test("API calls without, with a garbage, or with an expired token get 401 in the error body", async (t) => {
    const clock = manualClock();
    const emulator = await startEmulator({ tokenTtlSeconds: 60, now: clock.now });
    t.after(() => emulator.stop());
    const missing = await call(emulator.url, undefined, "GET", POLICIES);
    assert.equal(missing.status, 401);
    assert.equal(missing.body.code, "authentication.required");
    assert.equal(missing.body.status, 401);
    assert.equal((await call(emulator.url, "not-a-token", "GET", POLICIES)).body.code, "bad.credentials");

    const token = await tokenFor(emulator.url);
    clock.advance(59_000);
    assert.equal((await call(emulator.url, token, "GET", POLICIES)).status, 200);
    clock.advance(1_000);
    const expired = await call(emulator.url, token, "GET", POLICIES);
    assert.equal(expired.status, 401);
    assert.equal(expired.body.code, "bad.credentials");
});

test("revoking tokens, in process or through the admin endpoint, makes every issued token 401", async (t) => {
    const emulator = await startEmulator();
    t.after(() => emulator.stop());
    const first = await tokenFor(emulator.url);
    emulator.revokeTokens();
    assert.equal((await call(emulator.url, first, "GET", POLICIES)).status, 401);

    const second = await tokenFor(emulator.url);
    assert.equal((await call(emulator.url, second, "GET", POLICIES)).status, 200);
    const revoke = await fetch(`${emulator.url}/__emulator/revoke-tokens`, { method: "POST" });
    assert.equal(revoke.status, 204);
    assert.equal((await call(emulator.url, second, "GET", POLICIES)).status, 401);
    assert.equal((await call(emulator.url, await tokenFor(emulator.url), "GET", POLICIES)).status, 200);
});

test("a client without a scope gets 403 naming the missing scope", async (t) => {
    const emulator = await startEmulator({
        clients: [{ clientId: "reader", clientSecret: "reader-secret", scopes: ["recording:read"] }],
    });
    t.after(() => emulator.stop());
    const token = await tokenFor(emulator.url, "reader", "reader-secret");
    assert.equal((await call(emulator.url, token, "GET", POLICIES)).status, 200);
    const denied = await call(emulator.url, token, "POST", POLICIES, validPolicy());
    assert.equal(denied.status, 403);
    assert.equal(denied.body.code, "missing.any.permissions");
    assert.match(denied.body.message, /recording:write/);
    assert.deepEqual(Object.values(denied.body.messageParams), ["recording:write"]);
    assert.equal((await call(emulator.url, token, "DELETE", `${POLICIES}/abc`)).status, 403);
});

test("client configuration is checked at start", async () => {
    await assert.rejects(
        startEmulator({ clients: [{ clientId: "x", clientSecret: "y", scopes: ["recording:admin"] }] }),
        /unknown scopes recording:admin/,
    );
    await assert.rejects(
        startEmulator({ clients: [{ clientId: DEFAULT_CLIENT_ID, clientSecret: "y", scopes: [] }] }),
        /configured twice/,
    );
    await assert.rejects(startEmulator({ tokenTtlSeconds: 0 }), /tokenTtlSeconds/);
});
