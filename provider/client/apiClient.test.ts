import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { ApiClient, type ClientOptions } from "./apiClient";
import { GenesysApiError } from "./apiError";
import { ScriptedServer, TEST_CLIENT_SECRET, errorBody, type Reply } from "../../test/scriptedServer";

let server: ScriptedServer;
before(async () => {
    server = await ScriptedServer.start();
});
after(() => server.close());
beforeEach(() => {
    server.requests.length = 0;
    server.tokenRequests.length = 0;
    server.api = () => ({ status: 200, body: {} });
});

// Effectively unlimited rate and 1 ms backoff keep these tests about behaviour, not waiting.
function client(options: ClientOptions = {}): ApiClient {
    return new ApiClient(server.config(), { rateLimitPerMinute: 1e9, minRetryDelayMs: 1, ...options });
}

/** Answers with `replies` in order, then repeats the last one. */
function sequence(...replies: Reply[]) {
    return (_request: unknown, index: number) => replies[Math.min(index, replies.length - 1)];
}

async function rejection(promise: Promise<unknown>): Promise<GenesysApiError> {
    try {
        await promise;
    } catch (error) {
        assert.ok(error instanceof GenesysApiError, `expected GenesysApiError, got ${String(error)}`);
        return error;
    }
    assert.fail("expected the call to fail");
}

test("sends bearer token, JSON body and query; returns body, correlation id and attempts", async () => {
    server.api = () => ({ status: 200, body: { id: "p1", version: 1 }, headers: { "ININ-Correlation-Id": "corr-9" } });
    const api = client();
    const result = await api.request<{ id: string }>("POST", "/api/v2/recording/policies", {
        body: { name: "n" },
        query: { expand: "all", skip: undefined, limit: 5 },
    });
    assert.deepEqual(result, { status: 200, body: { id: "p1", version: 1 }, correlationId: "corr-9", attempts: 1 });
    const [request] = server.requests;
    assert.equal(request.method, "POST");
    assert.equal(request.path, "/api/v2/recording/policies");
    assert.equal(request.query.toString(), "expand=all&limit=5");
    assert.equal(request.headers.authorization, "Bearer token-1");
    assert.equal(request.headers.accept, "application/json");
    assert.equal(request.headers["content-type"], "application/json");
    assert.deepEqual(JSON.parse(request.body), { name: "n" });
    assert.equal(api.stats.requests, 1);
});

test("get/put/delete helpers use the right verbs; 204 and empty bodies read as undefined", async () => {
    server.api = (request) =>
        request.method === "DELETE" ? { status: 204 } : { status: 200, body: { method: request.method } };
    const api = client();
    assert.deepEqual(await api.get("/api/v2/webhooks/a%2Fb"), { method: "GET" });
    assert.deepEqual(await api.put("/api/v2/webhooks/w1", { name: "x" }), { method: "PUT" });
    assert.equal(await api.delete("/api/v2/webhooks/w1"), undefined);
    assert.equal(server.requests[0].path, "/api/v2/webhooks/a%2Fb", "encoded ids are sent as given");
    assert.equal(server.requests[0].headers["content-type"], undefined, "no Content-Type without a body");
});

test("16 concurrent calls share one token", async () => {
    const api = client();
    await Promise.all(Array.from({ length: 16 }, (_, i) => api.get(`/api/v2/items/${i}`)));
    assert.equal(server.tokenRequests.length, 1);
    assert.equal(api.stats.tokensFetched, 1);
    assert.equal(api.stats.requests, 16);
});

test("a 401 refreshes the token once and retries once", async () => {
    server.api = (request) =>
        request.headers.authorization === "Bearer token-1"
            ? errorBody(401, "bad.credentials", "expired")
            : { status: 200, body: { ok: true } };
    const api = client();
    const result = await api.request("GET", "/api/v2/x");
    assert.deepEqual(result.body, { ok: true });
    assert.equal(result.attempts, 2);
    assert.equal(api.stats.tokensFetched, 2);
    assert.equal(api.stats.retries, 1);
});

test("concurrent 401s with the same stale token cost one refresh", async () => {
    server.api = (request) =>
        request.headers.authorization === "Bearer token-1"
            ? errorBody(401, "bad.credentials", "expired")
            : { status: 200, body: {} };
    const api = client();
    await Promise.all(Array.from({ length: 16 }, () => api.get("/api/v2/x")));
    assert.equal(server.tokenRequests.length, 2);
});

test("a second 401 surfaces instead of looping", async () => {
    server.api = () => errorBody(401, "bad.credentials", "Invalid login credentials.");
    const api = client();
    const error = await rejection(api.get("/api/v2/x"));
    assert.equal(error.status, 401);
    assert.equal(error.attempts, 2);
    assert.match(error.message, /freshly fetched token too/);
    assert.equal(server.requests.length, 2);
    assert.equal(server.tokenRequests.length, 2);
});

test("429 with Retry-After waits that long, then succeeds", async () => {
    server.api = sequence(
        {
            status: 429,
            headers: { "Retry-After": "1" },
            body: { code: "too.many.requests.retry.after", message: "slow down" },
        },
        { status: 200, body: { ok: true } },
    );
    const api = client();
    const result = await api.request("GET", "/api/v2/x");
    assert.equal(result.attempts, 2);
    assert.equal(api.stats.throttled, 1);
    assert.ok(server.requests[1].at - server.requests[0].at >= 990, "the retry honoured Retry-After");
});

test("429 with only inin-ratelimit-reset waits for the reset", async () => {
    server.api = sequence(
        { status: 429, headers: { "inin-ratelimit-reset": "1" }, body: {} },
        { status: 200, body: {} },
    );
    const api = client();
    assert.equal((await api.request("GET", "/api/v2/x")).attempts, 2);
    assert.ok(server.requests[1].at - server.requests[0].at >= 990);
});

test("429 without either header backs off and retries; a create is retried too", async () => {
    server.api = sequence({ status: 429, body: {} }, { status: 429, body: {} }, { status: 201, body: { id: "new" } });
    const api = client();
    const result = await api.request("POST", "/api/v2/webhooks", { body: { name: "w" } });
    assert.equal(result.status, 201);
    assert.equal(result.attempts, 3);
    assert.equal(api.stats.throttled, 2);
});

test("5xx is retried; 501 is not", async () => {
    server.api = sequence(
        errorBody(503, "service.unavailable", "busy"),
        errorBody(500, "internal.server.error", "oops"),
        { status: 200, body: {} },
    );
    const api = client();
    assert.equal((await api.request("GET", "/api/v2/x")).attempts, 3);
    assert.equal(api.stats.retries, 2);

    server.requests.length = 0;
    server.api = () => errorBody(501, "not.implemented", "no");
    const error = await rejection(api.get("/api/v2/x"));
    assert.equal(error.status, 501);
    assert.equal(server.requests.length, 1);
});

test("400/403/404/409/413 are not retried and the error carries the platform's fields", async () => {
    const api = client();
    for (const status of [400, 403, 404, 409, 413]) {
        server.requests.length = 0;
        server.api = () => errorBody(status, `code.${status}`, `message ${status}`);
        const error = await rejection(api.put("/api/v2/recording/policies/abc", { version: 3 }));
        assert.equal(server.requests.length, 1, `${status} sent once`);
        assert.equal(error.status, status);
        assert.equal(error.code, `code.${status}`);
        assert.equal(error.contextId, `ctx-code.${status}`);
        assert.equal(error.ambiguous, false);
        assert.equal(error.method, "PUT");
        assert.equal(error.path, "/api/v2/recording/policies/abc");
    }
});

test("the error message reads like the platform's answer, with field details", async () => {
    server.api = () =>
        errorBody(400, "bad.request", "The request could not be understood", {
            details: [
                { errorCode: "required", fieldName: "name" },
                { errorCode: "range", fieldName: "retentionDays" },
            ],
        });
    const error = await rejection(client().post("/api/v2/recording/policies", { retentionDays: -1 }));
    assert.deepEqual(error.details, [
        { errorCode: "required", fieldName: "name" },
        { errorCode: "range", fieldName: "retentionDays" },
    ]);
    assert.equal(
        error.message,
        "POST /api/v2/recording/policies failed: 400 bad.request — The request could not be understood (contextId ctx-bad.request); " +
            "fields: name (required), retentionDays (range)",
    );

    server.api = () => errorBody(409, "version.mismatch", "Version 3 is not current");
    const conflict = await rejection(client().put("/api/v2/recording/policies/abc", {}));
    assert.match(
        conflict.message,
        /^PUT \/api\/v2\/recording\/policies\/abc failed: 409 version.mismatch — Version 3 is not current \(contextId ctx-version.mismatch\)$/,
    );
});

test("a 403 names the missing scope and how to fix it", async () => {
    server.api = () =>
        errorBody(403, "missing.any.scopes", "The OAuth client is missing the scope recording:write for this request");
    const error = await rejection(client().post("/api/v2/recording/policies", {}));
    assert.equal(error.missingScope, "recording:write");
    assert.match(error.message, /the OAuth client lacks the scope recording:write: add it to the client's role/);

    server.api = () =>
        errorBody(403, "missing.scopes", "Forbidden", { messageParams: { scope: "routing:strategy:write" } });
    assert.equal((await rejection(client().get("/api/v2/x"))).missingScope, "routing:strategy:write");
});

test("a 403 of the platform names the permission the OAuth client's roles lack and how to grant it", async () => {
    server.api = () =>
        errorBody(
            403,
            "missing.permissions",
            "Unable to perform the requested action. You are missing the following permission(s): [architect:datatable:add]",
        );
    const error = await rejection(client().post("/api/v2/flows/datatables", {}));
    assert.equal(error.missingScope, undefined);
    assert.deepEqual(error.missingPermissions, { permissions: ["architect:datatable:add"], anyOf: false });
    assert.match(
        error.message,
        /the roles of the OAuth client \(genesys:clientId\) lack the permission architect:datatable:add: in Genesys Cloud, add it to a role .* assign that role to the OAuth client/,
    );

    server.api = () =>
        errorBody(403, "missing.any.permissions", "Unable to perform the requested action.", {
            messageParams: { permissions: "architect:datatable:view, architect:datatableRow:view" },
        });
    const either = await rejection(client().get("/api/v2/flows/datatables/t/rows"));
    assert.deepEqual(either.missingPermissions, {
        permissions: ["architect:datatable:view", "architect:datatableRow:view"],
        anyOf: true,
    });
    assert.match(
        either.message,
        /lack all of the permissions .* \(one of them is enough\): in Genesys Cloud, add one of them/,
    );
});

test("a create that gets a 5xx or loses its connection is ambiguous and not retried", async () => {
    for (const reply of [errorBody(500, "internal.server.error", "oops"), "drop" as const]) {
        server.requests.length = 0;
        server.api = () => reply;
        const error = await rejection(client().post("/api/v2/recording/policies", { name: "p" }));
        assert.equal(error.ambiguous, true);
        assert.equal(server.requests.length, 1);
        assert.match(error.message, /may have applied this request/);
    }
});

test("idempotent writes and reads are retried after a lost connection", async () => {
    server.api = sequence("drop", errorBody(502, "bad.gateway", "gw"), { status: 200, body: { ok: 1 } });
    assert.equal((await client().request("PUT", "/api/v2/recording/storage/targets/t1", { body: {} })).attempts, 3);
    server.requests.length = 0;
    server.api = sequence("drop", { status: 200, body: {} });
    assert.equal((await client().request("GET", "/api/v2/x")).attempts, 2);
});

test("a per-request timeout aborts the attempt; a timed-out create is ambiguous", async () => {
    server.api = sequence("hang", { status: 200, body: { ok: true } });
    const read = await client({ requestTimeoutMs: 50 }).request("GET", "/api/v2/x");
    assert.equal(read.attempts, 2);

    server.requests.length = 0;
    server.api = () => "hang";
    const error = await rejection(client({ requestTimeoutMs: 50 }).post("/api/v2/webhooks", {}));
    assert.equal(error.status, 0);
    assert.equal(error.code, "timeout");
    assert.equal(error.ambiguous, true);
    assert.equal(server.requests.length, 1);
    assert.match(error.message, /POST \/api\/v2\/webhooks failed: no response — no response within 50 ms/);
});

test("the deadline stops retries", async () => {
    server.api = () => errorBody(503, "service.unavailable", "busy");
    // Backoffs of 20, 40, 80 … ms reach 2 s after about 7 attempts, well before the limit of 10; a deadline that a
    // loaded machine's token fetch could use up alone would end the call with no response instead.
    const error = await rejection(client({ deadlineMs: 2000, minRetryDelayMs: 20 }).get("/api/v2/x"));
    assert.equal(error.status, 503);
    assert.match(error.message, /gave up after \d+ attempts: deadline of 2 s reached/);
    assert.ok(error.attempts >= 2 && error.attempts === server.requests.length);
    assert.ok(server.requests.length < 11, "stopped by the deadline, not the retry limit");
});

test("secrets never appear in errors", async () => {
    const webhookSecret = "whsec-Top-Secret-77";
    server.api = () =>
        errorBody(400, "bad.request", "invalid webhook", { details: [{ errorCode: "invalid", fieldName: "secret" }] });
    const api = client();
    const error = await rejection(api.post("/api/v2/webhooks", { name: "w", secret: webhookSecret }));
    for (const text of [error.message, error.stack ?? "", JSON.stringify(error)]) {
        assert.ok(!text.includes(webhookSecret));
        assert.ok(!text.includes(TEST_CLIENT_SECRET));
        assert.ok(!text.includes("token-1"), "nor the bearer token");
    }

    const refused = await rejection(
        new ApiClient(server.config({ clientSecret: "nope-Secret-5" }), { minRetryDelayMs: 1 }).get("/api/v2/x"),
    );
    assert.equal(refused.status, 401);
    assert.equal(refused.code, "invalid_client");
    assert.match(refused.message, /refused the OAuth client credentials/);
    assert.ok(!refused.message.includes("nope-Secret-5"));
    assert.equal(server.tokenRequests.length, 2, "one per client; a refusal is not retried");
});

test("bad options and paths are refused with the fix", async () => {
    assert.throws(
        () => new ApiClient(server.config(), { deadlineMs: -1 }),
        /ApiClient option deadlineMs must be a positive number, got -1/,
    );
    await assert.rejects(client().get("api/v2/x"), /must start with "\/"/);
    await assert.rejects(client().get("/api/v2/webhooks/../users"), /encode ids with encodeURIComponent/);
    await assert.rejects(
        client().get("https://elsewhere.example/api/v2/x"),
        /Refusing to call https:\/\/elsewhere.example/,
    );
    assert.equal(server.requests.length, 0);
});

test("an unreachable platform fails with a network error that is not ambiguous (nothing was sent)", async () => {
    const closed = await ScriptedServer.start();
    const config = closed.config();
    await closed.close();
    const error = await rejection(
        new ApiClient(config, { minRetryDelayMs: 1, deadlineMs: 200 }).post("/api/v2/webhooks", {}),
    );
    assert.equal(error.status, 0);
    assert.equal(error.code, "ECONNREFUSED");
    assert.equal(error.ambiguous, false);
    assert.ok(error.attempts > 1, "connection refusals are retried");
    assert.match(error.message, /failed: no response — ECONNREFUSED/);
});
