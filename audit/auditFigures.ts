import type { AuditRecord } from "../provider/audit/auditRecord";

/** The compliance verdict: PASS at a success rate of at least 95%, WARNING below. */
export const PASS_SUCCESS_RATE = 95;

export interface Figures {
    /** A kind's name, or "overall". */
    kind: string;
    operations: number;
    successes: number;
    failures: number;
    /** Percent with two decimals, null without operations. */
    successRate: number | null;
    latencyMs: { mean: number | null; p95: number | null; p99: number | null };
    /** HTTP attempts beyond the first of each call, summed. */
    retries: number;
    verdict: "PASS" | "WARNING" | "NO DATA";
}

export interface AuditFigures {
    since: string | null;
    /** Time of the first and last operation counted. */
    from: string | null;
    to: string | null;
    kinds: Figures[];
    overall: Figures;
    /**
     * The recording-policy integrity rate: of the recording-policy deployments (creates and updates), the share the
     * platform confirmed by returning the policy's id.
     */
    integrity: { deployments: number; passed: number; rate: number | null };
    notificationFailures: number;
    unreadableLines: number;
}

/** Operations that changed (or tried to change) the platform: notifications are counted apart. */
export function operationsOf(records: readonly AuditRecord[]): AuditRecord[] {
    return records.filter((record) => record.operation !== "notify");
}

export function auditFigures(
    records: readonly AuditRecord[],
    options: { since?: Date; unreadableLines?: number } = {},
): AuditFigures {
    const operations = operationsOf(records);
    const kinds = [...new Set(operations.map((record) => record.kind))].sort();
    const deployments = operations.filter(
        (record) =>
            record.kind === "RecordingPolicy" && (record.operation === "create" || record.operation === "update"),
    );
    const passed = deployments.filter((record) => record.outcome === "success" && record.platformId !== null).length;
    return {
        since: options.since?.toISOString() ?? null,
        from: operations[0]?.time ?? null,
        to: operations.at(-1)?.time ?? null,
        kinds: kinds.map((kind) =>
            figuresOf(
                kind,
                operations.filter((record) => record.kind === kind),
            ),
        ),
        overall: figuresOf("overall", operations),
        integrity: { deployments: deployments.length, passed, rate: percent(passed, deployments.length) },
        notificationFailures: records.filter((record) => record.operation === "notify" && record.outcome === "failure")
            .length,
        unreadableLines: options.unreadableLines ?? 0,
    };
}

function figuresOf(kind: string, records: readonly AuditRecord[]): Figures {
    const successes = records.filter((record) => record.outcome === "success").length;
    const latencies = records.map((record) => record.latencyMs).sort((a, b) => a - b);
    const successRate = percent(successes, records.length);
    return {
        kind,
        operations: records.length,
        successes,
        failures: records.length - successes,
        successRate,
        latencyMs: {
            mean:
                latencies.length === 0
                    ? null
                    : round1(latencies.reduce((sum, value) => sum + value, 0) / latencies.length),
            p95: percentile(latencies, 95),
            p99: percentile(latencies, 99),
        },
        retries: records.reduce((sum, record) => sum + (record.retries ?? 0), 0),
        // Judged on the exact ratio: 94.996% rounds to 95.00 but is not a pass.
        verdict:
            records.length === 0
                ? "NO DATA"
                : successes * 100 >= PASS_SUCCESS_RATE * records.length
                  ? "PASS"
                  : "WARNING",
    };
}

/** Nearest-rank percentile of ascending values: the smallest value with at least p% of the values at or below it. */
export function percentile(ascending: readonly number[], p: number): number | null {
    if (ascending.length === 0) return null;
    return ascending[Math.max(Math.ceil((p / 100) * ascending.length), 1) - 1];
}

/** Percent with two decimals, as the report shows it. */
function percent(part: number, whole: number): number | null {
    return whole === 0 ? null : Math.round((part / whole) * 10_000) / 100;
}

function round1(value: number): number {
    return Math.round(value * 10) / 10;
}
