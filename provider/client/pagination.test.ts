import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { ApiClient } from "./apiClient";
import { MAX_PAGE_SIZE, collectTokenPages } from "./pagination";
import { ScriptedServer } from "../../test/scriptedServer";

let server: ScriptedServer;
let api: ApiClient;
before(async () => {
    server = await ScriptedServer.start();
    api = new ApiClient(server.config(), { rateLimitPerMinute: 1e9, minRetryDelayMs: 1 });
});
after(() => server.close());
beforeEach(() => {
    server.requests.length = 0;
});

const items = Array.from({ length: 23 }, (_, i) => ({ id: `item-${i}` }));

test("page-based lists follow pageNumber until pageCount", async () => {
    server.api = (request) => {
        const pageSize = Number(request.query.get("pageSize"));
        const pageNumber = Number(request.query.get("pageNumber"));
        const pageCount = Math.ceil(items.length / pageSize);
        const entities = items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
        return { status: 200, body: { entities, pageSize, pageNumber, total: items.length, pageCount } };
    };
    assert.deepEqual(await api.listPages("/api/v2/recording/policies", { pageSize: 10, name: "x" }), items);
    assert.deepEqual(
        server.requests.map((r) => r.query.get("pageNumber")),
        ["1", "2", "3"],
    );
    assert.ok(
        server.requests.every((r) => r.query.get("name") === "x"),
        "caller's query kept on every page",
    );

    server.requests.length = 0;
    assert.deepEqual(await api.listPages("/api/v2/recording/policies"), items);
    assert.equal(server.requests[0].query.get("pageSize"), String(MAX_PAGE_SIZE), "default is the largest page");
    assert.equal(server.requests.length, 1);
});

test("an empty page-based list takes one request", async () => {
    server.api = () => ({ status: 200, body: { entities: [], pageSize: 100, pageNumber: 1, total: 0, pageCount: 0 } });
    assert.deepEqual(await api.listPages("/api/v2/webhooks"), []);
    assert.equal(server.requests.length, 1);
});

test("token-based lists follow nextPageToken until it is absent", async () => {
    server.api = (request) => {
        const start = Number(request.query.get("pageToken") ?? 0);
        const pageSize = Number(request.query.get("pageSize"));
        const end = start + pageSize;
        return {
            status: 200,
            body: { entities: items.slice(start, end), nextPageToken: end < items.length ? String(end) : undefined },
        };
    };
    assert.deepEqual(await api.listTokenPages("/api/v2/recording/storage/targets", { pageSize: 5 }), items);
    assert.deepEqual(
        server.requests.map((r) => r.query.get("pageToken")),
        [null, "5", "10", "15", "20"],
    );
});

test("audit-log style lists follow the nextPage path", async () => {
    server.api = (request) => {
        const cursor = Number(request.query.get("cursor") ?? 0);
        const next =
            cursor + 10 < items.length ? `/api/v2/platform/auditlogs?filterEntityId=s1&cursor=${cursor + 10}` : "";
        return { status: 200, body: { entities: items.slice(cursor, cursor + 10), nextPage: next } };
    };
    assert.deepEqual(await api.listLinkedPages("/api/v2/platform/auditlogs", { filterEntityId: "s1" }), items);
    assert.deepEqual(
        server.requests.map((r) => r.query.get("cursor")),
        [null, "10", "20"],
    );
    assert.ok(server.requests.every((r) => r.query.get("filterEntityId") === "s1"));
});

test("a server that repeats a page link is stopped instead of looping forever", async () => {
    server.api = () => ({ status: 200, body: { entities: [{ id: "a" }], nextPageToken: "same" } });
    await assert.rejects(
        api.listTokenPages("/api/v2/recording/storage/targets"),
        /returned the page link "same" twice/,
    );
    server.api = () => ({
        status: 200,
        body: { entities: [{ id: "a" }], nextPage: "/api/v2/platform/auditlogs?cursor=1" },
    });
    await assert.rejects(api.listLinkedPages("/api/v2/platform/auditlogs"), /twice/);
});

test("pagination works over any page fetcher", async () => {
    const pages: Record<string, { entities: number[]; nextPageToken?: string }> = {
        start: { entities: [1, 2], nextPageToken: "b" },
        b: { entities: [3] },
    };
    const fetchPage = async <R>(_path: string, query?: Record<string, unknown>) =>
        pages[String(query?.pageToken ?? "start")] as R;
    assert.deepEqual(await collectTokenPages<number>(fetchPage, "/any"), [1, 2, 3]);
});
