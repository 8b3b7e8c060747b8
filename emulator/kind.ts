import type { Collection, CollectionOptions } from "./collection";
import type { ReplaySettings } from "./replaySequence";
import type { RegionTable } from "./kinds/regions";
import type { PermissionRequirement } from "./platform/permissions";
import type { Scope } from "./scopes";
import type { Uploads } from "./uploads";
import type { Validation } from "./validation";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiRequest {
    /** Path parameters; each is already checked to be a plain id, or decoded when the route lists it in `textParams`. */
    params: Record<string, string>;
    query: URLSearchParams;
    /** The parsed JSON body of a POST, PUT or PATCH; undefined for GET and DELETE. */
    body: unknown;
    /** Scheme, host and port the caller reached the emulator at, for absolute URLs in responses (upload URIs). */
    origin: string;
}

export interface ApiResult {
    status: number;
    body?: unknown;
}

interface RouteBase {
    method: Method;
    /** Raw path with `{name}` parameter segments, e.g. "/api/v2/recording/policies/{id}". */
    pattern: string;
    /**
     * Parameters that carry free text (a data-table row key) rather than an id: percent-decoded, 1..256
     * characters. Every other parameter must be a plain id.
     */
    textParams?: readonly string[];
    /** Returns the response or throws ApiError. Write results under 400 count as committed writes. */
    handle(request: ApiRequest): ApiResult | Promise<ApiResult>;
}

/**
 * How a route is authorized: the API contract's OAuth scope, or, on the platform's real paths, the permissions
 * the OAuth client's roles must grant. Either way a refusal is a 403 naming what is missing.
 */
export type Route = RouteBase &
    ({ scope: Scope; permissions?: never } | { permissions: PermissionRequirement; scope?: never });

/** What the emulator gives a kind when it asks for its routes. */
export interface KindContext {
    /** The named collection, created (and loaded from dataDir) on first use and shared across kinds. */
    collection(options: CollectionOptions): Collection;
    /** The emulator's clock in epoch ms, for rules that depend on the date. */
    now: () => number;
    /** How replays produce sequence data (event streams); changeable at run time. */
    replay: ReplaySettings;
    /** The org's regions and their health (failover strategies); changeable at run time. */
    regions: RegionTable;
    /** Where modules whose objects take a file by pre-signed URL (data-table imports) receive it. */
    uploads: Uploads;
}

/** One resource kind of the contract; each lives in its own file under `kinds/` and is listed in `kinds/index.ts`. */
export interface KindModule {
    /** Collection name, also the persistence file name. */
    name: string;
    /** Singular noun for messages, e.g. "Recording policy". */
    label: string;
    /** Collection path, e.g. "/api/v2/recording/policies"; objects live at `${basePath}/{id}`. */
    basePath: string;
    /** Dot paths stored but never returned. */
    writeOnlyFields: readonly string[];
    /** Full-body validation for create and update; returns only the declared fields. */
    validate(body: unknown): Validation;
    routes(context: KindContext): Route[];
}
