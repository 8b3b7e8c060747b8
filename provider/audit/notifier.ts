import { createHmac, timingSafeEqual } from "node:crypto";
import nodeFetch from "node-fetch";

export const SIGNATURE_HEADER = "X-Signature";

/** The `X-Signature` value for a body: `sha256=` and the hex HMAC-SHA256 of the exact bytes sent. */
export function signBody(body: string, secret: string): string {
    return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** For receivers: whether `signature` is the one `signBody` gives for this body and secret (constant-time). */
export function verifySignature(body: string, signature: string | undefined, secret: string): boolean {
    const expected = Buffer.from(signBody(body, secret));
    const given = Buffer.from(signature ?? "");
    return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface NotifierOptions {
    /** `genesys:notifyUrl`. */
    url: string;
    /** `genesys:notifySecret`; without it nothing is sent, since a receiver could not trust an unsigned record. */
    secret?: string;
    /** Attempts per notification (default 3). */
    attempts?: number;
    /** Wait before the second attempt (default 250 ms); doubles per attempt. */
    minRetryDelayMs?: number;
    /** Timeout of one attempt (default 5 000 ms). */
    timeoutMs?: number;
    fetch?: typeof nodeFetch;
}

/** How a notification went. Never thrown: the caller records a failed delivery and the deployment goes on. */
export interface Delivery {
    ok: boolean;
    /** The receiver's last HTTP status; absent when it never answered. */
    status?: number;
    attempts: number;
    latencyMs: number;
    error?: string;
}

/**
 * POSTs audit records to the governance receiver, signed, retrying network failures, timeouts, 408, 429 and 5xx.
 * Error texts name the config keys, never the URL (it may carry a token in its query) or the secret.
 */
export class Notifier {
    private readonly configError?: string;
    private readonly settings: Required<Omit<NotifierOptions, "secret" | "fetch">> & {
        fetch: typeof nodeFetch;
        secret: string;
    };

    constructor(options: NotifierOptions) {
        this.settings = {
            url: options.url,
            secret: options.secret ?? "",
            attempts: options.attempts ?? 3,
            minRetryDelayMs: options.minRetryDelayMs ?? 250,
            timeoutMs: options.timeoutMs ?? 5000,
            fetch: options.fetch ?? nodeFetch,
        };
        this.configError = configProblem(options);
    }

    async notify(body: string): Promise<Delivery> {
        const started = performance.now();
        const done = (delivery: Omit<Delivery, "latencyMs">): Delivery => ({
            ...delivery,
            latencyMs: Math.round(performance.now() - started),
        });
        if (this.configError) return done({ ok: false, attempts: 0, error: this.configError });
        const { url, secret, attempts, minRetryDelayMs, timeoutMs, fetch } = this.settings;
        const headers = { "Content-Type": "application/json", [SIGNATURE_HEADER]: signBody(body, secret) };
        let status: number | undefined;
        let error = "";
        for (let attempt = 1; attempt <= attempts; attempt += 1) {
            if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, minRetryDelayMs * 2 ** (attempt - 2)));
            const abort = new AbortController();
            const timer = setTimeout(() => abort.abort(), timeoutMs);
            try {
                const response = await fetch(url, { method: "POST", headers, body, signal: abort.signal });
                status = response.status;
                await response.text().catch(() => "");
                if (response.ok) return done({ ok: true, status, attempts: attempt });
                error = `the receiver (genesys:notifyUrl) answered ${status}`;
                if (!(status === 408 || status === 429 || status >= 500))
                    return done({ ok: false, status, attempts: attempt, error });
            } catch (err) {
                status = undefined;
                const reason = abort.signal.aborted
                    ? `no answer within ${timeoutMs} ms`
                    : ((err as NodeJS.ErrnoException).code ?? "network error");
                error = `the receiver (genesys:notifyUrl) could not be reached: ${reason}`;
            } finally {
                clearTimeout(timer);
            }
        }
        return done({ ok: false, status, attempts, error: `${error} (gave up after ${attempts} attempts)` });
    }
}

function configProblem(options: NotifierOptions): string | undefined {
    let url: URL | undefined;
    try {
        url = new URL(options.url);
    } catch {
        url = undefined;
    }
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
        return "genesys:notifyUrl is not an absolute http(s) URL: set it to the receiver's address, e.g. https://governance.example.com/genesys-audit";
    }
    if (!options.secret) {
        return "genesys:notifySecret is not set, and records are never sent unsigned: run `pulumi config set --secret genesys:notifySecret <value>`";
    }
    return undefined;
}
