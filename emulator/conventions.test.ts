import { test } from "node:test";
import assert from "node:assert/strict";
import * as http from "node:http";
import { startEmulator, type RunningEmulator, DEFAULT_CLIENT_SECRET } from "./index";
import { call, tokenFor, validPolicy, readJson } from "../test/emulatorClient";

const POLICIES = "/api/v2/recording/policies";

async function setup(
    t: { after: (fn: () => Promise<void>) => void },
    log?: (line: string) => void,
): Promise<{ emulator: RunningEmulator; token: string }> {
    const emulator = await startEmulator({ log });
    t.after(() => emulator.stop());
    return { emulator, token: await tokenFor(emulator.url) };
}

/** Sends a raw request path without the URL normalisation fetch applies (which would resolve `..`). */
function rawGet(url: string, rawPath: string, token: string): Promise<number> {
    return new Promise((resolve, reject) => {
        const req = http.request(
            `${url}/`,
            { method: "GET", path: rawPath, headers: { authorization: `Bearer ${token}` } },
            (res) => {
                res.resume();
                resolve(res.statusCode ?? 0);
            },
        );
        req.on("error", reject);
        req.end();
    });
}

test("every error carries the platform error body and its contextId as ININ-Correlation-Id", async (t) => {
    const { emulator, token } = await setup(t);
    const errors = [
        await call(emulator.url, undefined, "GET", POLICIES),
        await call(emulator.url, token, "GET", `${POLICIES}/nope`),
        await call(emulator.url, token, "POST", POLICIES, {}),
        await call(emulator.url, token, "GET", "/api/v2/unknown/thing"),
        await call(emulator.url, token, "PATCH", POLICIES, {}),
    ];
    assert.deepEqual(
        errors.map((e) => e.status),
        [401, 404, 400, 404, 405],
    );
    for (const res of errors) {
        assert.deepEqual(Object.keys(res.body).sort(), [
            "code",
            "contextId",
            "details",
            "errors",
            "message",
            "messageParams",
            "status",
        ]);
        assert.equal(res.body.status, res.status);
        assert.equal(res.headers.get("inin-correlation-id"), res.body.contextId);
    }
    assert.notEqual(errors[0].body.contextId, errors[1].body.contextId);
    const ok = await call(emulator.url, token, "GET", POLICIES);
    assert.match(ok.headers.get("inin-correlation-id") ?? "", /^[0-9a-f-]{36}$/);
});

test("malformed or empty JSON is a 400 naming the body", async (t) => {
    const { emulator, token } = await setup(t);
    for (const body of ['{"secret": "hunter2"', ""]) {
        const res = await fetch(`${emulator.url}${POLICIES}`, {
            method: "POST",
            headers: { authorization: `Bearer ${token}` },
            body,
        });
        const parsed = await readJson(res);
        assert.equal(res.status, 400);
        assert.deepEqual(
            parsed.details.map((d: { fieldName: string }) => d.fieldName),
            ["body"],
        );
        assert.equal(parsed.message.includes("hunter2"), false, "the body is not quoted back");
    }
    const array = await call(emulator.url, token, "POST", POLICIES, [validPolicy()]);
    assert.equal(array.status, 400);
});

test("bodies over 1 MiB get 413, declared or streamed, and nothing is created", async (t) => {
    const { emulator, token } = await setup(t);
    const huge = JSON.stringify(validPolicy({ description: "d".repeat(1024 * 1024) }));
    const declared = await fetch(`${emulator.url}${POLICIES}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: huge,
    });
    assert.equal(declared.status, 413);
    assert.equal((await readJson(declared)).code, "request.entity.too.large");

    const chunk = new Uint8Array(64 * 1024).fill(32);
    const stream = new ReadableStream({
        start(controller) {
            for (let i = 0; i < 40; i++) controller.enqueue(chunk);
            controller.close();
        },
    });
    const streamed = await fetch(`${emulator.url}${POLICIES}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: stream,
        duplex: "half",
    } as RequestInit);
    assert.equal(streamed.status, 413);
    await streamed.body?.cancel();

    const justUnder = JSON.stringify(validPolicy({ description: "d".repeat(1024 * 1024 - 400) }));
    assert.ok(Buffer.byteLength(justUnder) <= 1024 * 1024);
    assert.equal((await call(emulator.url, token, "POST", POLICIES, justUnder)).status, 200);
    assert.equal((await call(emulator.url, token, "GET", POLICIES)).body.total, 1);
});

test("ids that are not plain ids are refused, including encoded traversal", async (t) => {
    const { emulator, token } = await setup(t);
    const { body: policy } = await call(emulator.url, token, "POST", POLICIES, validPolicy());
    const attempts = [
        `${POLICIES}/..`,
        `${POLICIES}/../policies`,
        `${POLICIES}/%2e%2e`,
        `${POLICIES}/..%2F..%2Fetc%2Fpasswd`,
        `${POLICIES}/${policy.id}%2F..`,
        `${POLICIES}/a.b`,
        `${POLICIES}/${"x".repeat(129)}`,
        `/api/v2/recording/../recording/policies/${policy.id}`,
    ];
    for (const path of attempts) {
        const status = await rawGet(emulator.url, path, token);
        assert.ok(status === 400 || status === 404, `${path} answered ${status}`);
    }
    assert.equal(await rawGet(emulator.url, `${POLICIES}/${policy.id}`, token), 200);
});

test("page-based lists: defaults, page math, URIs and bounds", async (t) => {
    const { emulator, token } = await setup(t);
    for (let i = 0; i < 7; i++) await call(emulator.url, token, "POST", POLICIES, validPolicy({ name: `p${i}` }));

    const all = await call(emulator.url, token, "GET", POLICIES);
    assert.equal(all.body.pageSize, 25);
    assert.equal(all.body.pageNumber, 1);
    assert.equal(all.body.total, 7);
    assert.equal(all.body.pageCount, 1);
    assert.equal(all.body.nextUri, undefined);
    assert.deepEqual(
        all.body.entities.map((p: { name: string }) => p.name),
        ["p0", "p1", "p2", "p3", "p4", "p5", "p6"],
    );

    const second = await call(emulator.url, token, "GET", `${POLICIES}?pageSize=3&pageNumber=2`);
    assert.equal(second.body.pageCount, 3);
    assert.deepEqual(
        second.body.entities.map((p: { name: string }) => p.name),
        ["p3", "p4", "p5"],
    );
    assert.equal(second.body.selfUri, `${POLICIES}?pageSize=3&pageNumber=2`);
    assert.equal(second.body.firstUri, `${POLICIES}?pageSize=3&pageNumber=1`);
    assert.equal(second.body.nextUri, `${POLICIES}?pageSize=3&pageNumber=3`);
    assert.equal(second.body.lastUri, `${POLICIES}?pageSize=3&pageNumber=3`);
    assert.equal(second.body.previousUri, `${POLICIES}?pageSize=3&pageNumber=1`);
    assert.equal(all.body.previousUri, undefined);

    const last = await call(emulator.url, token, "GET", `${POLICIES}?pageSize=3&pageNumber=3`);
    assert.equal(last.body.entities.length, 1);
    assert.equal(last.body.nextUri, undefined);
    assert.deepEqual((await call(emulator.url, token, "GET", `${POLICIES}?pageSize=3&pageNumber=9`)).body.entities, []);

    assert.equal((await call(emulator.url, token, "GET", `${POLICIES}?pageSize=100`)).status, 200);
    for (const query of ["pageSize=101", "pageSize=0", "pageSize=abc", "pageNumber=0", "pageNumber=-1"]) {
        const res = await call(emulator.url, token, "GET", `${POLICIES}?${query}`);
        assert.equal(res.status, 400, query);
        assert.equal(res.body.details[0].fieldName, query.split("=")[0]);
    }
});

test("stats count requests, statuses, tokens and per-route paths; admin calls are not counted", async (t) => {
    const { emulator, token } = await setup(t);
    const { body: policy } = await call(emulator.url, token, "POST", POLICIES, validPolicy());
    await call(emulator.url, token, "GET", `${POLICIES}/${policy.id}`);
    await call(emulator.url, token, "GET", `${POLICIES}/missing`);
    await fetch(`${emulator.url}/__emulator/faults`);
    const stats = await readJson(await fetch(`${emulator.url}/__emulator/stats`));
    assert.deepEqual(stats, emulator.stats());
    assert.equal(stats.requests, 4);
    assert.equal(stats.tokensIssued, 1);
    assert.deepEqual(stats.responsesByStatus, { "200": 3, "404": 1 });
    assert.deepEqual(stats.perPath, {
        "POST /oauth/token": 1,
        [`POST ${POLICIES}`]: 1,
        [`GET ${POLICIES}/{id}`]: 2,
    });
});

test("log lines never contain client secrets, tokens or Authorization headers", async (t) => {
    const lines: string[] = [];
    const { emulator, token } = await setup(t, (line) => lines.push(line));
    await call(emulator.url, token, "POST", POLICIES, validPolicy({ description: "top-secret-description" }));
    await call(emulator.url, token, "GET", `${POLICIES}?name=Sales`);
    await fetch(`${emulator.url}/oauth/token`, {
        method: "POST",
        headers: { authorization: "Basic d3Jvbmc6c2VjcmV0LXZhbHVl" },
        body: "grant_type=client_credentials",
    });
    assert.ok(lines.length >= 4);
    const all = lines.join("\n");
    for (const secret of [DEFAULT_CLIENT_SECRET, token, "Basic", "Bearer", "secret-value", "top-secret-description"]) {
        assert.equal(all.includes(secret), false, `log contains ${secret}`);
    }
    assert.match(all, /POST \/api\/v2\/recording\/policies 200/);
});
