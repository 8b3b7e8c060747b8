import type { Models } from "purecloud-platform-client-v2";
import type { ApiClient } from "../../client/apiClient";
import { tablePath } from "../dataTable/api";
import type { ImportMode } from "./schema";

/** How long a job may stay unfinished before the load is reported as still running. */
const IMPORT_DEADLINE_MS = 15 * 60_000;
const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 5_000;

const DONE = new Set(["Succeeded", "Failed"]);

export interface ImportOutcome {
    job: Models.DataTableImportJob;
    /** Row key → why the platform did not import it, where its answer names the row. */
    rowErrors: Map<string, string>;
}

/** The rows the platform names in a job's `errorInformation`: by `entityId`, or a `key` message parameter. */
function rowErrorsOf(job: Models.DataTableImportJob): Map<string, string> {
    const errors = new Map<string, string>();
    for (const error of job.errorInformation?.errors ?? []) {
        const key = error.entityId ?? error.messageParams?.key;
        if (key !== undefined) errors.set(key, error.message ?? "refused by the import");
    }
    return errors;
}

/**
 * One CSV load through the platform's import job: create the job, PUT the file to its `uploadURI` with its
 * `uploadHeaders`, then poll until it has `Succeeded` or `Failed`. Creating a job is repeated after a lost response:
 * a job that never receives a file changes nothing.
 */
export async function runImport(
    client: ApiClient,
    tableId: string,
    importMode: ImportMode,
    csv: string,
    sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<ImportOutcome> {
    const body: Pick<Models.DataTableImportJob, "importMode"> = { importMode };
    const { body: created } = await client.request<Models.DataTableImportJob>(
        "POST",
        `${tablePath(tableId)}/import/csv/jobs`,
        { body, idempotent: true },
    );
    if (!created.id || !created.uploadURI)
        throw new Error("the platform created an import job without an id or upload URL; try again");
    await client.upload(created.uploadURI, created.uploadHeaders ?? {}, csv);
    const jobPath = `${tablePath(tableId)}/import/jobs/${encodeURIComponent(created.id)}`;
    const deadline = Date.now() + IMPORT_DEADLINE_MS;
    for (let wait = FIRST_POLL_MS; ; wait = Math.min(wait * 2, MAX_POLL_MS)) {
        const job = await client.get<Models.DataTableImportJob>(jobPath);
        if (DONE.has(job.status)) return { job, rowErrors: rowErrorsOf(job) };
        if (Date.now() > deadline)
            throw new Error(
                `import job ${created.id} is still ${job.status} after ${IMPORT_DEADLINE_MS / 60_000} minutes; run \`pulumi refresh\` once it has finished`,
            );
        await sleep(wait);
    }
}

/** One CSV cell: quoted when it holds a comma, quote, line break or edge spaces (RFC 4180). */
function cell(value: unknown): string {
    if (value === undefined || value === null) return "";
    const text = String(value);
    return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The file an import job takes: a header naming the columns, then one line per row (an empty cell takes the default). */
export function csvText(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
    return [columns, ...rows.map((row) => columns.map((column) => row[column]))]
        .map((line) => line.map(cell).join(","))
        .join("\r\n");
}
