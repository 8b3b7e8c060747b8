// The bench pipeline in miniature: every section runs end to end (real host over gRPC, emulator, naive client,
// validators), and its correctness properties hold. Timing figures are reported by `npm run bench`, never asserted.
import { test } from "node:test";
import assert from "node:assert/strict";
import { JSON_PREFIX, jsonLine, table } from "./report";
import { runBench, type BenchSizes } from "./runBench";

const TINY: BenchSizes = {
    mix: 3,
    ceiling: { limitPerWindow: 10, windowMs: 1_000 },
    resources: 10,
    records: 500,
    small: 3,
    smallScale: { limitPerWindow: 300, windowMs: 60_000 },
    validatorMs: 10,
};

test("a tiny bench: no failed operation, one token per host process, a parseable JSON line", async () => {
    const report = await runBench(TINY);

    assert.deepEqual(
        [report.apply.operations, report.apply.creates, report.apply.updates, report.apply.deletes],
        [9, 3, 3, 3],
    );
    assert.equal(report.apply.failed, 0, report.apply.firstError);
    assert.equal(report.overhead.failed, 0);
    assert.equal(report.small.failed, 0);
    assert.equal(report.preview.failed, 0);
    assert.equal(report.preview.changes, TINY.resources / 2, "every other resource changed");
    assert.equal(report.preview.requests, 0, "a preview makes no network call, not even for a token");

    assert.equal(report.apply.hostProcesses, 1, "one host for the whole up");
    assert.equal(report.tokens.applyHost, 1);
    assert.equal(report.tokens.overheadHost, 1);
    assert.equal(report.naive.operations, 9, "the naive client runs the same work");
    assert.ok(
        report.naive.tokensFetched >= report.naive.operations - report.naive.failed,
        "the naive client fetches a token per operation",
    );
    // The bare baseline sends exactly the provider's requests, so their times are comparable.
    assert.equal(report.overhead.bareApiRequests, report.overhead.hostApiRequests);

    assert.equal(report.bulk.disagreements, 0);
    assert.equal(report.bulk.invalid, TINY.records / 10, "every tenth record breaks one rule");

    const line = jsonLine(report);
    assert.ok(line.startsWith(JSON_PREFIX));
    const parsed = JSON.parse(line.slice(JSON_PREFIX.length));
    assert.equal(parsed.apply.failed, 0);
    assert.equal(parsed.tokens.applyHost, 1);
    assert.equal(typeof parsed.machine.node, "string");
    assert.equal(typeof parsed.goals.efficiency, "boolean");
    assert.match(table(report), /efficiency/);
});
