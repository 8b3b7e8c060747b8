// Test support: a scripted Genesys-like HTTP server so each test controls status codes,
// headers and delays exactly. Shared by the client's test files.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { GenesysConfig } from "../provider/client/config";

export interface SeenRequest {
    method: string;
    path: string;
    query: URLSearchParams;
    headers: http.IncomingHttpHeaders;
    body: string;
    /** performance.now() when the request arrived. */
    at: number;
}

/** A scripted answer; "drop" resets the connection without a response, "hang" never answers. */
export type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | "drop" | "hang";

export type Script = (request: SeenRequest, index: number) => Reply | Promise<Reply>;

export const TEST_CLIENT_ID = "test-client-id";
export const TEST_CLIENT_SECRET = "test-secret-Zq9xW3";

export class ScriptedServer {
    /** API requests in arrival order (token requests are kept apart). */
    readonly requests: SeenRequest[] = [];
    readonly tokenRequests: SeenRequest[] = [];
    api: Script = () => ({ status: 200, body: {} });
    /** Default: valid credentials get `token-<n>` for a day, anything else the platform's invalid_client 401. */
    token: Script = (request) => {
        const expected = `Basic ${Buffer.from(`${TEST_CLIENT_ID}:${TEST_CLIENT_SECRET}`).toString("base64")}`;
        if (request.headers.authorization !== expected || request.body !== "grant_type=client_credentials") {
            return {
                status: 401,
                body: { error: "invalid_client", description: "bad client", error_description: "bad client" },
            };
        }
        return {
            status: 200,
            body: { access_token: `token-${this.tokenRequests.length}`, token_type: "bearer", expires_in: 86400 },
        };
    };

    private constructor(private readonly server: http.Server) {}

    static async start(): Promise<ScriptedServer> {
        const server = http.createServer();
        const scripted = new ScriptedServer(server);
        server.on("request", (req, res) => void scripted.handle(req, res));
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        return scripted;
    }

    get url(): string {
        return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    }

    config(overrides: Partial<GenesysConfig> = {}): GenesysConfig {
        return {
            clientId: TEST_CLIENT_ID,
            clientSecret: TEST_CLIENT_SECRET,
            apiUrl: this.url,
            loginUrl: this.url,
            ...overrides,
        };
    }

    async close(): Promise<void> {
        this.server.closeAllConnections();
        await new Promise((resolve) => this.server.close(resolve));
    }

    private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
        const at = performance.now();
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const url = new URL(req.url ?? "/", "http://localhost");
        const seen: SeenRequest = {
            method: req.method ?? "",
            path: url.pathname,
            query: url.searchParams,
            headers: req.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            at,
        };
        const isToken = seen.path === "/oauth/token";
        const log = isToken ? this.tokenRequests : this.requests;
        log.push(seen);
        const reply = await (isToken ? this.token : this.api)(seen, log.length - 1);
        if (reply === "hang") return;
        if (reply === "drop") {
            req.socket.destroy();
            return;
        }
        const text = reply.body === undefined ? "" : JSON.stringify(reply.body);
        res.writeHead(reply.status, { "Content-Type": "application/json", ...reply.headers });
        res.end(text);
    }
}

/** The platform's error body shape (API contract "Conventions"). */
export function errorBody(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Reply {
    return {
        status,
        headers: { "ININ-Correlation-Id": `ctx-${code}` },
        body: { message, code, status, messageParams: {}, contextId: `ctx-${code}`, details: [], errors: [], ...extra },
    };
}
