import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inspectInputShape, MAX_INPUT_DEPTH } from "./inputShape";

function nested(depth: number): unknown {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
    return value;
}

describe("inspectInputShape", () => {
    it("accepts ordinary inputs, nesting up to the limit included", () => {
        assert.deepEqual(
            inspectInputShape({ name: "x", headers: { "X-A": "1" }, regions: [{ regionId: "us-east-1" }] }),
            { failures: [], walkable: true },
        );
        assert.deepEqual(inspectInputShape({ data: nested(MAX_INPUT_DEPTH - 1) }), { failures: [], walkable: true });
    });

    it("refuses each branch nested past the limit once, at the depth it crossed it, without recursing", () => {
        const { failures, walkable } = inspectInputShape({
            data: nested(200_000),
            other: { deep: nested(MAX_INPUT_DEPTH) },
        });
        assert.equal(walkable, false);
        assert.deepEqual(failures.map((f) => f.property.split(/[.[]/, 1)[0]).sort(), ["data", "other"]);
        for (const failure of failures) {
            assert.match(
                failure.reason,
                new RegExp(`nests values more than ${MAX_INPUT_DEPTH} levels deep; flatten it$`),
            );
            assert.ok(failure.reason.startsWith(failure.property));
        }
    });

    it("refuses prototype keys at any depth, named by their path, and leaves the rest walkable", () => {
        const inputs = {
            ...JSON.parse('{"__proto__": {"x": 1}}'),
            headers: JSON.parse('{"constructor": "x"}'),
            list: [{ prototype: 1 }],
        };
        const { failures, walkable } = inspectInputShape(inputs);
        assert.equal(walkable, true);
        assert.deepEqual(failures.map((f) => f.property).sort(), [
            "__proto__",
            "headers.constructor",
            "list[0].prototype",
        ]);
    });
});
