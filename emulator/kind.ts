import type { Collection, CollectionOptions } from "./collection";
import type { ReplaySettings } from "./replaySequence";
import type { RegionTable } from "./kinds/regions";
import type { Scope } from "./scopes";
import type { Validation } from "./validation";

export type Method = "GET" | "POST" | "PUT" | "DELETE";

export interface ApiRequest {
    /** Path parameters; each is already checked to be a plain id. */
    params: Record<string, string>;
    query: URLSearchParams;
    /** The parsed JSON body of a POST or PUT; undefined for GET and DELETE. */
    body: unknown;
}

export interface ApiResult {
    status: number;
    body?: unknown;
}

export interface Route {
    method: Method;
    /** Raw path with `{name}` parameter segments, e.g. "/api/v2/recording/policies/{id}". */
    pattern: string;
    /** OAuth scope the caller's token must hold; a missing scope is a 403 naming it. */
    scope: Scope;
    /** Returns the response or throws ApiError. POST/PUT/DELETE results under 400 count as committed writes. */
    handle(request: ApiRequest): ApiResult | Promise<ApiResult>;
}

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
