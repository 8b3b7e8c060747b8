import type { Models } from "purecloud-platform-client-v2";
import { ApiError, badRequest, type FieldError } from "../apiError";
import { isPlainObject, type JsonObject } from "../jsonObject";
import type { Route } from "../kind";
import { pageList, sentQuery } from "../pagination";
import { importJobRoutes } from "./dataTableImports";
import {
    byCodePoint,
    checkRow,
    DATA_TABLES_PATH,
    DataTableStore,
    HOME_DIVISION,
    rowLimitError,
} from "./dataTableStore";
import { checkSchema, DATA_TABLE_LIMITS, KEY_FIELD, schemaChangeErrors, type TableSchema } from "./dataTableSchema";
import { allOf, anyOf } from "./permissions";
import { type PlatformModule, withoutBookkeeping } from "./platformModule";

const TABLE = `${DATA_TABLES_PATH}/{datatableId}`;
const ROWS = `${TABLE}/rows`;
const ROW = `${ROWS}/{rowId}`;

function tableBody(stored: JsonObject, withSchema: boolean): Models.DataTable {
    const { schema, ...rest } = withoutBookkeeping(stored);
    return { ...rest, ...(withSchema ? { schema: schema as TableSchema } : {}) } as Models.DataTable;
}

/** `expand=schema` (the only expansion the table endpoints take) adds the schema to a table. */
function expandsSchema(query: URLSearchParams): boolean {
    return query.getAll("expand").some((e) => e.split(",").includes("schema"));
}

/** Name, description, division and schema of a create or update body; every problem as a field error. */
function checkTable(body: unknown): { value?: JsonObject; errors: FieldError[] } {
    const errors: FieldError[] = [];
    const raw: JsonObject = isPlainObject(body) ? body : {};
    const name = raw.name;
    if (typeof name !== "string" || name.trim() === "") {
        errors.push({ fieldName: "name", errorCode: "required", message: "name is required" });
    } else if (name.length > DATA_TABLE_LIMITS.nameLength || /[/\\]/.test(name)) {
        errors.push({
            fieldName: "name",
            errorCode: "invalid.value",
            message: `name must be at most ${DATA_TABLE_LIMITS.nameLength} characters without / or \\`,
        });
    }
    if (raw.description !== undefined && typeof raw.description !== "string") {
        errors.push({ fieldName: "description", errorCode: "invalid.value", message: "description must be a string" });
    }
    const division = raw.division as { id?: unknown } | undefined;
    if (division !== undefined && division !== null && division.id !== undefined && division.id !== HOME_DIVISION.id) {
        errors.push({
            fieldName: "division.id",
            errorCode: "invalid.value",
            message: `division.id must be a division of the org (the emulator's org has one: Home, ${HOME_DIVISION.id})`,
        });
    }
    const schema = checkSchema(raw.schema, typeof name === "string" ? name : "", errors);
    if (errors.length > 0 || !schema) return { errors };
    return {
        errors,
        value: {
            name,
            ...(typeof raw.description === "string" ? { description: raw.description } : {}),
            division: { ...HOME_DIVISION },
            schema,
        },
    };
}

/** `name` filter: case-insensitive, `*` matches any run of characters. */
function nameMatcher(pattern: string | null): (name: unknown) => boolean {
    if (pattern === null || pattern === "") return () => true;
    const source = pattern
        .split("*")
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*");
    const regex = new RegExp(`^${source}$`, "i");
    return (name) => typeof name === "string" && regex.test(name);
}

function duplicateName(name: string): ApiError {
    return new ApiError(
        409,
        "flows.datatables.duplicate.name",
        `A data table named ${JSON.stringify(name)} already exists; table names are unique in an org.`,
        { name },
    );
}

function tableRoutes(store: DataTableStore): Route[] {
    const nameTaken = (name: string, except?: string) =>
        store.tables.list().some((t) => t.id !== except && (t.name as string).toLowerCase() === name.toLowerCase());
    return [
        {
            method: "GET",
            pattern: DATA_TABLES_PATH,
            permissions: allOf("architect:datatable:view"),
            handle: ({ query }) => {
                const matches = nameMatcher(query.get("name"));
                const divisions = query.getAll("divisionId");
                const descending = query.get("sortOrder")?.toLowerCase() === "descending";
                const sortBy = query.get("sortBy") === "name" ? "name" : "id";
                const tables = store.tables
                    .list()
                    .filter((t) => matches(t.name))
                    .filter((t) => divisions.length === 0 || divisions.includes((t.division as { id: string }).id))
                    .sort((a, b) => byCodePoint(String(a[sortBy]), String(b[sortBy])) * (descending ? -1 : 1))
                    .map((t) => tableBody(t, expandsSchema(query)));
                const keep = sentQuery(query, ["name", "expand", "sortBy", "sortOrder"]);
                const body: Models.DataTablesDomainEntityListing = pageList(tables, query, DATA_TABLES_PATH, keep);
                return { status: 200, body };
            },
        },
        {
            method: "POST",
            pattern: DATA_TABLES_PATH,
            permissions: allOf("architect:datatable:add"),
            handle: ({ body }) => {
                const checked = checkTable(body);
                if (!checked.value) throw badRequest(checked.errors, "data table");
                if (nameTaken(checked.value.name as string)) throw duplicateName(checked.value.name as string);
                if (store.tables.list().length >= DATA_TABLE_LIMITS.tables) {
                    throw new ApiError(
                        400,
                        "flows.datatables.too.many.tables",
                        `An org holds at most ${DATA_TABLE_LIMITS.tables} data tables; delete one or ask Genesys Customer Care to raise the limit.`,
                        { limit: String(DATA_TABLE_LIMITS.tables) },
                    );
                }
                return { status: 200, body: tableBody(store.tables.create(checked.value), true) };
            },
        },
        {
            method: "GET",
            pattern: TABLE,
            permissions: allOf("architect:datatable:view"),
            handle: ({ params, query }) => ({
                status: 200,
                body: tableBody(store.tables.get(params.datatableId), expandsSchema(query)),
            }),
        },
        {
            method: "PUT",
            pattern: TABLE,
            permissions: allOf("architect:datatable:edit"),
            handle: ({ params, body, query }) => {
                const current = store.tables.current(params.datatableId);
                const checked = checkTable(body);
                const errors = [
                    ...checked.errors,
                    ...(checked.value
                        ? schemaChangeErrors(current.schema as TableSchema, checked.value.schema as TableSchema)
                        : []),
                ];
                if (!checked.value || errors.length > 0) throw badRequest(errors, "data table");
                if (nameTaken(checked.value.name as string, params.datatableId)) {
                    throw duplicateName(checked.value.name as string);
                }
                const updated = store.tables.update(params.datatableId, checked.value);
                return { status: 200, body: tableBody(updated, expandsSchema(query)) };
            },
        },
        {
            method: "DELETE",
            pattern: TABLE,
            permissions: allOf("architect:datatable:delete"),
            handle: ({ params }) => {
                store.deleteTable(params.datatableId);
                return { status: 204 };
            },
        },
    ];
}

function rowRoutes(store: DataTableStore, settle: (tableId: string) => void): Route[] {
    const brief = (query: URLSearchParams) => query.get("showbrief")?.toLowerCase() !== "false";
    const present = (row: JsonObject, showBrief: boolean): Record<string, unknown> => {
        const { id: _id, selfUri: _selfUri, ...values } = withoutBookkeeping(row);
        return showBrief ? { [KEY_FIELD]: values[KEY_FIELD] } : values;
    };
    return [
        {
            method: "GET",
            pattern: ROWS,
            permissions: anyOf("architect:datatable:view", "architect:datatableRow:view"),
            handle: ({ params, query }) => {
                store.tables.get(params.datatableId);
                settle(params.datatableId);
                const descending = query.get("sortOrder")?.toLowerCase() === "descending";
                const rows = store
                    .rows(params.datatableId)
                    .list()
                    .sort((a, b) => byCodePoint(String(a.id), String(b.id)) * (descending ? -1 : 1))
                    .map((row) => present(row, brief(query)));
                const keep = sentQuery(query, ["showbrief", "sortOrder"]);
                const body: Models.DataTableRowEntityListing = pageList(
                    rows as { [key: string]: object }[],
                    query,
                    `${DATA_TABLES_PATH}/${params.datatableId}/rows`,
                    keep,
                );
                return { status: 200, body };
            },
        },
        {
            method: "POST",
            pattern: ROWS,
            permissions: anyOf("architect:datatable:add", "architect:datatableRow:add"),
            handle: ({ params, body }) => {
                const schema = store.schema(params.datatableId);
                settle(params.datatableId);
                const { row, errors } = checkRow(schema, body);
                if (!row) throw badRequest(errors, "data table row");
                const rows = store.rows(params.datatableId);
                const key = row[KEY_FIELD] as string;
                if (rows.list().some((r) => r.id === key)) {
                    throw new ApiError(
                        409,
                        "flows.datatables.row.duplicate.key",
                        `A row with key ${JSON.stringify(key)} already exists in this table; update it with PUT instead.`,
                        { key },
                    );
                }
                if (rows.list().length >= DATA_TABLE_LIMITS.rows) throw rowLimitError();
                return { status: 200, body: present(rows.put(key, row).object, false) };
            },
        },
        {
            method: "GET",
            pattern: ROW,
            textParams: ["rowId"],
            permissions: anyOf("architect:datatable:view", "architect:datatableRow:view"),
            handle: ({ params, query }) => {
                store.tables.get(params.datatableId);
                settle(params.datatableId);
                return { status: 200, body: present(store.rows(params.datatableId).get(params.rowId), brief(query)) };
            },
        },
        {
            method: "PUT",
            pattern: ROW,
            textParams: ["rowId"],
            permissions: anyOf("architect:datatable:edit", "architect:datatableRow:edit"),
            handle: ({ params, body }) => {
                const schema = store.schema(params.datatableId);
                settle(params.datatableId);
                const rows = store.rows(params.datatableId);
                rows.current(params.rowId);
                const { row, errors } = checkRow(schema, body, params.rowId);
                if (!row) throw badRequest(errors, "data table row");
                return { status: 200, body: present(rows.update(params.rowId, row), false) };
            },
        },
        {
            method: "DELETE",
            pattern: ROW,
            textParams: ["rowId"],
            permissions: anyOf("architect:datatable:delete", "architect:datatableRow:delete"),
            handle: ({ params }) => {
                store.tables.current(params.datatableId);
                settle(params.datatableId);
                store.rows(params.datatableId).delete(params.rowId);
                return { status: 204 };
            },
        },
    ];
}

/** Architect data tables: `/api/v2/flows/datatables`, their rows and their CSV import jobs. */
export const dataTables: PlatformModule = {
    name: "data tables",
    routes: (context) => {
        const store = new DataTableStore(context);
        const imports = importJobRoutes(store, context);
        return [...tableRoutes(store), ...rowRoutes(store, imports.settle), ...imports.routes];
    },
};
