import type { AuditRecord } from "../provider/audit/auditRecord";
import { operationsOf, type AuditFigures, type Figures } from "./auditFigures";
import { latencyHistogram } from "./latencyHistogram";
import { integrityWording, VERDICT_RULE } from "./figureWording";

/** The histogram's bar colour, used nowhere else on the page (the screenshot test counts its pixels). */
export const BAR_COLOUR = "#3d5afe";
const SUCCESS_COLOUR = "#2e7d32";
const FAILURE_COLOUR = "#c62828";
const NOTIFY_COLOUR = "#ef6c00";

const WIDTH = 1100;

/** One self-contained page: inline CSS and SVG, no script, no external asset, readable from a file:// URL. */
export function htmlReport(figures: AuditFigures, records: readonly AuditRecord[], dir: string): string {
    const period = figures.from === null ? "no operations" : `${figures.from} → ${figures.to}`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Genesys Cloud deployment audit</title>
<style>
body { font-family: system-ui, sans-serif; margin: 24px 40px; color: #222; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 20px 0 6px; }
.meta { color: #555; font-size: 13px; }
.verdict { display: inline-block; padding: 2px 10px; border-radius: 4px; color: #fff; font-weight: 600; }
.PASS { background: ${SUCCESS_COLOUR}; } .WARNING { background: ${FAILURE_COLOUR}; } .NO-DATA { background: #777; }
table { border-collapse: collapse; font-size: 13px; }
th, td { padding: 4px 10px; border-bottom: 1px solid #ddd; text-align: right; }
th:first-child, td:first-child { text-align: left; }
tr.overall td { font-weight: 600; border-top: 2px solid #999; }
svg text { font-size: 11px; fill: #444; }
</style>
</head>
<body>
<h1>Genesys Cloud deployment audit</h1>
<div class="meta">${escapeHtml(dir)} · ${escapeHtml(period)} · ${figures.overall.operations} operations ·
verdict <span class="verdict ${figures.overall.verdict.replace(" ", "-")}">${figures.overall.verdict}</span></div>
<h2>Latency histogram (ms)</h2>
${histogramSvg(operationsOf(records).map((record) => record.latencyMs))}
<h2>Timeline</h2>
${timelineSvg(records)}
<h2>Figures</h2>
${figuresTable(figures)}
<p class="meta">Compliance: ${VERDICT_RULE}.
${escapeHtml(integrityWording(figures))}.
Notification failures: ${figures.notificationFailures}.${figures.unreadableLines > 0 ? ` Unreadable lines skipped: ${figures.unreadableLines}.` : ""}</p>
</body>
</html>
`;
}

function histogramSvg(latencies: readonly number[]): string {
    const height = 300;
    const plot = { left: 50, right: WIDTH - 10, top: 20, bottom: height - 30 };
    const { bucketWidthMs, counts } = latencyHistogram(latencies);
    const maxCount = Math.max(1, ...counts);
    const slot = (plot.right - plot.left) / counts.length;
    const gap = Math.min(6, slot / 4);
    const parts: string[] = [];
    counts.forEach((count, index) => {
        const x = plot.left + index * slot;
        if (count > 0) {
            const barHeight = ((plot.bottom - plot.top) * count) / maxCount;
            parts.push(
                `<rect x="${fixed(x + gap / 2)}" y="${fixed(plot.bottom - barHeight)}" width="${fixed(slot - gap)}" height="${fixed(barHeight)}" fill="${BAR_COLOUR}"><title>${index * bucketWidthMs}–${(index + 1) * bucketWidthMs} ms: ${count}</title></rect>`,
            );
            parts.push(
                `<text x="${fixed(x + slot / 2)}" y="${fixed(plot.bottom - barHeight - 3)}" text-anchor="middle">${count}</text>`,
            );
        }
        parts.push(
            `<text x="${fixed(x)}" y="${plot.bottom + 14}" text-anchor="middle">${index * bucketWidthMs}</text>`,
        );
    });
    parts.push(
        `<text x="${plot.right}" y="${plot.bottom + 14}" text-anchor="end">${counts.length * bucketWidthMs}</text>`,
    );
    parts.push(
        `<line x1="${plot.left}" y1="${plot.bottom + 0.5}" x2="${plot.right}" y2="${plot.bottom + 0.5}" stroke="#444"/>`,
    );
    parts.push(
        `<text x="${plot.left - 6}" y="${plot.top + 8}" text-anchor="end">${maxCount}</text><text x="${plot.left - 6}" y="${plot.bottom}" text-anchor="end">0</text>`,
    );
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" role="img" aria-label="Latency histogram">${parts.join("")}</svg>`;
}

function timelineSvg(records: readonly AuditRecord[]): string {
    const lanes = [...new Set(operationsOf(records).map((record) => record.kind))].sort();
    if (records.some((record) => record.operation === "notify")) lanes.push("notifications");
    const laneHeight = 24;
    const height = 30 + lanes.length * laneHeight;
    const plot = { left: 140, right: WIDTH - 10 };
    const times = records.map((record) => Date.parse(record.time));
    const start = Math.min(...times);
    const span = Math.max(Math.max(...times) - start, 1);
    const parts: string[] = [];
    lanes.forEach((lane, index) => {
        const y = 10 + index * laneHeight + laneHeight / 2;
        parts.push(`<text x="${plot.left - 8}" y="${y + 4}" text-anchor="end">${escapeHtml(lane)}</text>`);
        parts.push(`<line x1="${plot.left}" y1="${y}" x2="${plot.right}" y2="${y}" stroke="#e3e3e3"/>`);
    });
    // Failures last, so a success in the same minute never hides one.
    const drawOrder = [...records].sort((a, b) => Number(a.outcome === "failure") - Number(b.outcome === "failure"));
    for (const record of drawOrder) {
        const lane = lanes.indexOf(record.operation === "notify" ? "notifications" : record.kind);
        const x = plot.left + ((Date.parse(record.time) - start) / span) * (plot.right - plot.left);
        const y = 10 + lane * laneHeight + laneHeight / 2;
        const colour =
            record.operation === "notify"
                ? NOTIFY_COLOUR
                : record.outcome === "success"
                  ? SUCCESS_COLOUR
                  : FAILURE_COLOUR;
        const label = `${record.time} ${record.operation} ${record.resourceName ?? ""} ${record.outcome} ${record.latencyMs} ms`;
        parts.push(
            `<circle cx="${fixed(x)}" cy="${y}" r="4" fill="${colour}"><title>${escapeHtml(label)}</title></circle>`,
        );
    }
    if (records.length > 0) {
        parts.push(`<text x="${plot.left}" y="${height - 4}">${escapeHtml(new Date(start).toISOString())}</text>`);
        parts.push(
            `<text x="${plot.right}" y="${height - 4}" text-anchor="end">${escapeHtml(new Date(start + span).toISOString())}</text>`,
        );
    }
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" role="img" aria-label="Timeline">${parts.join("")}</svg>`;
}

function figuresTable(figures: AuditFigures): string {
    const ms = (value: number | null) => (value === null ? "-" : String(value));
    const row = (f: Figures, cls = "") =>
        `<tr${cls ? ` class="${cls}"` : ""}><td>${escapeHtml(f.kind)}</td><td>${f.operations}</td><td>${f.successRate === null ? "-" : `${f.successRate.toFixed(2)}%`}</td><td>${ms(f.latencyMs.mean)}</td><td>${ms(f.latencyMs.p95)}</td><td>${ms(f.latencyMs.p99)}</td><td>${f.retries}</td><td>${f.verdict}</td></tr>`;
    return `<table><tr><th>kind</th><th>operations</th><th>success</th><th>mean ms</th><th>p95 ms</th><th>p99 ms</th><th>retries</th><th>verdict</th></tr>${figures.kinds.map((f) => row(f)).join("")}${row(figures.overall, "overall")}</table>`;
}

function fixed(value: number): string {
    return value.toFixed(1);
}

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
