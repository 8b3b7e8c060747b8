/** One row of the demo's closing table: what happened to a resource and how long it took. */
export interface DeploymentRow {
    resource: string;
    type: string;
    id: string;
    operation: string;
    durationMs: number;
}

/**
 * Type tokens as the Pulumi CLI prints them: `pulumi-nodejs:dynamic/genesys:RecordingPolicy` →
 * `genesys:RecordingPolicy`, `aws:s3/bucket:Bucket` → `aws:s3:Bucket`.
 */
export function shortType(type: string): string {
    return type.replace(/^pulumi-nodejs:dynamic\//, "").replace(/^([^:/]+):([^:/]+)\/[^:]+:/, "$1:$2:");
}

/** A plain-text table a person reads at a glance, plus a totals line. */
export function formatDeploymentTable(rows: readonly DeploymentRow[]): string {
    const header = ["resource", "type", "id", "operation", "ms"];
    const body = rows.map((r) => [
        r.resource,
        shortType(r.type),
        r.id || "-",
        r.operation,
        String(Math.round(r.durationMs)),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
    const line = (cells: string[]) =>
        cells.map((c, i) => (i === cells.length - 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ");
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.operation, (counts.get(r.operation) ?? 0) + 1);
    const summary = [...counts].map(([op, n]) => `${n} ${op}`).join(", ") || "no resources";
    return [
        line(header),
        widths.map((w) => "-".repeat(w)).join("  "),
        ...body.map(line),
        "",
        `${rows.length} resources: ${summary}`,
    ].join("\n");
}
