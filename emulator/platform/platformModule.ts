import type { KindContext, Route } from "../kind";

/**
 * One family of the platform's real objects (data tables, integrations, the organization), served on the real
 * Platform API v2 paths with the real models beside the API contract's kinds; listed in `platform/index.ts`.
 */
export interface PlatformModule {
    /** For messages and the route table, e.g. "data tables". */
    name: string;
    routes(context: KindContext): Route[];
}

/** A collection object without the contract's bookkeeping, which the platform's models do not have. */
export function withoutBookkeeping(object: Record<string, unknown>): Record<string, unknown> {
    const { version: _version, dateCreated: _created, dateModified: _modified, ...rest } = object;
    return rest;
}

/** The stored fields of a collection object, to write back with a change: no id, selfUri or bookkeeping. */
export function fieldsOf(object: Record<string, unknown>): Record<string, unknown> {
    const { id: _id, selfUri: _selfUri, ...rest } = withoutBookkeeping(object);
    return rest;
}
