import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { ADMIN_PREFIX, type AdminControls, serveAdmin } from "./adminEndpoints";
import { ApiError, newContextId } from "./apiError";
import type { Faults } from "./faults";
import { sendJson } from "./httpResponse";
import type { ApiResult } from "./kind";
import { issueToken } from "./oauthEndpoint";
import type { RateLimiter } from "./rateLimiter";
import { parseJsonBody, readBody } from "./requestBody";
import type { Router } from "./router";
import type { StatsRecorder } from "./stats";
import type { IssuedToken, TokenStore } from "./tokens";
import { missingPermissions, permissionDenied } from "./platform/permissions";
import { UPLOAD_PREFIX, type Uploads } from "./uploads";

/** Everything the request pipeline needs from the running emulator. */
export interface PipelineDeps {
    router: Router;
    tokens: TokenStore;
    limiter: RateLimiter;
    stats: StatsRecorder;
    admin: AdminControls;
    uploads: Uploads;
    faults: () => Faults;
    /** Next draw of the seeded PRNG behind the share* faults. */
    random: () => number;
    tokenTtlSeconds: number;
    log: (line: string) => void;
    sleep: (ms: number) => Promise<void>;
}

const TOKEN_PATH = "/oauth/token";
const API_PREFIX = "/api/v2/";

interface Exchange {
    req: IncomingMessage;
    res: ServerResponse;
    method: string;
    rawPath: string;
    query: URLSearchParams;
    /** Set when the shareLostResponse fault dropped the response of a committed write. */
    lost: boolean;
}

function bearerToken(req: IncomingMessage): string | undefined {
    return /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1];
}

/** `..` or `.` segments, raw or percent-encoded, are refused before routing rather than normalised. */
function hasDotSegment(rawPath: string): boolean {
    return rawPath.split("/").some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}

/**
 * Order of checks, as the platform's gateway applies them: latency, rate limit (per token, or per caller
 * address when no valid token), injected 429/5xx, then authentication, routing, scope, body, handler.
 */
export function createRequestListener(deps: PipelineDeps): RequestListener {
    const chance = (share: number) => share > 0 && deps.random() < share;

    function rateLimit(ex: Exchange, key: string, faults: Faults): void {
        const verdict = deps.limiter.hit(key, faults.rateLimitPerMinute);
        ex.res.setHeader("inin-ratelimit-allowed", String(verdict.allowed));
        ex.res.setHeader("inin-ratelimit-count", String(verdict.count));
        ex.res.setHeader("inin-ratelimit-reset", String(verdict.resetSeconds));
        if (verdict.limited) throw tooManyRequests(verdict.resetSeconds);
        if (chance(faults.share429)) throw tooManyRequests(faults.retryAfterSeconds);
    }

    function authenticate(ex: Exchange, token: IssuedToken | undefined): IssuedToken {
        if (token) return token;
        throw bearerToken(ex.req)
            ? new ApiError(
                  401,
                  "bad.credentials",
                  "The bearer token is invalid, expired or revoked; request a new token from /oauth/token.",
              )
            : new ApiError(
                  401,
                  "authentication.required",
                  "No bearer token in the Authorization header; send Authorization: Bearer <token> from /oauth/token.",
              );
    }

    async function serveApi(ex: Exchange): Promise<{ result: ApiResult; commits: boolean }> {
        const isTokenRequest = ex.rawPath === TOKEN_PATH;
        const match = isTokenRequest ? undefined : deps.router.match(ex.method, ex.rawPath);
        deps.stats.request(
            isTokenRequest
                ? `${ex.method} ${TOKEN_PATH}`
                : match?.type === "route" || match?.type === "badId"
                  ? `${ex.method} ${match.route.pattern}`
                  : `${ex.method} (unmatched)`,
        );
        const faults = deps.faults();
        if (faults.latencyMs > 0) await deps.sleep(faults.latencyMs);

        const bearer = bearerToken(ex.req);
        const token = bearer ? deps.tokens.lookup(bearer) : undefined;
        rateLimit(ex, token ? `token:${bearer}` : `address:${ex.req.socket.remoteAddress}`, faults);
        if (chance(faults.share5xx))
            throw new ApiError(
                503,
                "service.unavailable",
                "The service is temporarily unavailable; retry with backoff.",
            );
        if (chance(faults.shareReset)) {
            deps.stats.connectionReset();
            ex.lost = true;
            ex.req.socket.destroy();
            throw new ApiError(503, "connection.reset", "The connection was reset.");
        }

        if (isTokenRequest) {
            if (ex.method !== "POST") throw methodNotAllowed(["POST"]);
            if (chance(faults.shareToken5xx))
                throw new ApiError(
                    503,
                    "service.unavailable",
                    "The login service is temporarily unavailable; retry with backoff.",
                );
            const result = await issueToken(ex.req, deps.tokens, deps.tokenTtlSeconds);
            if (result.status === 200) deps.stats.tokenIssued();
            // Lost responses model platform writes whose outcome the client cannot know; a lost token only costs a retry.
            return { result, commits: false };
        }
        if (hasDotSegment(ex.rawPath)) {
            throw new ApiError(
                400,
                "bad.request",
                "The path contains a '.' or '..' segment; ids must be plain ids.",
                {},
                [{ fieldName: "path", errorCode: "invalid.value", message: "path must not contain dot segments" }],
            );
        }
        if (!ex.rawPath.startsWith(API_PREFIX)) throw noRoute(ex);
        const caller = authenticate(ex, token);
        if (!match || match.type === "none") throw noRoute(ex);
        if (match.type === "wrongMethod") throw methodNotAllowed(match.allowed);
        const { route } = match;
        if (route.permissions) {
            const missing = missingPermissions(route.permissions, (p) => deps.tokens.holds(caller.clientId, p));
            if (missing.length > 0) throw permissionDenied(route.permissions, missing);
        } else if (!caller.scopes.has(route.scope)) {
            throw new ApiError(403, "missing.any.permissions", `Missing required permission: ${route.scope}`, {
                permissions: route.scope,
            });
        }
        if (match.type === "badId") {
            throw new ApiError(
                400,
                "bad.request",
                `Path parameter ${match.param} must be a plain id (letters, digits, '-' or '_'); got ${JSON.stringify(match.value)}.`,
                {},
                [{ fieldName: match.param, errorCode: "invalid.value", message: `${match.param} must be a plain id` }],
            );
        }
        const hasBody = ex.method === "POST" || ex.method === "PUT" || ex.method === "PATCH";
        const body = hasBody ? parseJsonBody(await readBody(ex.req)) : undefined;
        // The emulator binds 127.0.0.1 only, so its own address is the origin, whatever Host the client sent.
        const origin = `http://127.0.0.1:${ex.req.socket.localPort}`;
        const result = await route.handle({ params: match.params, query: ex.query, body, origin });
        return { result, commits: ex.method !== "GET" && result.status < 400 };
    }

    async function handle(ex: Exchange): Promise<void> {
        if (ex.rawPath.startsWith(ADMIN_PREFIX)) {
            const result = await serveAdmin(ex.req, ex.rawPath, deps.admin);
            sendJson(ex.res, result.status, result.body);
            return;
        }
        if (ex.rawPath.startsWith(UPLOAD_PREFIX)) {
            const result = await deps.uploads.serve(ex.req, ex.rawPath, ex.query);
            sendJson(ex.res, result.status, result.body);
            return;
        }
        const { result, commits } = await serveApi(ex);
        if (commits && chance(deps.faults().shareLostResponse)) {
            // The write is committed; dropping the connection now is what a client sees when a gateway times out.
            deps.stats.responseLost();
            ex.lost = true;
            ex.req.socket.destroy();
            return;
        }
        deps.stats.response(result.status);
        sendJson(ex.res, result.status, result.body);
    }

    return (req, res) => {
        const started = Date.now();
        const contextId = newContextId();
        const rawUrl = req.url ?? "/";
        const queryStart = rawUrl.indexOf("?");
        const ex: Exchange = {
            req,
            res,
            method: req.method ?? "GET",
            rawPath: queryStart >= 0 ? rawUrl.slice(0, queryStart) : rawUrl,
            query: new URLSearchParams(queryStart >= 0 ? rawUrl.slice(queryStart + 1) : ""),
            lost: false,
        };
        // Operator endpoints and uploads (the object store's, not the platform's) stay out of the API stats.
        const outsideApi = ex.rawPath.startsWith(ADMIN_PREFIX) || ex.rawPath.startsWith(UPLOAD_PREFIX);
        res.setHeader("ININ-Correlation-Id", contextId);
        // Only the method, path, status and timing are logged: never headers, query strings or bodies, which can carry secrets.
        res.on("close", () => {
            const outcome = ex.lost ? "response-lost" : String(res.statusCode);
            deps.log(
                `${new Date().toISOString()} ${ex.method} ${ex.rawPath} ${outcome} ${Date.now() - started}ms ${contextId}`,
            );
        });
        handle(ex).catch((err: unknown) => {
            const error =
                err instanceof ApiError
                    ? err
                    : new ApiError(500, "internal.server.error", "The emulator failed to handle the request.");
            if (!(err instanceof ApiError))
                deps.log(
                    `${new Date().toISOString()} internal error ${contextId}: ${err instanceof Error ? err.stack : String(err)}`,
                );
            if (res.headersSent || res.destroyed) return;
            if (!outsideApi) deps.stats.response(error.status);
            // A refused body may still be arriving; closing the connection stops reading it.
            const headers = error.status === 413 ? { ...error.headers, Connection: "close" } : error.headers;
            sendJson(res, error.status, error.toBody(contextId), headers);
        });
    };
}

/** `retryAfterSeconds` 0: no Retry-After header, as some gateways answer. */
function tooManyRequests(retryAfterSeconds: number): ApiError {
    return new ApiError(
        429,
        "too.many.requests.retry.after",
        `Rate limit exceeded; retry after ${retryAfterSeconds} seconds.`,
        { retryAfterSeconds: String(retryAfterSeconds) },
        [],
        retryAfterSeconds > 0 ? { "Retry-After": String(retryAfterSeconds) } : {},
    );
}

function methodNotAllowed(allowed: string[]): ApiError {
    return new ApiError(
        405,
        "method.not.allowed",
        `Method not allowed here; use ${allowed.join(" or ")}.`,
        { allowed: allowed.join(",") },
        [],
        {
            Allow: allowed.join(", "),
        },
    );
}

function noRoute(ex: Exchange): ApiError {
    return new ApiError(404, "not.found", `No API resource at ${ex.method} ${ex.rawPath}.`, { path: ex.rawPath });
}
