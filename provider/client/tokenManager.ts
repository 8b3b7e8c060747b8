import type { CredentialSource, GenesysConfig } from "./config";
import { GenesysApiError, asString, parseErrorBody } from "./apiError";
import { exchange, type FetchFn } from "./httpTransport";

export interface TokenManagerOptions {
    fetch: FetchFn;
    requestTimeoutMs: number;
    /** Milliseconds clock; injectable so tests can move past the refresh point. */
    now?: () => number;
}

/** Refresh this long before expiry so a request never leaves with a token that expires in flight. */
export const REFRESH_MARGIN_SECONDS = 300;

const TOKEN_PATH = "/oauth/token";

/**
 * OAuth client-credentials token for one client. Concurrent callers share a single token and, when it must be
 * fetched, a single in-flight request.
 */
export class TokenManager {
    private token?: { value: string; refreshAt: number };
    private pending?: Promise<string>;
    private fetched = 0;
    private readonly now: () => number;

    constructor(
        private readonly config: GenesysConfig,
        private readonly options: TokenManagerOptions,
    ) {
        this.now = options.now ?? Date.now;
    }

    get tokensFetched(): number {
        return this.fetched;
    }

    getToken(): Promise<string> {
        if (this.token && this.now() < this.token.refreshAt) return Promise.resolve(this.token.value);
        this.pending ??= this.fetchToken().finally(() => {
            this.pending = undefined;
        });
        return this.pending;
    }

    /**
     * Drops the cached token after the platform refused it. Passing the refused token makes concurrent 401s cost one
     * refresh: only the first caller's invalidate matches, later ones see the new token already in place.
     */
    invalidate(refused?: string): void {
        if (refused === undefined || this.token?.value === refused) this.token = undefined;
    }

    private async fetchToken(): Promise<string> {
        const credentials = Buffer.from(`${this.config.clientId}:${this.config.clientSecret}`).toString("base64");
        const { status, text } = await exchange(this.options.fetch, `${this.config.loginUrl}${TOKEN_PATH}`, {
            method: "POST",
            path: TOKEN_PATH,
            headers: {
                Authorization: `Basic ${credentials}`,
                "Content-Type": "application/x-www-form-urlencoded",
                Accept: "application/json",
            },
            body: "grant_type=client_credentials",
            timeoutMs: this.options.requestTimeoutMs,
            // Asking for a token twice is harmless, so a lost token response is never ambiguous.
            ambiguousIfLost: false,
        });
        const body = parseErrorBody(text);
        if (status !== 200) throw this.refusal(status, body);

        const accessToken = asString((body as { access_token?: unknown }).access_token);
        const expiresIn = (body as { expires_in?: unknown }).expires_in;
        if (!accessToken) {
            throw new GenesysApiError({
                method: "POST",
                path: TOKEN_PATH,
                status,
                code: "invalid.token.response",
                reason: `the token endpoint at ${this.config.loginUrl} answered without an access_token`,
                ambiguous: false,
            });
        }
        const lifetimeSeconds = typeof expiresIn === "number" && expiresIn > 0 ? expiresIn : 86400;
        // Very short-lived tokens (tests, emulator settings) would otherwise be "due for refresh" the moment they arrive.
        const refreshAfter =
            lifetimeSeconds > 2 * REFRESH_MARGIN_SECONDS
                ? lifetimeSeconds - REFRESH_MARGIN_SECONDS
                : lifetimeSeconds / 2;
        this.token = { value: accessToken, refreshAt: this.now() + refreshAfter * 1000 };
        this.fetched += 1;
        return accessToken;
    }

    private refusal(status: number, body: ReturnType<typeof parseErrorBody>): GenesysApiError {
        const code = asString(body.error) ?? asString(body.code);
        const description = asString(body.error_description) ?? asString(body.description) ?? asString(body.message);
        const init = {
            method: "POST",
            path: TOKEN_PATH,
            status,
            code,
            reason: description ?? "token request refused",
            ambiguous: false,
        };
        if (status === 400 || status === 401) {
            const where = this.config.region ? `region ${this.config.region}` : this.config.loginUrl;
            return new GenesysApiError(
                init,
                `Genesys Cloud refused the OAuth client credentials for client id ${this.config.clientId} at ${this.config.loginUrl} ` +
                    `(${[status, code].filter(Boolean).join(" ")}${description ? `: ${description}` : ""}). ` +
                    `${credentialAdvice(this.config.credentialsFrom)} Check also that the client uses the Client Credentials grant, ` +
                    `and that the org lives in ${where} (genesys:region or genesys:apiUrl)`,
            );
        }
        return new GenesysApiError(init);
    }
}

/**
 * Where the refused credentials came from, and what to run. `pulumi refresh` and `pulumi destroy` configure the
 * provider with the stack config the last update recorded, not with values set since: a rotated secret reaches them
 * only through an update or `--run-program`. The environment variables count only where the stack config sets no
 * secret, so they cannot replace a recorded one.
 */
function credentialAdvice(from: CredentialSource | undefined): string {
    const environment = "GENESYSCLOUD_OAUTHCLIENT_ID / GENESYSCLOUD_OAUTHCLIENT_SECRET";
    if (from === "environment") {
        return `These credentials came from ${environment} (the stack config sets no genesys:clientSecret): set them to an active client.`;
    }
    return (
        "These credentials came from the stack config genesys:clientId / genesys:clientSecret " +
        `(${environment} apply only where the stack config sets no secret). ` +
        "`pulumi refresh` and `pulumi destroy` use the values the last `pulumi up` recorded: after " +
        "`pulumi config set --secret genesys:clientSecret <new>`, run `pulumi up` to record the new secret, or " +
        "`pulumi refresh --run-program` / `pulumi destroy --run-program` to use it at once."
    );
}
