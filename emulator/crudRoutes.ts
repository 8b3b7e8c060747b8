import { badRequest, type FieldError } from "./apiError";
import type { Collection } from "./collection";
import type { KindContext, KindModule, Route } from "./kind";
import { pageList } from "./pagination";
import type { Scope } from "./scopes";

export interface CrudOptions {
    readScope: Scope;
    writeScope: Scope;
    /** Top-level string fields the list accepts as exact-match query filters, e.g. ["name"]. */
    filterableFields?: readonly string[];
}

/** The kind's own collection: named after the kind, objects at `${basePath}/{id}`, its write-only fields hidden. */
export function kindCollection(kind: KindModule, context: KindContext): Collection {
    return context.collection({
        name: kind.name,
        label: kind.label,
        selfUri: (id) => `${kind.basePath}/${id}`,
        writeOnlyFields: kind.writeOnlyFields,
    });
}

/** The optional `version` of an update body; anything but a positive integer is a field error. */
export function expectedVersion(body: unknown): { version?: number; error?: FieldError } {
    const raw = typeof body === "object" && body !== null ? (body as Record<string, unknown>).version : undefined;
    if (raw === undefined || raw === null) return {};
    if (typeof raw === "number" && Number.isInteger(raw) && raw >= 1) return { version: raw };
    return {
        error: {
            fieldName: "version",
            errorCode: "invalid.value",
            message: "version must be a positive integer (the version you last read)",
        },
    };
}

function filtersFrom(query: URLSearchParams, fields: readonly string[]): Record<string, string> {
    const filters: Record<string, string> = {};
    for (const field of fields) {
        const value = query.get(field);
        if (value !== null) filters[field] = value;
    }
    return filters;
}

/**
 * The platform's usual shape for a server-id kind: POST creates (200 with the object), GET/PUT/DELETE by id,
 * page-based list. PUT replaces the whole body; its `version`, when sent, must be the current one.
 */
export function crudRoutes(kind: KindModule, context: KindContext, options: CrudOptions): Route[] {
    const collection = kindCollection(kind, context);
    const subject = kind.label.toLowerCase();
    const itemPattern = `${kind.basePath}/{id}`;
    return [
        {
            method: "POST",
            pattern: kind.basePath,
            scope: options.writeScope,
            handle: ({ body }) => {
                const checked = kind.validate(body);
                if (!checked.ok) throw badRequest(checked.errors, subject);
                return { status: 200, body: collection.create(checked.value) };
            },
        },
        {
            method: "GET",
            pattern: kind.basePath,
            scope: options.readScope,
            handle: ({ query }) => {
                const filters = filtersFrom(query, options.filterableFields ?? []);
                return { status: 200, body: pageList(collection.list(filters), query, kind.basePath, filters) };
            },
        },
        {
            method: "GET",
            pattern: itemPattern,
            scope: options.readScope,
            handle: ({ params }) => ({ status: 200, body: collection.get(params.id) }),
        },
        {
            method: "PUT",
            pattern: itemPattern,
            scope: options.writeScope,
            handle: ({ params, body }) => {
                const checked = kind.validate(body);
                const version = expectedVersion(body);
                const errors = [...(checked.ok ? [] : checked.errors), ...(version.error ? [version.error] : [])];
                if (errors.length > 0 || !checked.ok) throw badRequest(errors, subject);
                return { status: 200, body: collection.update(params.id, checked.value, version.version) };
            },
        },
        {
            method: "DELETE",
            pattern: itemPattern,
            scope: options.writeScope,
            handle: ({ params }) => {
                collection.delete(params.id);
                return { status: 204 };
            },
        },
    ];
}
