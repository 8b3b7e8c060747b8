import { test } from "node:test";
import assert from "node:assert/strict";
import { buildRequestUrl } from "./requestUrl";

test("joins base and path without doubling or losing slashes, keeping any base path", () => {
    assert.equal(
        buildRequestUrl("https://api.mypurecloud.com", "/api/v2/x").toString(),
        "https://api.mypurecloud.com/api/v2/x",
    );
    assert.equal(buildRequestUrl("http://127.0.0.1:9/emu/", "/api/v2/x").toString(), "http://127.0.0.1:9/emu/api/v2/x");
});

test("adds query values, skipping undefined, to any query already in the path", () => {
    const url = buildRequestUrl("https://h", "/api/v2/a?cursor=2", {
        pageSize: 10,
        on: true,
        skip: undefined,
        q: "a b&c",
    });
    assert.equal(url.search, "?cursor=2&pageSize=10&on=true&q=a+b%26c");
});

test("encoded ids stay one segment", () => {
    const id = encodeURIComponent("a/b?c");
    assert.equal(buildRequestUrl("https://h", `/api/v2/webhooks/${id}`).pathname, "/api/v2/webhooks/a%2Fb%3Fc");
});

test("absolute URLs are accepted only on the API's origin", () => {
    assert.equal(buildRequestUrl("https://h", "https://h/api/v2/a?x=1").toString(), "https://h/api/v2/a?x=1");
    assert.throws(
        () => buildRequestUrl("https://h", "https://evil.example/api/v2/a"),
        /Refusing to call https:\/\/evil.example/,
    );
});

test("relative or dot-segment paths are refused", () => {
    assert.throws(() => buildRequestUrl("https://h", "api/v2/a"), /must start with "\/"/);
    assert.throws(() => buildRequestUrl("https://h", "/api/v2/webhooks/.."), /encodeURIComponent/);
});
