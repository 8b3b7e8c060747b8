import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { planChanges, recordHash } from "./recordPlan";
import { parseCsv } from "./csvRows";
import { fromCell } from "./recordSource";
import { settleConcurrently } from "./settleConcurrently";

const hashes = fc.dictionary(fc.constantFrom("a", "b", "c", "d", "e", "f"), fc.constantFrom("h1", "h2", "h3"));

describe("record set plan", () => {
    it("turns the held hashes into the wanted ones, touching nothing unchanged", () => {
        fc.assert(
            fc.property(hashes, hashes, (held, wanted) => {
                const plan = planChanges(held, wanted);
                const result = { ...held };
                for (const key of plan.remove) delete result[key];
                for (const key of plan.put) result[key] = wanted[key];
                assert.deepEqual(result, { ...wanted });
                for (const key of plan.put) assert.notEqual(held[key], wanted[key]);
            }),
        );
    });

    it("changes one record of 10 000 with one write", () => {
        const held = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, recordHash({ n: i })]));
        assert.deepEqual(planChanges(held, { ...held, k42: recordHash({ n: -1 }) }), { put: ["k42"], remove: [] });
    });

    it("hashes data independently of key order, and differently for different data", () => {
        fc.assert(
            fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (data) => {
                const reversed = Object.fromEntries(Object.entries(data).reverse());
                assert.equal(recordHash(reversed), recordHash(data));
            }),
        );
        assert.notEqual(recordHash({ a: 1 }), recordHash({ a: "1" }));
    });
});

describe("CSV rows", () => {
    it("round-trips any cells written with RFC 4180 quoting", () => {
        const cell = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r\n", " ", "é") });
        fc.assert(
            fc.property(
                fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
                (rows) => {
                    const text = rows.map((row) => row.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\r\n");
                    assert.deepEqual(
                        parseCsv(text).map((r) => r.cells),
                        rows,
                    );
                },
            ),
        );
    });

    it("skips blank lines, reports the line a row starts on, and refuses an open quote", () => {
        assert.deepEqual(parseCsv('k,v\n\n"a\nb",1\nc,2'), [
            { line: 1, cells: ["k", "v"] },
            { line: 3, cells: ["a\nb", "1"] },
            { line: 5, cells: ["c", "2"] },
        ]);
        assert.throws(() => parseCsv('k,v\n"open,1\n'), /opened on line 2 is never closed/);
    });

    it("converts cells by field type, leaving what does not convert for validation to name", () => {
        assert.equal(fromCell("42", "integer"), 42);
        assert.equal(fromCell("4x", "integer"), "4x");
        assert.equal(fromCell("true", "boolean"), true);
        assert.deepEqual(fromCell("[1,2]", "array"), [1, 2]);
        assert.equal(fromCell("007", "string"), "007");
    });
});

describe("settleConcurrently", () => {
    it("runs every item, at most `limit` at once, and keeps results beside failures", async () => {
        let running = 0;
        let peak = 0;
        const results = await settleConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
            running++;
            peak = Math.max(peak, running);
            await new Promise((resolve) => setImmediate(resolve));
            running--;
            if (n % 3 === 0) throw new Error(`no ${n}`);
            return n * 10;
        });
        assert.equal(peak, 3);
        assert.deepEqual(
            results.map((r) => (r.ok ? r.value : (r.error as Error).message)),
            [10, 20, "no 3", 40, 50, "no 6", 70],
        );
    });
});
