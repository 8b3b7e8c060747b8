import { randomUUID } from "node:crypto";
import type { Models } from "purecloud-platform-client-v2";
import type { ApiClient } from "../../client/apiClient";
import { readConfirmingGone } from "../../lifecycle/confirmGone";
import { createAdoptingOrphan } from "../../lifecycle/createAdoptingOrphan";
import { readOrGone } from "../../lifecycle/missingIsGone";
import { tablePath } from "../dataTable/api";
import type { ImportMode } from "./schema";

type Job = Models.DataTableImportJob;

/** How long a job may stay unfinished before the load is reported as still running. */
const IMPORT_DEADLINE_MS = 15 * 60_000;
const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 5_000;

const DONE = new Set(["Succeeded", "Failed"]);

export interface ImportOutcome {
    job: Job;
    /** Row key → why the platform did not import it, where its answer names the row. */
    rowErrors: Map<string, string>;
}

/** The rows the platform names in a job's `errorInformation`: by `entityId`, or a `key` message parameter. */
function rowErrorsOf(job: Job): Map<string, string> {
    const errors = new Map<string, string>();
    for (const error of job.errorInformation?.errors ?? []) {
        const key = error.entityId ?? error.messageParams?.key;
        if (key !== undefined) errors.set(key, error.message ?? "refused by the import");
    }
    return errors;
}

/**
 * One CSV load through the platform's import job: create the job, PUT the file to its `uploadURI` with its
 * `uploadHeaders`, then poll until it has `Succeeded` or `Failed`. The job carries a name of its own, so a create
 * whose response was lost is found and taken up instead of creating a second one (a job that never receives a
 * file changes nothing either way). A job just written may read as missing for a moment: it is gone only when it
 * stays missing through the client's read-after-write window.
 */
export async function runImport(
    client: ApiClient,
    tableId: string,
    importMode: ImportMode,
    csv: string,
    sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<ImportOutcome> {
    const jobs = `${tablePath(tableId)}/import/jobs`;
    const name = `pulumi-import-${randomUUID()}`;
    const body: Pick<Job, "importMode" | "name"> = { importMode, name };
    const created = await createAdoptingOrphan({
        name,
        post: () => client.post<Job>(`${tablePath(tableId)}/import/csv/jobs`, body),
        // A lookup that fails counts as not found: the worst a second POST leaves is a job that never gets a file.
        findByName: () =>
            readConfirmingGone(
                async () => (await client.listPages<Job>(jobs)).find((job) => job.name === name),
                client.readAfterWriteMs,
            ).catch(() => undefined),
    });
    if (!created.id || !created.uploadURI)
        throw new Error("the platform created an import job without an id or upload URL; try again");
    const jobPath = `${jobs}/${encodeURIComponent(created.id)}`;
    const current = async (): Promise<Job> => {
        const job = await readConfirmingGone(() => readOrGone(() => client.get<Job>(jobPath)), client.readAfterWriteMs);
        if (job === undefined)
            throw new Error(
                `import job ${created.id} of table ${tableId} disappeared before it finished; run \`pulumi up\` again`,
            );
        return job;
    };
    try {
        await client.upload(created.uploadURI, created.uploadHeaders ?? {}, csv);
    } catch (err) {
        // After a lost response the upload may have landed, and the job refuses a second one: the job says which,
        // once it has had the read-after-write window to show it. Without a sign of the file, the upload's error stands.
        const took = await readConfirmingGone(async () => {
            const job = await readOrGone(() => client.get<Job>(jobPath));
            return job !== undefined && job.status !== "WaitingForUpload" ? job : undefined;
        }, client.readAfterWriteMs).catch(() => undefined);
        if (took === undefined) throw err;
    }
    const deadline = Date.now() + IMPORT_DEADLINE_MS;
    for (let wait = FIRST_POLL_MS; ; wait = Math.min(wait * 2, MAX_POLL_MS)) {
        const job = await current();
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
