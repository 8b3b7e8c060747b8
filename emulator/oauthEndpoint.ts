import type { IncomingMessage } from "node:http";
import type { ApiResult } from "./kind";
import { readBody } from "./requestBody";
import type { TokenStore } from "./tokens";

function invalidClient(): ApiResult {
    const description = "Client authentication failed: send HTTP Basic auth with a valid clientId:clientSecret.";
    return { status: 401, body: { error: "invalid_client", description, error_description: description } };
}

function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
    const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? "");
    if (!match) return undefined;
    const decoded = Buffer.from(match[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon <= 0) return undefined;
    return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}

/**
 * `POST /oauth/token` with the client-credentials grant. Its own errors use the OAuth body
 * (`{error, description, error_description}`) as the real login host does, not the API error body.
 */
export async function issueToken(req: IncomingMessage, tokens: TokenStore, ttlSeconds: number): Promise<ApiResult> {
    const form = new URLSearchParams((await readBody(req)).toString("utf8"));
    const credentials = basicCredentials(req.headers.authorization);
    if (!credentials) return invalidClient();
    const client = tokens.authenticate(credentials.clientId, credentials.clientSecret);
    if (!client) return invalidClient();
    const grantType = form.get("grant_type");
    if (grantType !== "client_credentials") {
        const description = `grant_type must be client_credentials (got ${JSON.stringify(grantType)}).`;
        return { status: 400, body: { error: "unsupported_grant_type", description, error_description: description } };
    }
    const token = tokens.issue(client, ttlSeconds);
    return { status: 200, body: { access_token: token, token_type: "bearer", expires_in: ttlSeconds } };
}
