import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Models } from "purecloud-platform-client-v2";
import { parseCsv } from "../../provider/kinds/dataRecordSet/csvRows";
import { ApiError, badRequest } from "../apiError";
import type { JsonObject } from "../jsonObject";
import type { KindContext, Route } from "../kind";
import { pageList } from "../pagination";
import { type Upload, Uploads } from "../uploads";
import { completeRow, DATA_TABLES_PATH, type DataTableStore } from "./dataTableStore";
import { DATA_TABLE_LIMITS, KEY_FIELD, type TableField, type TableSchema } from "./dataTableSchema";
import { allOf, anyOf } from "./permissions";
import { fieldsOf, withoutBookkeeping } from "./platformModule";

const UPLOAD_AREA = "datatable-imports";
const IMPORT_MODES = ["ReplaceAll", "Append"] as const;
const CSV_CONTENT_TYPE = "text/csv";
/** Emulator-clock time after the upload when a job is done even if no one has polled it. */
export const IMPORT_PROCESSING_MS = 2000;

interface RowFailure {
    line: number;
    key?: string;
    fieldName: string;
    message: string;
}

/** A CSV cell read as its field's type; an empty cell takes the field's default (undefined here). */
function cellValue(field: TableField, cell: string): { value?: unknown; problem?: string } {
    if (cell === "") return {};
    switch (field.type) {
        case "string":
            return { value: cell };
        case "boolean":
            return /^(true|false)$/i.test(cell)
                ? { value: cell.toLowerCase() === "true" }
                : { problem: "must be true or false" };
        case "integer":
            return /^-?\d+$/.test(cell) && Number.isSafeInteger(Number(cell))
                ? { value: Number(cell) }
                : { problem: "must be an integer" };
        case "number":
            return cell.trim() !== "" && Number.isFinite(Number(cell))
                ? { value: Number(cell) }
                : { problem: "must be a number" };
    }
}

interface ImportOutcome {
    status: "Succeeded" | "Failed";
    countRecordsUpdated: number;
    countRecordsDeleted: number;
    countRecordsFailed: number;
    errorInformation?: Models.ErrorBody;
}

function fileFailure(message: string, code: string): ImportOutcome {
    return {
        status: "Failed",
        countRecordsUpdated: 0,
        countRecordsDeleted: 0,
        countRecordsFailed: 0,
        errorInformation: { message, code, status: 400, messageParams: {}, details: [], errors: [] },
    };
}

/**
 * Applies one uploaded CSV to a table. The header names the table's fields and must include `key`; a file whose
 * header is unusable changes nothing. Each bad row (wrong cell count, bad value, empty or repeated key, over the
 * row limit) fails alone and is reported with its line; the good rows are applied. ReplaceAll then deletes the
 * rows the file does not list (a row whose line failed is kept as it was).
 */
function applyCsv(
    store: DataTableStore,
    tableId: string,
    schema: TableSchema,
    mode: string,
    text: string,
): ImportOutcome {
    let records: ReturnType<typeof parseCsv>;
    try {
        records = parseCsv(text);
    } catch (error) {
        return fileFailure(
            `The file is not valid CSV: ${(error as Error).message}.`,
            "flows.datatables.import.invalid.csv",
        );
    }
    const [header, ...lines] = records;
    const columns = header?.cells ?? [];
    const unknown = columns.filter((c) => !Object.hasOwn(schema.properties, c));
    const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
    if (!columns.includes(KEY_FIELD) || unknown.length > 0 || repeated.length > 0) {
        return fileFailure(
            `The first line must name the table's fields, once each, including key` +
                (unknown.length > 0 ? ` (not fields of this table: ${unknown.join(", ")})` : "") +
                (repeated.length > 0 ? ` (repeated: ${[...new Set(repeated)].join(", ")})` : "") +
                `; fields: ${Object.keys(schema.properties).join(", ")}.`,
            "flows.datatables.import.invalid.header",
        );
    }
    const rows = store.rows(tableId);
    // Held keys, kept as rows are added: listing the table for each line would make a full load quadratic.
    const held = new Set(rows.list().map((row) => row.id as string));
    const failures: RowFailure[] = [];
    const listed = new Set<string>();
    let updated = 0;
    for (const { line, cells } of lines) {
        const key = cells[columns.indexOf(KEY_FIELD)];
        const fail = (fieldName: string, message: string) =>
            failures.push({ line, ...(key ? { key } : {}), fieldName, message });
        if (cells.length !== columns.length) {
            fail("row", `has ${cells.length} values for ${columns.length} columns`);
            continue;
        }
        if (!key || key.length > DATA_TABLE_LIMITS.keyLength) {
            fail(KEY_FIELD, `key must be 1 to ${DATA_TABLE_LIMITS.keyLength} characters`);
            continue;
        }
        if (listed.has(key)) {
            fail(KEY_FIELD, `repeats the key ${JSON.stringify(key)} of an earlier line`);
            continue;
        }
        listed.add(key);
        const values: JsonObject = {};
        let bad = false;
        columns.forEach((column, i) => {
            const { value, problem } = cellValue(schema.properties[column], cells[i]);
            if (problem) {
                fail(column, `${column} ${problem}`);
                bad = true;
            } else if (value !== undefined) values[column] = value;
        });
        if (bad) continue;
        if (!held.has(key) && held.size >= DATA_TABLE_LIMITS.rows) {
            fail("row", `would exceed the limit of ${DATA_TABLE_LIMITS.rows} rows per table`);
            continue;
        }
        rows.put(key, completeRow(schema, values));
        held.add(key);
        updated++;
    }
    let deleted = 0;
    if (mode === "ReplaceAll") {
        const keep = new Set([...listed, ...failures.flatMap((f) => (f.key ? [f.key] : []))]);
        for (const row of rows.list()) {
            if (!keep.has(row.id as string)) {
                rows.delete(row.id as string);
                deleted++;
            }
        }
    }
    const outcome: ImportOutcome = {
        status: failures.length > 0 && updated === 0 ? "Failed" : "Succeeded",
        countRecordsUpdated: updated,
        countRecordsDeleted: deleted,
        countRecordsFailed: failures.length,
    };
    if (failures.length === 0) return outcome;
    const rowErrors: Models.ErrorBody[] = failures.map((f) => ({
        message: `Line ${f.line}${f.key ? ` (key ${JSON.stringify(f.key)})` : ""}: ${f.message}`,
        code: "flows.datatables.import.row.failed",
        status: 400,
        ...(f.key ? { entityId: f.key } : {}),
        messageParams: { line: String(f.line), ...(f.key ? { key: f.key } : {}) },
        details: [{ errorCode: "invalid.value", fieldName: f.fieldName, ...(f.key ? { entityId: f.key } : {}) }],
        errors: [],
    }));
    return {
        ...outcome,
        errorInformation: {
            message: `${failures.length} of ${updated + failures.length} rows failed to import; the others were applied.`,
            code: "flows.datatables.import.rows.failed",
            status: 400,
            messageParams: { failed: String(failures.length) },
            details: [],
            errors: rowErrors,
        },
    };
}

function sameSecret(a: string, b: string): boolean {
    const left = Buffer.from(a);
    const right = Buffer.from(b);
    return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * CSV import jobs: POST creates a job `WaitingForUpload` with an `uploadURI` and `uploadHeaders`; the client PUTs
 * the file there; the job is `Processing` until it is read once more or IMPORT_PROCESSING_MS have passed, then
 * `Succeeded` or `Failed` with its counts and per-row failures.
 */
export function importJobRoutes(
    store: DataTableStore,
    context: KindContext,
): { routes: Route[]; settle: (tableId: string) => void } {
    const jobs = store.importJobs;

    const finish = (job: JsonObject) => {
        const tableId = job.datatableId as string;
        const outcome = applyCsv(store, tableId, store.schema(tableId), job.importMode as string, String(job.upload));
        jobs.update(job.id as string, {
            ...fieldsOf(job),
            ...outcome,
            upload: null,
            dateCompleted: new Date(context.now()).toISOString(),
        });
    };

    /** Completes the table's uploaded jobs whose time has come (or that a poll has already seen processing). */
    const settle = (tableId: string) => {
        for (const job of jobs.list({ datatableId: tableId })) {
            const due = context.now() - (job.uploadedAt as number) >= IMPORT_PROCESSING_MS || job.polled === true;
            if (job.status === "Processing" && due) finish(job);
        }
    };

    /** The job as the platform shows it; the upload location only while it waits for the file. */
    const present = (job: JsonObject, origin: string): Models.DataTableImportJob => {
        const {
            datatableId: _t,
            uploadedAt: _u,
            polled: _p,
            upload: _up,
            uploadSignature,
            ...body
        } = withoutBookkeeping(job);
        const visible = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null));
        const waiting = job.status === "WaitingForUpload";
        return {
            ...visible,
            selfUri: `${DATA_TABLES_PATH}/${job.datatableId}/import/jobs/${job.id}`,
            ...(waiting
                ? {
                      uploadURI: Uploads.uri(origin, UPLOAD_AREA, job.id as string, {
                          signature: String(uploadSignature),
                      }),
                      uploadHeaders: { "Content-Type": CSV_CONTENT_TYPE },
                  }
                : {}),
        } as Models.DataTableImportJob;
    };

    context.uploads.register(UPLOAD_AREA, (upload: Upload) => {
        let job: JsonObject;
        try {
            job = jobs.current(upload.id);
        } catch {
            throw new ApiError(404, "not.found", "No import job waits for this upload.", {});
        }
        if (!sameSecret(upload.query.get("signature") ?? "", String(job.uploadSignature))) {
            throw new ApiError(
                403,
                "forbidden",
                "The upload URL's signature is not valid; use the job's uploadURI as returned.",
            );
        }
        if (job.status !== "WaitingForUpload") {
            throw new ApiError(409, "conflict", `Import job ${upload.id} is ${job.status}; a job takes one upload.`);
        }
        if (upload.contentType?.split(";")[0].trim().toLowerCase() !== CSV_CONTENT_TYPE) {
            throw new ApiError(
                400,
                "bad.request",
                `Send the file with the job's uploadHeaders (Content-Type: ${CSV_CONTENT_TYPE}).`,
            );
        }
        jobs.update(upload.id, {
            ...fieldsOf(job),
            status: "Processing",
            upload: upload.body.toString("utf8"),
            uploadedAt: context.now(),
            polled: false,
        });
        return { status: 200 };
    });

    const createJob: Route["handle"] = ({ params, body, origin }) => {
        store.schema(params.datatableId);
        const raw = (typeof body === "object" && body !== null ? body : {}) as JsonObject;
        const mode = raw.importMode;
        if (typeof mode !== "string" || !(IMPORT_MODES as readonly string[]).includes(mode)) {
            throw badRequest(
                [
                    {
                        fieldName: "importMode",
                        errorCode: "invalid.value",
                        message:
                            "importMode must be ReplaceAll (the file becomes the table's rows) or Append (add and update rows)",
                    },
                ],
                "import job",
            );
        }
        const created = jobs.create({
            datatableId: params.datatableId,
            ...(typeof raw.name === "string" ? { name: raw.name } : {}),
            status: "WaitingForUpload",
            importMode: mode,
            dateCreated: new Date(context.now()).toISOString(),
            uploadSignature: randomBytes(24).toString("base64url"),
            countRecordsUpdated: 0,
            countRecordsDeleted: 0,
            countRecordsFailed: 0,
        });
        return { status: 200, body: present(created, origin) };
    };

    const jobsPath = `${DATA_TABLES_PATH}/{datatableId}/import/jobs`;
    const routes: Route[] = [
        {
            method: "POST",
            pattern: `${DATA_TABLES_PATH}/{datatableId}/import/csv/jobs`,
            permissions: allOf("architect:datatable:edit", "architect:datatableRow:add"),
            handle: createJob,
        },
        {
            // The older path of the same operation, still served by the platform (and the SDK, as deprecated).
            method: "POST",
            pattern: jobsPath,
            permissions: allOf("architect:datatable:edit", "architect:datatableRow:add"),
            handle: createJob,
        },
        {
            method: "GET",
            pattern: jobsPath,
            permissions: anyOf("architect:datatable:edit", "architect:datatableRow:view"),
            handle: ({ params, query, origin }) => {
                store.tables.get(params.datatableId);
                settle(params.datatableId);
                const entities = jobs.list({ datatableId: params.datatableId }).map((job) => present(job, origin));
                const body: Models.DataTableImportEntityListing = pageList(
                    entities,
                    query,
                    `${DATA_TABLES_PATH}/${params.datatableId}/import/jobs`,
                );
                return { status: 200, body };
            },
        },
        {
            method: "GET",
            pattern: `${jobsPath}/{importJobId}`,
            permissions: anyOf("architect:datatable:view", "architect:datatableRow:view"),
            handle: ({ params, origin }) => {
                store.tables.get(params.datatableId);
                settle(params.datatableId);
                const job = jobs.get(params.importJobId);
                if (job.datatableId !== params.datatableId) {
                    throw new ApiError(404, "not.found", `Import job ${params.importJobId} was not found.`, {
                        id: params.importJobId,
                    });
                }
                if (job.status === "Processing" && job.polled !== true) {
                    // Seen processing once: the next look finds it done.
                    jobs.update(params.importJobId, { ...fieldsOf(jobs.current(params.importJobId)), polled: true });
                }
                return { status: 200, body: present(job, origin) };
            },
        },
    ];
    return { routes, settle };
}
