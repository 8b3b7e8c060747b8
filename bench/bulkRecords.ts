// Section 4: validating a large record set against a schema that uses every rule kind, the provider's compiled
// validator against the seed's interpreted one, on the same records. Both must reach the same verdicts.
import { performance } from "node:perf_hooks";
import { compileRecordValidator } from "../provider/kinds/dataRecord/recordValidator";
import { constraintMatrix, validateInterpreted } from "./interpretedValidator";
import { RECORD_FIELDS, RECORD_RULES, recordData } from "./workload";

export interface BulkResult {
    records: number;
    invalid: number;
    compiledPerSecond: number;
    interpretedPerSecond: number;
    speedup: number;
    /** Records on whose validity the two validators disagree (must be 0). */
    disagreements: number;
}

/** Every tenth record breaks one rule, cycling through the kinds of failure. */
function breakRecord(data: Record<string, unknown>, i: number): Record<string, unknown> {
    switch ((i / 10) % 8) {
        case 0: return { ...data, email: undefined };                // required
        case 1: return { ...data, email: "not-an-address" };         // pattern
        case 2: return { ...data, code: "X" };                       // minLength
        case 3: return { ...data, tags: [1, 2, 3, 4, 5, 6] };        // maxLength (array)
        case 4: return { ...data, score: 1.5 };                      // integer type
        case 5: return { ...data, priority: "critical", status: "paused" }; // equals rule
        case 6: return { ...data, vip: true, score: undefined };     // present rule
        default: return { ...data, colour: "red" };                  // not a field of the schema
    }
}

export function makeRecords(count: number): Record<string, unknown>[] {
    return Array.from({ length: count }, (_, i) => {
        const data = recordData(i);
        return i % 10 === 0 ? JSON.parse(JSON.stringify(breakRecord(data, i))) : data;
    });
}

function timeRuns(run: () => number, minMs: number): { perRun: number; verdict: number } {
    let verdict = run(); // warm-up, as a provider process validates many sets
    let runs = 0;
    const started = performance.now();
    while (performance.now() - started < minMs || runs === 0) {
        verdict = run();
        runs++;
    }
    return { perRun: (performance.now() - started) / runs, verdict };
}

export function benchBulkRecords(count: number, minMs = 300): BulkResult {
    const records = makeRecords(count);
    const compiled = compileRecordValidator(RECORD_FIELDS, RECORD_RULES);
    const constraints = constraintMatrix(RECORD_FIELDS, RECORD_RULES);
    const compiledValid = records.map((r) => compiled(r).length === 0);
    const interpretedValid = records.map((r, i) => validateInterpreted(constraints, r, `rec-${i}`)[0]);
    const disagreements = compiledValid.filter((valid, i) => valid !== interpretedValid[i]).length;

    const fast = timeRuns(() => records.reduce((bad, r) => bad + (compiled(r).length > 0 ? 1 : 0), 0), minMs);
    const slow = timeRuns(() => records.reduce((bad, r, i) => bad + (validateInterpreted(constraints, r, `rec-${i}`)[0] ? 0 : 1), 0), minMs);
    const compiledPerSecond = count / (fast.perRun / 1000);
    const interpretedPerSecond = count / (slow.perRun / 1000);
    return { records: count, invalid: fast.verdict, compiledPerSecond, interpretedPerSecond, speedup: compiledPerSecond / interpretedPerSecond, disagreements };
}
