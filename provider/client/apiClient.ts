import nodeFetch from "node-fetch";
import type { GenesysConfig } from "./config";
import {
    GenesysApiError,
    asString,
    errorDetails,
    missingPermissionsOf,
    missingScopeOf,
    parseErrorBody,
} from "./apiError";
import { exchange, type FetchFn, type HttpExchange } from "./httpTransport";
import { collectLinkedPages, collectNumberedPages, collectTokenPages, type PageLink } from "./pagination";
import { RateLimiter, type Clock } from "./rateLimiter";
import { buildRequestUrl, type Query } from "./requestUrl";
import { RecentWrites } from "./recentWrites";
import { retryAfterMs, withRetries } from "./retryPolicy";
import { TokenManager } from "./tokenManager";

export type { Query } from "./requestUrl";

export interface ClientOptions {
    /** Per-token request budget (default 300, the platform default); `inin-ratelimit-allowed` may lower it. */
    rateLimitPerMinute?: number;
    /** Length of the rate-limit window (default 60 000 ms); tests shorten it. */
    rateLimitWindowMs?: number;
    /** Budget for one call including all retries and waits (default 120 000 ms). */
    deadlineMs?: number;
    /** Timeout of a single HTTP attempt (default 30 000 ms). */
    requestTimeoutMs?: number;
    fetch?: typeof import("node-fetch").default;
    /** The rate limiter's time (default: the real one); tests pass a virtual clock so pacing is exact. */
    clock?: Clock;
    /** First retry backoff (default 500 ms); doubles per attempt. */
    minRetryDelayMs?: number;
    /**
     * How long after a write the platform may still answer 404 for the object (default 3 000 ms): a GET of an object
     * this client wrote within that window is read again instead of believed gone (see RecentWrites).
     */
    readAfterWriteMs?: number;
    /** Told how each call ended, after its retries (the audit trail attributes these to the operation that made them). */
    onCall?: (call: CallOutcome) => void;
}

/** How one call ended: its final HTTP status (absent when no response arrived), attempts and correlation id. */
export interface CallOutcome {
    status?: number;
    attempts: number;
    correlationId?: string;
}

export interface ApiResult<T> {
    status: number;
    body: T;
    /** The platform's ININ-Correlation-Id, to quote to Genesys support. */
    correlationId?: string;
    /** HTTP attempts made, including the one that succeeded. */
    attempts: number;
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestOptions {
    query?: Query;
    body?: unknown;
    /**
     * Whether repeating the request after a lost response is harmless. Defaults to false for POST (creates) and true
     * otherwise. Note a PUT carrying `version` that is repeated after its first attempt committed answers 409, and a
     * repeated DELETE answers 404: callers of those should read `attempts > 1` on the error accordingly.
     */
    idempotent?: boolean;
}

const DEFAULTS = {
    rateLimitPerMinute: 300,
    rateLimitWindowMs: 60_000,
    deadlineMs: 120_000,
    requestTimeoutMs: 30_000,
    minRetryDelayMs: 500,
    readAfterWriteMs: 3_000,
};

/**
 * Genesys Cloud Platform API client: bearer token, client-side rate limiting, retries and error mapping.
 *
 * Paths are `/api/v2/...` with every caller-supplied segment already encoded, e.g.
 * `client.get(\`/api/v2/recording/policies/${encodeURIComponent(id)}\`)`; the client does not re-encode paths.
 */
export class ApiClient {
    readonly stats: { requests: number; retries: number; throttled: number; readonly tokensFetched: number };
    private readonly tokens: TokenManager;
    private readonly limiter: RateLimiter;
    private readonly fetchFn: FetchFn;
    private readonly settings: typeof DEFAULTS;
    private readonly recentWrites: RecentWrites;
    private readonly onCall?: (call: CallOutcome) => void;

    constructor(
        private readonly config: GenesysConfig,
        options: ClientOptions = {},
    ) {
        const { fetch: fetchOption, onCall, clock, ...numbers } = options;
        for (const [name, value] of Object.entries(numbers)) {
            if (value !== undefined && !(typeof value === "number" && value > 0)) {
                throw new Error(`ApiClient option ${name} must be a positive number, got ${String(value)}`);
            }
        }
        this.settings = { ...DEFAULTS, ...stripUndefined(numbers) };
        this.fetchFn = fetchOption ?? nodeFetch;
        this.recentWrites = new RecentWrites(this.settings.readAfterWriteMs);
        this.onCall = onCall;
        this.tokens = new TokenManager(config, {
            fetch: this.fetchFn,
            requestTimeoutMs: this.settings.requestTimeoutMs,
        });
        this.limiter = new RateLimiter({
            limit: this.settings.rateLimitPerMinute,
            windowMs: this.settings.rateLimitWindowMs,
            limitIsCeiling: options.rateLimitPerMinute !== undefined,
            clock,
        });
        const tokens = this.tokens;
        this.stats = {
            requests: 0,
            retries: 0,
            throttled: 0,
            get tokensFetched() {
                return tokens.tokensFetched;
            },
        };
    }

    /** How long after a write the platform may still answer 404 for the object (ClientOptions.readAfterWriteMs). */
    get readAfterWriteMs(): number {
        return this.settings.readAfterWriteMs;
    }

    async request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<ApiResult<T>> {
        const itemPath = path.split("?", 1)[0];
        for (;;) {
            try {
                const result = await this.requestWithRetries<T>(method, path, opts);
                this.noteWrite(method, itemPath, result.body);
                return result;
            } catch (error) {
                if (!(error instanceof GenesysApiError)) throw error;
                // A PUT may have committed when its outcome is unknown, or when an earlier attempt's response was lost.
                if (method === "DELETE" || (method === "PUT" && (error.ambiguous || error.attempts > 1)))
                    this.noteWrite(method, itemPath, undefined);
                const rereadIn =
                    method === "GET" && error.status === 404
                        ? this.recentWrites.rereadDelayMs(itemPath, this.settings.minRetryDelayMs)
                        : undefined;
                if (rereadIn === undefined) throw error;
                this.stats.retries += 1;
                await new Promise((resolve) => setTimeout(resolve, rereadIn));
            }
        }
    }

    /** Remembers what may now exist (or no longer does) for RecentWrites. */
    private noteWrite(method: Method, path: string, body: unknown): void {
        if (method === "DELETE") this.recentWrites.deleted(path);
        else if (method === "PUT" || method === "PATCH") this.recentWrites.wrote(path);
        else if (method === "POST") {
            const id = (body as { id?: unknown } | undefined)?.id;
            if (typeof id === "string") this.recentWrites.wrote(`${path}/${encodeURIComponent(id)}`);
        }
    }

    private async requestWithRetries<T>(method: Method, path: string, opts: RequestOptions): Promise<ApiResult<T>> {
        const url = buildRequestUrl(this.config.apiUrl, path, opts.query).toString();
        const errorPath = path.split("?", 1)[0];
        const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
        const idempotent = opts.idempotent ?? method !== "POST";
        let sends = 0;
        let tokenRefreshed = false;

        const send = async (deadlineAt: number): Promise<HttpExchange> => {
            const token = await this.tokens.getToken();
            await this.limiter.acquire();
            sends += 1;
            this.stats.requests += 1;
            const response = await exchange(this.fetchFn, url, {
                method,
                path: errorPath,
                headers: {
                    Authorization: `Bearer ${token}`,
                    Accept: "application/json",
                    ...(body === undefined ? {} : { "Content-Type": "application/json" }),
                },
                body,
                timeoutMs: Math.max(1, Math.min(this.settings.requestTimeoutMs, deadlineAt - Date.now())),
                ambiguousIfLost: method !== "GET",
            });
            this.observeRateHeaders(response);
            // A refused token is replaced once per call: a second 401 means the credentials, not the token, are the problem.
            if (response.status === 401 && !tokenRefreshed) {
                tokenRefreshed = true;
                this.tokens.invalidate(token);
                this.stats.retries += 1;
                return send(deadlineAt);
            }
            return response;
        };

        const retried = withRetries(
            async (_attemptNumber, deadlineAt) => {
                try {
                    return this.toResult<T>(method, errorPath, await send(deadlineAt), sends);
                } catch (error) {
                    if (error instanceof GenesysApiError) error.attempts = sends;
                    throw error;
                }
            },
            { deadlineMs: this.settings.deadlineMs, minRetryDelayMs: this.settings.minRetryDelayMs, idempotent },
            () => {
                this.stats.retries += 1;
            },
        );
        if (!this.onCall) return retried;
        const onCall = this.onCall;
        return retried.then(
            (result) => {
                onCall({ status: result.status, attempts: result.attempts, correlationId: result.correlationId });
                return result;
            },
            (error: unknown) => {
                const api = error instanceof GenesysApiError ? error : undefined;
                onCall({
                    status: api?.status || undefined,
                    attempts: Math.max(sends, 1),
                    correlationId: api?.contextId,
                });
                throw error;
            },
        );
    }

    async get<T>(path: string, query?: Query): Promise<T> {
        return (await this.request<T>("GET", path, { query })).body;
    }

    /** A create: not repeated after a lost response (see GenesysApiError.ambiguous). */
    async post<T>(path: string, body: unknown): Promise<T> {
        return (await this.request<T>("POST", path, { body })).body;
    }

    async put<T>(path: string, body: unknown): Promise<T> {
        return (await this.request<T>("PUT", path, { body })).body;
    }

    /** A partial change, e.g. an integration's `intendedState`: repeating it changes nothing more, so it is retried. */
    async patch<T>(path: string, body: unknown): Promise<T> {
        return (await this.request<T>("PATCH", path, { body })).body;
    }

    async delete(path: string): Promise<void> {
        await this.request<unknown>("DELETE", path);
    }

    /**
     * PUTs a file to a pre-signed upload URL the platform handed out (an import job's `uploadURI`), with the
     * headers it asked for. The URL itself authorizes the upload, so no bearer token is sent; it is retried like any
     * idempotent write. Errors never quote the URL, whose query is a credential.
     */
    async upload(url: string, headers: Record<string, string>, body: string): Promise<void> {
        const path = "(pre-signed upload URL)";
        await withRetries(
            async (_attemptNumber, deadlineAt) => {
                this.stats.requests += 1;
                const response = await exchange(this.fetchFn, url, {
                    method: "PUT",
                    path,
                    headers,
                    body,
                    timeoutMs: Math.max(1, Math.min(this.settings.requestTimeoutMs, deadlineAt - Date.now())),
                    ambiguousIfLost: true,
                });
                if (response.status >= 200 && response.status < 300) return;
                const error = parseErrorBody(response.text);
                throw new GenesysApiError({
                    method: "PUT",
                    path,
                    status: response.status,
                    code: asString(error.code),
                    reason: asString(error.message) ?? (response.text.slice(0, 200) || "no error message"),
                    ambiguous: response.status === 408 || response.status >= 500,
                    retryAfterMs:
                        response.status === 429 ? retryAfterMs((name) => response.headers.get(name)) : undefined,
                });
            },
            { deadlineMs: this.settings.deadlineMs, minRetryDelayMs: this.settings.minRetryDelayMs, idempotent: true },
            () => {
                this.stats.retries += 1;
            },
        );
    }

    /** All entities of a page-based list (`pageSize`/`pageNumber`). */
    listPages<T>(path: string, query?: Query): Promise<T[]> {
        return collectNumberedPages<T>((p, q) => this.get(p, q), path, query);
    }

    /** All entities of a token-based list (`pageToken`/`nextPageToken`). */
    listTokenPages<T>(path: string, query?: Query): Promise<T[]> {
        return collectTokenPages<T>((p, q) => this.get(p, q), path, query);
    }

    /** All entities of a list whose pages link to the next by path (`nextPage`, e.g. the audit log; `nextUri`, cursor lists). */
    listLinkedPages<T>(path: string, query?: Query, link?: PageLink): Promise<T[]> {
        return collectLinkedPages<T>((p, q) => this.get(p, q), path, query, link);
    }

    private observeRateHeaders(response: HttpExchange): void {
        const allowed = Number(response.headers.get("inin-ratelimit-allowed"));
        if (allowed > 0) this.limiter.observeAllowed(allowed);
        if (response.status === 429) {
            this.stats.throttled += 1;
            this.limiter.pauseFor(retryAfterMs((name) => response.headers.get(name)) ?? 0);
        }
    }

    private toResult<T>(method: Method, path: string, response: HttpExchange, attempts: number): ApiResult<T> {
        const correlationId = response.headers.get("inin-correlation-id") ?? undefined;
        if (response.status >= 200 && response.status < 300) {
            return {
                status: response.status,
                body: parseSuccessBody<T>(method, path, response),
                correlationId,
                attempts,
            };
        }
        const body = parseErrorBody(response.text);
        const missingScope = response.status === 403 ? missingScopeOf(body) : undefined;
        throw new GenesysApiError({
            method,
            path,
            status: response.status,
            code: asString(body.code),
            reason: asString(body.message) ?? (response.text.slice(0, 200) || "no error message"),
            contextId: asString(body.contextId) ?? correlationId,
            details: errorDetails(body),
            missingScope,
            missingPermissions:
                response.status === 403 && missingScope === undefined ? missingPermissionsOf(body) : undefined,
            ambiguous: method !== "GET" && (response.status === 408 || response.status >= 500),
            retryAfterMs: response.status === 429 ? retryAfterMs((name) => response.headers.get(name)) : undefined,
        });
    }
}

function parseSuccessBody<T>(method: Method, path: string, response: HttpExchange): T {
    if (response.text === "") return undefined as T;
    try {
        return JSON.parse(response.text) as T;
    } catch {
        throw new GenesysApiError({
            method,
            path,
            status: response.status,
            code: "invalid.response.body",
            reason: "the platform answered with a body that is not JSON",
            contextId: response.headers.get("inin-correlation-id") ?? undefined,
            // The write went through even though we cannot read what it returned.
            ambiguous: method !== "GET",
        });
    }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
