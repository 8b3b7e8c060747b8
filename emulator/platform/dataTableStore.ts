import { ApiError, type FieldError } from "../apiError";
import type { Collection } from "../collection";
import type { JsonObject } from "../jsonObject";
import type { KindContext } from "../kind";
import { DATA_TABLE_LIMITS, fieldDefault, KEY_FIELD, matchesType, type TableSchema } from "./dataTableSchema";

export const DATA_TABLES_PATH = "/api/v2/flows/datatables";

/** The org's one division in the emulator; tables created without a division land in it, as in a real org. */
export const HOME_DIVISION = {
    id: "8b8b8d5e-2f5c-4d8e-9d2e-3c1b6a9f0e11",
    name: "Home",
    selfUri: "/api/v2/authorization/divisions/8b8b8d5e-2f5c-4d8e-9d2e-3c1b6a9f0e11",
} as const;

/** Data tables, their rows (one collection per table, keyed by the row's `key`) and their import jobs. */
export class DataTableStore {
    readonly tables: Collection;
    readonly importJobs: Collection;

    constructor(private readonly context: KindContext) {
        this.tables = context.collection({
            name: "platformDataTables",
            label: "Data table",
            selfUri: (id) => `${DATA_TABLES_PATH}/${id}`,
        });
        // A job's URI names its table, which the collection cannot see: jobSelfUri replaces this one on output.
        this.importJobs = context.collection({
            name: "platformDataTableImportJobs",
            label: "Import job",
            selfUri: (id) => `${DATA_TABLES_PATH}/import/jobs/${id}`,
        });
    }

    rows(tableId: string): Collection {
        return this.context.collection({
            name: `platformDataTableRows-${tableId}`,
            label: `Row of data table ${tableId}`,
            selfUri: (key) => `${DATA_TABLES_PATH}/${tableId}/rows/${encodeURIComponent(key)}`,
        });
    }

    /** The table's schema as a write sees it (404 when the table is gone). */
    schema(tableId: string): TableSchema {
        return this.tables.current(tableId).schema as TableSchema;
    }

    deleteTable(tableId: string): void {
        this.tables.delete(tableId);
        const rows = this.rows(tableId);
        for (const row of rows.list()) rows.delete(row.id as string);
        for (const job of this.importJobs.list({ datatableId: tableId })) this.importJobs.delete(job.id as string);
    }
}

/** Plain code-point order, so a listing's order never depends on the host's locale. */
export function byCodePoint(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** A row's values for storage and output: only the schema's fields, the unset ones at their defaults. */
export function completeRow(schema: TableSchema, values: JsonObject): JsonObject {
    const row: JsonObject = {};
    for (const [name, field] of Object.entries(schema.properties)) {
        row[name] = Object.hasOwn(values, name) ? values[name] : fieldDefault(field);
    }
    return row;
}

/**
 * Checks a row body against the table's fields: a `key` string of 1..256 characters, no field the table lacks,
 * every value of its field's type. `pathKey` (an update's row id) must equal the body's key when both are given.
 */
export function checkRow(
    schema: TableSchema,
    body: unknown,
    pathKey?: string,
): { row?: JsonObject; errors: FieldError[] } {
    const errors: FieldError[] = [];
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
        return {
            errors: [
                {
                    fieldName: "body",
                    errorCode: "invalid.value",
                    message: "a row must be a JSON object of field values",
                },
            ],
        };
    }
    const values = { ...(body as JsonObject) };
    if (pathKey !== undefined && values[KEY_FIELD] === undefined) values[KEY_FIELD] = pathKey;
    const key = values[KEY_FIELD];
    if (typeof key !== "string" || key === "" || key.length > DATA_TABLE_LIMITS.keyLength) {
        errors.push({
            fieldName: KEY_FIELD,
            errorCode: "invalid.value",
            message: `key must be a string of 1 to ${DATA_TABLE_LIMITS.keyLength} characters (the row's key)`,
        });
    } else if (pathKey !== undefined && key !== pathKey) {
        errors.push({
            fieldName: KEY_FIELD,
            errorCode: "invalid.value",
            message: "key must equal the row id in the path: a row's key cannot change (delete it and create another)",
        });
    }
    for (const [name, value] of Object.entries(values)) {
        const field = schema.properties[name];
        if (!field) {
            errors.push({
                fieldName: name,
                errorCode: "unknown.field",
                message: `${name} is not a field of this table (fields: ${Object.keys(schema.properties).join(", ")})`,
            });
        } else if (name !== KEY_FIELD && value !== null && !matchesType(field.type, value)) {
            errors.push({
                fieldName: name,
                errorCode: "invalid.value",
                message: `${name} must be of type ${field.type}`,
            });
        }
    }
    if (errors.length > 0) return { errors };
    const present = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
    return { row: completeRow(schema, present), errors };
}

export function rowLimitError(): ApiError {
    return new ApiError(
        400,
        "flows.datatables.too.many.rows",
        `A data table holds at most ${DATA_TABLE_LIMITS.rows} rows; delete rows before adding more.`,
        { limit: String(DATA_TABLE_LIMITS.rows) },
    );
}
