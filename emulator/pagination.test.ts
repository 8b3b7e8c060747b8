import { test } from "node:test";
import assert from "node:assert/strict";
import { ApiError } from "./apiError";
import { tokenList } from "./pagination";

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `id${i}` }));

function walk(all: { id: string }[], pageSize: number): string[] {
    const seen: string[] = [];
    let token: string | undefined;
    do {
        const query = new URLSearchParams({ pageSize: String(pageSize), ...(token ? { pageToken: token } : {}) });
        const page = tokenList(all, query);
        seen.push(...page.entities.map((e) => e.id));
        token = page.nextPageToken;
    } while (token);
    return seen;
}

test("token lists visit every entity once and end without a nextPageToken", () => {
    assert.deepEqual(
        walk(items(7), 3),
        items(7).map((e) => e.id),
    );
    assert.deepEqual(
        walk(items(6), 3),
        items(6).map((e) => e.id),
    );
    assert.deepEqual(tokenList([], new URLSearchParams()), { entities: [] });
    assert.equal(tokenList(items(30), new URLSearchParams()).entities.length, 25);
});

test("a deletion before the cursor between pages neither repeats nor skips entries", () => {
    const all = items(6);
    const first = tokenList(all, new URLSearchParams({ pageSize: "3" }));
    const remaining = all.filter((e) => e.id !== "id0");
    const second = tokenList(remaining, new URLSearchParams({ pageSize: "3", pageToken: first.nextPageToken ?? "" }));
    assert.deepEqual(
        second.entities.map((e) => e.id),
        ["id3", "id4", "id5"],
    );
});

test("a forged page token or a bad page size is a 400 naming the parameter", () => {
    for (const query of [{ pageToken: "garbage!" }, { pageSize: "101" }] as Record<string, string>[]) {
        assert.throws(
            () => tokenList(items(3), new URLSearchParams(query)),
            (err: unknown) =>
                err instanceof ApiError && err.status === 400 && err.fieldErrors[0].fieldName === Object.keys(query)[0],
        );
    }
});
