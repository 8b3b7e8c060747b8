import type { AuditFigures, Figures } from "./auditFigures";
import { integrityWording, VERDICT_RULE } from "./figureWording";

const COLUMNS = ["kind", "operations", "success", "mean ms", "p95 ms", "p99 ms", "retries", "verdict"];

/** The report as a plain-text table: one row per kind, then the overall row. */
export function textReport(figures: AuditFigures, dir: string): string {
    const rows = [...figures.kinds, figures.overall].map(row);
    const widths = COLUMNS.map((title, column) => Math.max(title.length, ...rows.map((cells) => cells[column].length)));
    const line = (cells: string[]) =>
        cells
            .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
            .join("  ")
            .trimEnd();
    const period = figures.from === null ? "no operations" : `${figures.from} → ${figures.to}`;
    return [
        `Genesys Cloud deployment audit: ${dir}`,
        `Period: ${period}${figures.since ? ` (since ${figures.since})` : ""}`,
        "",
        line(COLUMNS),
        ...rows.slice(0, -1).map(line),
        line(widths.map((width) => "-".repeat(width))),
        line(rows[rows.length - 1]),
        "",
        `Compliance verdict: ${figures.overall.verdict} (${VERDICT_RULE})`,
        integrityWording(figures),
        `Notification failures: ${figures.notificationFailures}`,
        ...(figures.unreadableLines > 0 ? [`Unreadable lines skipped: ${figures.unreadableLines}`] : []),
    ].join("\n");
}

function row(figures: Figures): string[] {
    const ms = (value: number | null) => (value === null ? "-" : String(value));
    return [
        figures.kind,
        String(figures.operations),
        figures.successRate === null ? "-" : `${figures.successRate.toFixed(2)}%`,
        ms(figures.latencyMs.mean),
        ms(figures.latencyMs.p95),
        ms(figures.latencyMs.p99),
        String(figures.retries),
        figures.verdict,
    ];
}
