import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { canonicalJson } from "./canonicalJson";

describe("canonicalJson", () => {
    it("is independent of key order at every depth and leaves undefined members out", () => {
        assert.equal(
            canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }, undefined], c: undefined } }),
            '{"a":{"d":[1,{"x":1,"y":2},null]},"b":1}',
        );
    });

    it("writes the same value JSON.stringify does, with keys reordered, for any JSON value", () => {
        fc.assert(
            fc.property(fc.jsonValue(), (value) => {
                assert.deepEqual(JSON.parse(canonicalJson(value)), JSON.parse(JSON.stringify(value)));
                if (value !== null && typeof value === "object" && !Array.isArray(value)) {
                    const reversed = Object.fromEntries(Object.entries(value).reverse());
                    assert.equal(canonicalJson(reversed), canonicalJson(value));
                }
            }),
        );
    });

    it("keeps a key named __proto__ as data", () => {
        const value = JSON.parse('{"__proto__":{"polluted":true},"a":1}');
        assert.equal(canonicalJson(value), '{"__proto__":{"polluted":true},"a":1}');
    });
});
