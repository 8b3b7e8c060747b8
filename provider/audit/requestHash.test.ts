import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalRequest, sha256Hex } from "./requestHash";

describe("canonical request hash", () => {
    it("leaves out the kind's secret inputs, secret-named keys at any depth and the SDK's internal keys", () => {
        const base = {
            targetUrl: "https://h.example.com",
            headers: { "X-Api-Token": "t0ken-1", "X-Env": "prod" },
            secret: "s3cret-value-0001",
        };
        const text = canonicalRequest(
            { ...base, __provider: "exports.handler = …", __resourceName: "hook", __stack: "dev" },
            ["secret"],
        );
        assert.equal(text, '{"headers":{"X-Env":"prod"},"targetUrl":"https://h.example.com"}');
        const hash = (props: Record<string, unknown>) => sha256Hex(canonicalRequest(props, ["secret"]));
        assert.equal(
            hash(base),
            hash({ ...base, secret: "rotated-secret-0002", headers: { ...base.headers, "X-Api-Token": "other" } }),
            "secrets do not move the hash",
        );
        assert.notEqual(
            hash(base),
            hash({ ...base, targetUrl: "https://other.example.com" }),
            "the configuration does",
        );
        assert.match(hash(base), /^[0-9a-f]{64}$/);
    });
});
