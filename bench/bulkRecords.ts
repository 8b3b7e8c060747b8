// Section 4: validating a large record set against a schema that uses every rule kind, the provider's compiled
// validator against an interpreted one (a constraint table read field by field), on the same records. Both must reach the same verdicts.
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
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
        case 0:
            return { ...data, email: undefined }; // required
        case 1:
            return { ...data, email: "not-an-address" }; // pattern
        case 2:
            return { ...data, code: "X" }; // minLength
        case 3:
            return { ...data, tags: [1, 2, 3, 4, 5, 6] }; // maxLength (array)
        case 4:
            return { ...data, score: 1.5 }; // integer type
        case 5:
            return { ...data, priority: "critical", status: "paused" }; // equals rule
        case 6:
            return { ...data, vip: true, score: undefined }; // present rule
        default:
            return { ...data, colour: "red" }; // not a field of the schema
    }
}

export function makeRecords(count: number): Record<string, unknown>[] {
    return Array.from({ length: count }, (_, i) => {
        const data = recordData(i);
        return i % 10 === 0 ? JSON.parse(JSON.stringify(breakRecord(data, i))) : data;
    });
}

/** Times `run` (after one warm-up call, as a provider process validates many sets) for at least `minMs`. */
export function timeRuns(run: () => number, minMs: number): { perRun: number; verdict: number } {
    let verdict = run();
    let runs = 0;
    const started = performance.now();
    while (performance.now() - started < minMs || runs === 0) {
        verdict = run();
        runs++;
    }
    return { perRun: (performance.now() - started) / runs, verdict };
}

export type ValidatorName = "compiled" | "interpreted";

/** What a worker measured for one validator: records per second, and each record's verdict (1: valid). */
export interface ValidatorRun {
    perSecond: number;
    invalid: number;
    verdicts: Uint8Array;
}

/** The records and one validator, as a worker runs them (bulkWorker.ts). */
export function measureValidator(validator: ValidatorName, count: number, minMs: number): ValidatorRun {
    const records = makeRecords(count);
    let isValid: (record: Record<string, unknown>, i: number) => boolean;
    if (validator === "compiled") {
        const compiled = compileRecordValidator(RECORD_FIELDS, RECORD_RULES);
        isValid = (record) => compiled(record).length === 0;
    } else {
        const constraints = constraintMatrix(RECORD_FIELDS, RECORD_RULES);
        isValid = (record, i) => validateInterpreted(constraints, record, `rec-${i}`)[0];
    }
    const verdicts = Uint8Array.from(records, (record, i) => (isValid(record, i) ? 1 : 0));
    const timed = timeRuns(() => records.reduce((bad, record, i) => bad + (isValid(record, i) ? 0 : 1), 0), minMs);
    return { perSecond: count / (timed.perRun / 1000), invalid: timed.verdict, verdicts };
}

/**
 * Each validator runs in a worker of its own: a fresh heap, so neither is timed amid the other's garbage or the
 * deployment sections' objects (the interpreted one allocates a regular expression per field per record, and its
 * speed moved by half with the heap it found).
 */
function inWorker(validator: ValidatorName, count: number, minMs: number): Promise<ValidatorRun> {
    return new Promise((resolve, reject) => {
        const worker = new Worker(path.join(__dirname, "bulkWorker.js"), { workerData: { validator, count, minMs } });
        worker.once("message", resolve);
        worker.once("error", reject);
        worker.once("exit", (code) =>
            reject(new Error(`bench: the ${validator} validator's worker exited with code ${code}`)),
        );
    });
}

export async function benchBulkRecords(count: number, minMs = 300): Promise<BulkResult> {
    const compiled = await inWorker("compiled", count, minMs);
    const interpreted = await inWorker("interpreted", count, minMs);
    const disagreements = compiled.verdicts.filter((verdict, i) => verdict !== interpreted.verdicts[i]).length;
    return {
        records: count,
        invalid: compiled.invalid,
        compiledPerSecond: compiled.perSecond,
        interpretedPerSecond: interpreted.perSecond,
        speedup: compiled.perSecond / interpreted.perSecond,
        disagreements,
    };
}
