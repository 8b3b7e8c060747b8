import type { Method, Route } from "./kind";

/** Path parameters accept plain ids only, so traversal (`..`, `/`, `%2F`, `%2e`) can never reach a handler. */
export const PLAIN_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** A data-table row key may be up to 256 characters of any text. */
export const MAX_TEXT_PARAM = 256;

/**
 * A free-text parameter, percent-decoded; undefined when malformed or out of bounds. The handler only ever uses it
 * as a lookup key, never as a path, so a decoded `/` is harmless (raw `..` segments are refused before routing).
 */
function decodeTextParam(raw: string): string | undefined {
    let decoded: string;
    try {
        decoded = decodeURIComponent(raw);
    } catch {
        return undefined;
    }
    return decoded.length >= 1 && decoded.length <= MAX_TEXT_PARAM ? decoded : undefined;
}

export type RouteMatch =
    | { type: "route"; route: Route; params: Record<string, string> }
    | { type: "badId"; route: Route; param: string; value: string }
    | { type: "wrongMethod"; allowed: Method[] }
    | { type: "none" };

interface CompiledRoute {
    route: Route;
    segments: { literal?: string; param?: string }[];
}

function compile(route: Route): CompiledRoute {
    const segments = route.pattern.split("/").map((segment) => {
        const param = /^\{([A-Za-z][A-Za-z0-9]*)\}$/.exec(segment)?.[1];
        return param ? { param } : { literal: segment };
    });
    return { route, segments };
}

/** Matches raw (undecoded) request paths against the routes of every kind. */
export class Router {
    private readonly compiled: CompiledRoute[];

    constructor(routes: Route[]) {
        const seen = new Set<string>();
        for (const route of routes) {
            const key = `${route.method} ${route.pattern}`;
            if (seen.has(key)) throw new Error(`two kinds declare the route ${key}`);
            seen.add(key);
        }
        this.compiled = routes.map(compile);
    }

    match(method: string, rawPath: string): RouteMatch {
        const parts = rawPath.split("/");
        let badId: RouteMatch | undefined;
        const allowed: Method[] = [];
        for (const { route, segments } of this.compiled) {
            if (segments.length !== parts.length) continue;
            const params: Record<string, string> = {};
            let literalsMatch = true;
            let invalidParam: string | undefined;
            segments.forEach((segment, i) => {
                if (segment.literal !== undefined) {
                    if (segment.literal !== parts[i]) literalsMatch = false;
                } else if (segment.param !== undefined) {
                    const value = route.textParams?.includes(segment.param)
                        ? decodeTextParam(parts[i])
                        : PLAIN_ID.test(parts[i])
                          ? parts[i]
                          : undefined;
                    if (value !== undefined) params[segment.param] = value;
                    else invalidParam ??= segment.param;
                }
            });
            if (!literalsMatch) continue;
            if (route.method !== method) {
                allowed.push(route.method);
                continue;
            }
            if (invalidParam !== undefined) {
                badId ??= {
                    type: "badId",
                    route,
                    param: invalidParam,
                    value: parts[segments.findIndex((s) => s.param === invalidParam)],
                };
                continue;
            }
            return { type: "route", route, params };
        }
        if (badId) return badId;
        if (allowed.length > 0) return { type: "wrongMethod", allowed };
        return { type: "none" };
    }
}
