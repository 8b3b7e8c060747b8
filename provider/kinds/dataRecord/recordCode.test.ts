import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { type FieldShape, type RuleShape, validatorSource } from "./recordCode";
import { FIELD_TYPES } from "../dataSchema/schema";

const fieldShape: fc.Arbitrary<FieldShape> = fc.record({
    type: fc.constantFrom(...FIELD_TYPES),
    required: fc.boolean(),
    ownOnly: fc.boolean(),
    pattern: fc.boolean(),
    limits: fc.boolean(),
});
const operator = fc.constantFrom("equals" as const, "oneOf" as const, "present" as const);
const shapes = fieldShape.chain((first) =>
    fc.array(fieldShape, { maxLength: 6 }).chain((rest) => {
        const fields = [first, ...rest];
        const slot = fc.integer({ min: -1, max: fields.length - 1 });
        const rule: fc.Arbitrary<RuleShape> = fc.record({
            whenSlot: slot,
            whenOperator: operator,
            requireSlot: slot,
            requireOperator: operator,
            skipIf: fc.uniqueArray(fc.integer({ min: 0, max: fields.length - 1 }), { maxLength: 3 }),
        });
        return fc.tuple(fc.constant(fields), fc.array(rule, { maxLength: 4 }));
    }),
);

/** The only string literals the generator writes: its own, never a schema's. */
const OWN_LITERALS = new Set(['"use strict"', '"string"', '"number"', '"boolean"', '"object"']);

describe("validator source", () => {
    it("compiles for every shape of schema", () => {
        fc.assert(
            fc.property(shapes, ([fields, rules]) => {
                assert.doesNotThrow(() => new Function("env", validatorSource(fields, rules)));
            }),
        );
    });

    it("holds no text but its own: names, patterns and values reach it only as values", () => {
        fc.assert(
            fc.property(shapes, ([fields, rules]) => {
                const source = validatorSource(fields, rules);
                for (const literal of source.match(/"[^"]*"|'[^']*'|`[^`]*`/g) ?? [])
                    assert.ok(OWN_LITERALS.has(literal), literal);
            }),
        );
    });
});
