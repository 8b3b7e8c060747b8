import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { checkInputs } from "./checkInputs";
import { httpsUrl } from "./fieldRules";
import { UNKNOWN } from "./unknowns";

const schema = z.object({
    targetUrl: httpsUrl,
    headers: z.record(z.string(), z.string().regex(/^[^\r\n]*$/, "must not hold CR or LF")),
    count: z.number(),
});

describe("checkInputs", () => {
    it("never echoes credentials embedded in a URL", () => {
        const [failure] = checkInputs(schema, [], {
            targetUrl: "https://ops:Sup3rS3cretPass@hooks.example.com/x",
            headers: {},
            count: 1,
        });
        assert.equal(failure.property, "targetUrl");
        assert.match(failure.reason, /must not embed credentials/);
        assert.match(failure.reason, /https:\/\/\*\*\*@hooks\.example\.com/);
        assert.ok(!failure.reason.includes("Sup3rS3cretPass"));
    });

    it("never echoes the values of secret inputs", () => {
        const failures = checkInputs(
            schema,
            [],
            { targetUrl: "https://x.example.com", headers: { "X-Api-Key": "sk_live_abcdef\r\n" }, count: 1 },
            undefined,
            ["headers"],
        );
        assert.deepEqual(
            failures.map((f) => f.property),
            ["headers.X-Api-Key"],
        );
        assert.ok(!failures[0].reason.includes("sk_live_abcdef"));
    });

    it("reports a prototype key beside the other failures, once at its path", () => {
        const failures = checkInputs(schema, [], {
            targetUrl: "ftp://x",
            headers: JSON.parse('{"__proto__": "x"}'),
            count: "one",
        });
        assert.deepEqual(failures.map((f) => f.property).sort(), ["count", "headers.__proto__", "targetUrl"]);
    });

    it("passes unknown values and skips rules that read them", () => {
        const rule = { reads: ["count"] as const, check: () => [{ property: "count", reason: "count is odd" }] };
        assert.deepEqual(
            checkInputs(schema, [rule], { targetUrl: UNKNOWN, headers: { a: UNKNOWN }, count: UNKNOWN }),
            [],
        );
        assert.deepEqual(
            checkInputs(schema, [rule], { targetUrl: UNKNOWN, headers: {}, count: 3 }).map((f) => f.reason),
            ["count is odd"],
        );
    });
});
