export type Query = Record<string, string | number | boolean | undefined>;

/**
 * Joins the configured base URL with a request path. Callers pass paths whose variable segments are already encoded
 * (`/api/v2/webhooks/${encodeURIComponent(id)}`), so an id can never add or climb path segments. Absolute URLs are
 * accepted only on the API's own origin (list responses may link pages that way); anything else is refused because
 * the bearer token must never be sent to another host.
 */
export function buildRequestUrl(apiUrl: string, path: string, query?: Query): URL {
    const base = new URL(apiUrl);
    let url: URL;
    if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
        url = new URL(path);
        if (url.origin !== base.origin) {
            throw new Error(
                `Refusing to call ${url.origin}: requests (and the bearer token) only go to ${base.origin}`,
            );
        }
    } else {
        if (!path.startsWith("/")) {
            throw new Error(`Request path "${path}" must start with "/" (e.g. /api/v2/recording/policies)`);
        }
        const queryAt = path.indexOf("?");
        const pathname = queryAt < 0 ? path : path.slice(0, queryAt);
        if (pathname.split("/").some((segment) => segment === "." || segment === "..")) {
            throw new Error(
                `Request path "${path}" contains a "." or ".." segment: encode ids with encodeURIComponent`,
            );
        }
        url = new URL(`${base.origin}${base.pathname.replace(/\/+$/, "")}${pathname}`);
        if (queryAt >= 0) url.search = path.slice(queryAt);
    }
    for (const [key, value] of Object.entries(query ?? {})) {
        if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
}
