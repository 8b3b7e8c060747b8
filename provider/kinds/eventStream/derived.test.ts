import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { replayCoverage } from "./derived";

/** A replay range and delivered indices that may repeat, be out of order or fall outside the range. */
const sequence = fc
    .record({ first: fc.integer({ min: 0, max: 1000 }), length: fc.integer({ min: 0, max: 200 }) })
    .chain(({ first, length }) =>
        fc.record({
            firstSequenceIndex: fc.constant(first),
            lastSequenceIndex: fc.constant(first + length - 1),
            deliveredIndices: fc.array(fc.integer({ min: first - 5, max: first + length + 5 }), { maxLength: 300 }),
        }),
    );

const range = (first: number, last: number) =>
    Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);

describe("event stream replay coverage", () => {
    it("reports a gapped replay's missing indices and coverage", () => {
        assert.deepEqual(
            replayCoverage({
                firstSequenceIndex: 1,
                lastSequenceIndex: 10,
                deliveredIndices: [1, 2, 4, 5, 6, 8, 9, 10],
            }),
            {
                firstSequenceIndex: 1,
                lastSequenceIndex: 10,
                contiguous: false,
                missingSequenceIndices: [3, 7],
                coveragePercent: 80,
            },
        );
    });

    it("counts a one-index replay as fully covered, and neither repeats nor strays as coverage", () => {
        assert.equal(
            replayCoverage({ firstSequenceIndex: 5, lastSequenceIndex: 5, deliveredIndices: [5] }).coveragePercent,
            100,
        );
        assert.equal(
            replayCoverage({ firstSequenceIndex: 1, lastSequenceIndex: 4, deliveredIndices: [1, 1, 1, 9] })
                .coveragePercent,
            25,
        );
        assert.equal(
            replayCoverage({ firstSequenceIndex: 1, lastSequenceIndex: 3, deliveredIndices: [2] }).coveragePercent,
            33.33,
        );
        assert.equal(
            replayCoverage({ firstSequenceIndex: 1, lastSequenceIndex: 100, deliveredIndices: range(1, 57) })
                .coveragePercent,
            57,
        );
    });

    it("splits the range exactly into delivered and missing indices, missing in ascending order", () => {
        fc.assert(
            fc.property(sequence, (s) => {
                const { missingSequenceIndices: missing } = replayCoverage(s);
                const delivered = new Set(s.deliveredIndices);
                const expected = range(s.firstSequenceIndex, s.lastSequenceIndex);
                assert.deepEqual(
                    missing,
                    expected.filter((i) => !delivered.has(i)),
                );
                assert.deepEqual(
                    missing,
                    [...missing].sort((a, b) => a - b),
                );
            }),
        );
    });

    it("is contiguous exactly when nothing is missing, which is exactly 100% coverage", () => {
        fc.assert(
            fc.property(sequence, (s) => {
                const c = replayCoverage(s);
                return (
                    c.contiguous === (c.missingSequenceIndices.length === 0) &&
                    c.contiguous === (c.coveragePercent === 100)
                );
            }),
        );
    });

    it("keeps coverage within 0..100, at 2 decimals, never above the delivered share", () => {
        fc.assert(
            fc.property(sequence, (s) => {
                const c = replayCoverage(s);
                const expected = s.lastSequenceIndex - s.firstSequenceIndex + 1;
                if (expected <= 0) return c.coveragePercent === 100;
                const share = ((expected - c.missingSequenceIndices.length) / expected) * 100;
                return (
                    c.coveragePercent >= 0 &&
                    c.coveragePercent <= share + 1e-9 &&
                    share - c.coveragePercent < 0.01 &&
                    Number.isInteger(Math.round(c.coveragePercent * 100))
                );
            }),
        );
    });

    it("ignores the order and repetition of delivered indices, and never drops when more arrive", () => {
        fc.assert(
            fc.property(sequence, fc.integer({ min: -10, max: 1300 }), (s, extra) => {
                const base = replayCoverage(s);
                const shuffled = replayCoverage({
                    ...s,
                    deliveredIndices: [...s.deliveredIndices].reverse().concat(s.deliveredIndices),
                });
                assert.deepEqual(shuffled, base);
                const more = replayCoverage({ ...s, deliveredIndices: [...s.deliveredIndices, extra] });
                return more.coveragePercent >= base.coveragePercent;
            }),
        );
    });
});
