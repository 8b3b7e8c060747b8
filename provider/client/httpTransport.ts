import type { Headers } from "node-fetch";
import { GenesysApiError } from "./apiError";

export type FetchFn = typeof import("node-fetch").default;

export interface HttpExchange {
    status: number;
    headers: Headers;
    text: string;
}

export interface ExchangeOptions {
    method: string;
    /** Path used in error messages (never the full URL, which could carry a query the user did not write). */
    path: string;
    headers: Record<string, string>;
    body?: string;
    timeoutMs: number;
    /** Whether a lost response could mean the platform applied the request (writes). */
    ambiguousIfLost: boolean;
}

// Failures that happen before a single byte reaches the platform: the request cannot have been applied.
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ERR_INVALID_URL"]);

/**
 * One HTTP request and its full body, bounded by a timeout that covers both headers and body. Every transport failure
 * becomes a GenesysApiError with status 0 so callers handle one error type.
 */
export async function exchange(fetchFn: FetchFn, url: string, options: ExchangeOptions): Promise<HttpExchange> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
        const response = await fetchFn(url, {
            method: options.method,
            headers: options.headers,
            body: options.body,
            signal: controller.signal,
        });
        return { status: response.status, headers: response.headers, text: await response.text() };
    } catch (error) {
        throw transportError(error, options, controller.signal.aborted);
    } finally {
        clearTimeout(timer);
    }
}

function transportError(error: unknown, options: ExchangeOptions, timedOut: boolean): GenesysApiError {
    const code = timedOut ? "timeout" : errorCode(error);
    const reason = timedOut
        ? `no response within ${options.timeoutMs} ms`
        : `${code ?? "network error"}: ${error instanceof Error ? error.message : String(error)}`;
    return new GenesysApiError({
        method: options.method,
        path: options.path,
        status: 0,
        code,
        reason,
        ambiguous: options.ambiguousIfLost && !(code !== undefined && NOT_SENT_CODES.has(code)),
    });
}

function errorCode(error: unknown): string | undefined {
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === "string" ? code : undefined;
}
