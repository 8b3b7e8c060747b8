// The bench's output: a table for people, and one `BENCH_JSON {...}` line for machines.
import * as os from "node:os";
import type { BenchReport } from "./runBench";

export const JSON_PREFIX = "BENCH_JSON ";

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const mark = (ok: boolean) => (ok ? "ok" : "MISSED");

export function machine(): { cpus: number; cpuModel: string; node: string; platform: string } {
    return {
        cpus: os.availableParallelism(),
        cpuModel: os.cpus()[0]?.model ?? "unknown",
        node: process.version,
        platform: `${os.platform()} ${os.arch()}`,
    };
}

export function table(r: BenchReport): string {
    const rows: [string, string, string, string][] = [
        ["section", "figure", "value", "goal"],
        [
            "1 apply (provider)",
            `operations (create/update/delete)`,
            `${r.apply.operations} (${r.apply.creates}/${r.apply.updates}/${r.apply.deletes})`,
            "",
        ],
        ["", "limit", `${r.apply.limitPerMinute}/min (compressed minute)`, ""],
        ["", "efficiency", `${round(r.apply.efficiency)}`, `≥ 0.95 ${mark(r.goals.efficiency)}`],
        ["", "failed operations", `${r.apply.failed}`, `0 ${mark(r.goals.zeroFailed)}`],
        [
            "",
            "429s",
            `${r.apply.throttled} of ${r.apply.apiRequests} (${round(100 * r.apply.share429)}%)`,
            `< 1% ${mark(r.goals.under1Percent429)}`,
        ],
        ["", "API calls per operation", `${round(r.apply.callsPerOperation)}`, ""],
        [
            "",
            "wall (whole up) / API traffic",
            `${round(r.apply.wallMs / 1000)} s / ${round(r.apply.trafficMs / 1000)} s`,
            "",
        ],
        ["1 apply (naive client)", "failed operations", `${r.naive.failed} of ${r.naive.operations}`, ""],
        ["", "429s", `${r.naive.throttled} of ${r.naive.requests} (${round(100 * r.naive.share429)}%)`, ""],
        ["", "calls per operation (tokens incl.)", `${round(r.naive.callsPerOperation)}`, ""],
        ["", "wall", `${round(r.naive.wallMs / 1000)} s`, ""],
        [
            "small stack, real 300/min",
            `${r.small.resources} creates: wall / API traffic`,
            `${round(r.small.wallMs / 1000)} s / ${round(r.small.trafficMs / 1000)} s`,
            "",
        ],
        [
            "2 overhead",
            "ms per operation beyond HTTP",
            `${round(r.overhead.overheadMsPerOp)}`,
            `< 2 ${mark(r.goals.overheadUnder2Ms)}`,
        ],
        [
            "",
            "host CPU per operation (HTTP client incl.)",
            r.overhead.hostCpuMsPerOp === undefined ? "n/a (no /proc)" : `${round(r.overhead.hostCpuMsPerOp)} ms`,
            "",
        ],
        [
            "",
            "host / bare API traffic",
            `${round(r.overhead.hostTrafficMs / 1000)} s / ${round(r.overhead.bareTrafficMs / 1000)} s (${r.overhead.hostApiRequests} / ${r.overhead.bareApiRequests} requests)`,
            "",
        ],
        [
            "",
            `host peak memory, ${r.overhead.operations} resources`,
            r.overhead.hostPeakRssMb === undefined ? "n/a (no /proc)" : `${round(r.overhead.hostPeakRssMb, 1)} MB`,
            `< 200 MB ${mark(r.goals.hostMemoryUnder200Mb)}`,
        ],
        [
            "3 preview",
            `check + diff of ${r.preview.resources}`,
            `${round(r.preview.wallMs / 1000)} s, ${r.preview.requests} requests`,
            `< 2 s, 0 ${mark(r.goals.previewUnder2s)}`,
        ],
        ["", "same preview, a provider doing nothing", `${round(r.preview.floorMs / 1000)} s`, ""],
        [
            "",
            "host CPU over the preview (start incl.)",
            r.preview.hostCpuMs === undefined ? "n/a (no /proc)" : `${round(r.preview.hostCpuMs / 1000)} s`,
            "",
        ],
        ["4 bulk records", `${r.bulk.records} records, compiled`, `${Math.round(r.bulk.compiledPerSecond)}/s`, ""],
        ["", "interpreted", `${Math.round(r.bulk.interpretedPerSecond)}/s`, ""],
        [
            "",
            "speed-up (verdicts agree)",
            `${round(r.bulk.speedup, 1)}× (${r.bulk.disagreements} disagreements)`,
            `≥ 10× ${mark(r.goals.validator10x)}`,
        ],
        [
            "5 tokens",
            "per host process (apply, overhead)",
            `${r.tokens.applyHost}, ${r.tokens.overheadHost} (preview: ${r.tokens.preview})`,
            `1 ${mark(r.goals.oneTokenPerProcess)}`,
        ],
        ["", "naive client", `${r.tokens.naive}`, ""],
    ];
    const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => row[c].length)));
    const line = (row: string[]) =>
        row
            .map((cell, c) => cell.padEnd(widths[c]))
            .join("  ")
            .trimEnd();
    return [
        line(rows[0]),
        widths.map((w) => "-".repeat(w)).join("  "),
        ...rows.slice(1).map(line),
        `total ${round(r.totalMs / 1000, 1)} s`,
    ].join("\n");
}

export function jsonLine(r: BenchReport): string {
    const { firstError: applyError, ...apply } = r.apply;
    const { firstError: naiveError, ...naive } = r.naive;
    return (
        JSON_PREFIX +
        JSON.stringify({
            machine: machine(),
            ...r,
            apply: { ...apply, firstError: applyError },
            naive: { ...naive, firstError: naiveError },
        })
    );
}
