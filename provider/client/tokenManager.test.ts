import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import fetch from "node-fetch";
import { GenesysApiError } from "./apiError";
import { ScriptedServer, TEST_CLIENT_SECRET } from "../../test/scriptedServer";
import { REFRESH_MARGIN_SECONDS, TokenManager } from "./tokenManager";

let server: ScriptedServer;
before(async () => {
    server = await ScriptedServer.start();
});
after(() => server.close());
beforeEach(() => {
    server.tokenRequests.length = 0;
});

function manager(now?: () => number, overrides = {}): TokenManager {
    return new TokenManager(server.config(overrides), { fetch, requestTimeoutMs: 5_000, now });
}

test("posts client credentials with Basic auth and a form body", async () => {
    const tokens = manager();
    assert.equal(await tokens.getToken(), "token-1");
    const [request] = server.tokenRequests;
    assert.equal(request.method, "POST");
    assert.equal(request.headers["content-type"], "application/x-www-form-urlencoded");
    assert.equal(request.body, "grant_type=client_credentials");
});

test("16 concurrent callers share one token request", async () => {
    const tokens = manager();
    const values = await Promise.all(Array.from({ length: 16 }, () => tokens.getToken()));
    assert.deepEqual(new Set(values), new Set(["token-1"]));
    assert.equal(server.tokenRequests.length, 1);
    assert.equal(tokens.tokensFetched, 1);
});

test(`the token is refreshed ${REFRESH_MARGIN_SECONDS} s before it expires`, async () => {
    let now = 1_000_000;
    const tokens = manager(() => now);
    assert.equal(await tokens.getToken(), "token-1");
    now += (86400 - REFRESH_MARGIN_SECONDS - 1) * 1000;
    assert.equal(await tokens.getToken(), "token-1");
    now += 2000;
    assert.equal(await tokens.getToken(), "token-2");
    assert.equal(tokens.tokensFetched, 2);
});

test("a token shorter-lived than the margin is reused for half its life instead of refetched every call", async () => {
    const original = server.token;
    server.token = () => ({
        status: 200,
        body: { access_token: `short-${server.tokenRequests.length}`, expires_in: 60 },
    });
    try {
        let now = 0;
        const tokens = manager(() => now);
        assert.equal(await tokens.getToken(), "short-1");
        now = 29_000;
        assert.equal(await tokens.getToken(), "short-1");
        now = 31_000;
        assert.equal(await tokens.getToken(), "short-2");
    } finally {
        server.token = original;
    }
});

test("invalidate with the refused token forces one refresh, however many callers report it", async () => {
    const tokens = manager();
    const refused = await tokens.getToken();
    tokens.invalidate(refused);
    const next = await tokens.getToken();
    tokens.invalidate(refused);
    assert.equal(await tokens.getToken(), next);
    assert.equal(tokens.tokensFetched, 2);
    tokens.invalidate();
    assert.notEqual(await tokens.getToken(), next);
});

test("refused credentials give a clear error that never contains the secret", async () => {
    const tokens = manager(undefined, { clientSecret: "wrong-secret-Kp2" });
    await assert.rejects(tokens.getToken(), (error: unknown) => {
        assert.ok(error instanceof GenesysApiError);
        assert.equal(error.status, 401);
        assert.equal(error.code, "invalid_client");
        assert.match(error.message, /refused the OAuth client credentials for client id test-client-id/);
        assert.match(error.message, /genesys:clientSecret/);
        for (const secret of [
            "wrong-secret-Kp2",
            TEST_CLIENT_SECRET,
            Buffer.from("test-client-id:wrong-secret-Kp2").toString("base64"),
        ]) {
            assert.ok(!error.message.includes(secret) && !(error.stack ?? "").includes(secret));
        }
        return true;
    });
    assert.equal(tokens.tokensFetched, 0);
});

test("refused credentials from the stack config say refresh and destroy use the recorded ones, and what to run", async () => {
    const tokens = manager(undefined, { clientSecret: "rotated-away", credentialsFrom: "stack config" });
    await assert.rejects(tokens.getToken(), (error: unknown) => {
        const message = (error as Error).message;
        assert.match(message, /came from the stack config genesys:clientId \/ genesys:clientSecret/);
        assert.match(message, /GENESYSCLOUD_OAUTHCLIENT_SECRET apply only where the stack config sets no secret/);
        assert.match(message, /run `pulumi up` to record the new secret/);
        assert.match(message, /`pulumi refresh --run-program` \/ `pulumi destroy --run-program`/);
        return true;
    });
});

test("refused credentials from the environment name the environment variables", async () => {
    const tokens = manager(undefined, { clientSecret: "rotated-away", credentialsFrom: "environment" });
    await assert.rejects(tokens.getToken(), (error: unknown) => {
        const message = (error as Error).message;
        assert.match(message, /came from GENESYSCLOUD_OAUTHCLIENT_ID \/ GENESYSCLOUD_OAUTHCLIENT_SECRET/);
        assert.doesNotMatch(message, /--run-program/);
        return true;
    });
});

test("a failed fetch is not cached: the next caller tries again", async () => {
    let fail = true;
    const original = server.token;
    server.token = (request, index) => (fail ? { status: 503, body: { message: "down" } } : original(request, index));
    try {
        const tokens = manager();
        await assert.rejects(tokens.getToken(), (error: GenesysApiError) => error.status === 503 && !error.ambiguous);
        fail = false;
        assert.match(await tokens.getToken(), /^token-/);
    } finally {
        server.token = original;
    }
});
