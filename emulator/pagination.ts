import { ApiError, type FieldError } from "./apiError";

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export interface PageResponse<T> {
    entities: T[];
    pageSize: number;
    pageNumber: number;
    total: number;
    pageCount: number;
    selfUri: string;
    firstUri: string;
    nextUri?: string;
    previousUri?: string;
    lastUri: string;
}

export interface TokenPageResponse<T> {
    entities: T[];
    nextPageToken?: string;
}

function integerParam(
    query: URLSearchParams,
    name: string,
    fallback: number,
    min: number,
    max: number,
    errors: FieldError[],
): number {
    const raw = query.get(name);
    if (raw === null || raw === "") return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
        errors.push({
            fieldName: name,
            errorCode: "invalid.value",
            message: `${name} must be an integer between ${min} and ${max}`,
        });
        return fallback;
    }
    return value;
}

function throwIfAny(errors: FieldError[]): void {
    if (errors.length > 0) {
        throw new ApiError(
            400,
            "bad.request",
            `Invalid paging: ${errors.map((e) => e.message).join("; ")}`,
            {},
            errors,
        );
    }
}

/** The query parameters among `names` the request sent, to carry into a page list's URIs (`pageList`'s `keepQuery`). */
export function sentQuery(query: URLSearchParams, names: readonly string[]): Record<string, string> {
    return Object.fromEntries(names.flatMap((name) => (query.has(name) ? [[name, query.get(name) as string]] : [])));
}

/** The platform's page-based list over an already filtered, ordered result. `keepQuery` carries filters into the paging URIs. */
export function pageList<T>(
    all: T[],
    query: URLSearchParams,
    basePath: string,
    keepQuery: Record<string, string> = {},
): PageResponse<T> {
    const errors: FieldError[] = [];
    const pageSize = integerParam(query, "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, errors);
    const pageNumber = integerParam(query, "pageNumber", 1, 1, Number.MAX_SAFE_INTEGER, errors);
    throwIfAny(errors);
    const total = all.length;
    const pageCount = Math.ceil(total / pageSize);
    const uri = (n: number) =>
        `${basePath}?${new URLSearchParams({ pageSize: String(pageSize), pageNumber: String(n), ...keepQuery })}`;
    const start = (pageNumber - 1) * pageSize;
    return {
        entities: all.slice(start, start + pageSize),
        pageSize,
        pageNumber,
        total,
        pageCount,
        selfUri: uri(pageNumber),
        firstUri: uri(1),
        ...(pageNumber < pageCount ? { nextUri: uri(pageNumber + 1) } : {}),
        ...(pageNumber > 1 ? { previousUri: uri(Math.min(pageNumber - 1, Math.max(pageCount, 1))) } : {}),
        lastUri: uri(Math.max(pageCount, 1)),
    };
}

interface PageCursor {
    lastId: string;
    offset: number;
}

function encodeCursor(cursor: PageCursor): string {
    return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(token: string): PageCursor | undefined {
    try {
        const cursor = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Partial<PageCursor>;
        if (typeof cursor.lastId === "string" && Number.isInteger(cursor.offset) && (cursor.offset as number) >= 0) {
            return cursor as PageCursor;
        }
    } catch {
        // fall through: any undecodable token is the caller's mistake
    }
    return undefined;
}

/**
 * The token-based list (`?pageSize=&pageToken=` → `{entities, nextPageToken}`). The opaque token names the
 * last id returned, so deleting or adding earlier objects between pages neither repeats nor skips entries;
 * if that object is gone, the remembered offset is used instead.
 */
export function tokenList<T extends { id: unknown }>(all: T[], query: URLSearchParams): TokenPageResponse<T> {
    const errors: FieldError[] = [];
    const pageSize = integerParam(query, "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, errors);
    const token = query.get("pageToken");
    let start = 0;
    if (token !== null && token !== "") {
        const cursor = decodeCursor(token);
        if (!cursor) {
            errors.push({
                fieldName: "pageToken",
                errorCode: "invalid.value",
                message: "pageToken must be a nextPageToken returned by this list",
            });
        } else {
            const index = all.findIndex((e) => e.id === cursor.lastId);
            start = index >= 0 ? index + 1 : cursor.offset;
        }
    }
    throwIfAny(errors);
    const entities = all.slice(start, start + pageSize);
    const end = start + entities.length;
    if (end >= all.length || entities.length === 0) return { entities };
    return { entities, nextPageToken: encodeCursor({ lastId: String(entities[entities.length - 1].id), offset: end }) };
}
