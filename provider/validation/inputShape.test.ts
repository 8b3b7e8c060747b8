import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inputShapeFailures, MAX_INPUT_DEPTH } from "./inputShape";

function nested(depth: number): unknown {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
    return value;
}

describe("inputShapeFailures", () => {
    it("accepts ordinary inputs, nesting up to the limit included", () => {
        assert.deepEqual(inputShapeFailures({ name: "x", headers: { "X-A": "1" }, regions: [{ regionId: "us-east-1" }] }), []);
        assert.deepEqual(inputShapeFailures({ data: nested(MAX_INPUT_DEPTH - 1) }), []);
    });

    it("refuses each branch nested past the limit once, at the depth it crossed it, without recursing", () => {
        const failures = inputShapeFailures({ data: nested(200_000), other: { deep: nested(MAX_INPUT_DEPTH) } });
        assert.deepEqual(failures.map((f) => f.property.split(/[.[]/, 1)[0]).sort(), ["data", "other"]);
        for (const failure of failures) {
            assert.match(failure.reason, new RegExp(`nests values more than ${MAX_INPUT_DEPTH} levels deep; flatten it$`));
            assert.ok(failure.reason.startsWith(failure.property));
        }
    });

    it("refuses prototype keys at any depth, named by their path", () => {
        const inputs = { ...JSON.parse('{"__proto__": {"x": 1}}'), headers: JSON.parse('{"constructor": "x"}'), list: [{ prototype: 1 }] };
        assert.deepEqual(
            inputShapeFailures(inputs).map((f) => f.property).sort(),
            ["__proto__", "headers.constructor", "list[0].prototype"],
        );
    });
});
