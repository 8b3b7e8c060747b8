/** Test support: a token and a tiny JSON client over real HTTP, for tests that talk to the emulator. */
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from "../emulator";

/** A JSON body as tests read it: they probe arbitrary shapes, and a wrong guess fails the assertion that made it. */
// biome-ignore lint/suspicious/noExplicitAny: tests index into platform responses of every shape; a typed body would need a cast per read
export type JsonBody = any;

export interface JsonResponse {
    status: number;
    headers: Headers;
    body: JsonBody;
}

export async function readJson(res: Response): Promise<JsonResponse["body"]> {
    return res.json();
}

export function basicAuth(clientId: string, clientSecret: string): string {
    return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
}

export async function requestToken(
    url: string,
    clientId = DEFAULT_CLIENT_ID,
    clientSecret = DEFAULT_CLIENT_SECRET,
): Promise<JsonResponse> {
    const res = await fetch(`${url}/oauth/token`, {
        method: "POST",
        headers: {
            authorization: basicAuth(clientId, clientSecret),
            "content-type": "application/x-www-form-urlencoded",
        },
        body: "grant_type=client_credentials",
    });
    return { status: res.status, headers: res.headers, body: await res.json() };
}

export async function tokenFor(
    url: string,
    clientId = DEFAULT_CLIENT_ID,
    clientSecret = DEFAULT_CLIENT_SECRET,
): Promise<string> {
    const res = await requestToken(url, clientId, clientSecret);
    if (res.status !== 200) throw new Error(`token request failed with ${res.status}`);
    return res.body.access_token as string;
}

/** Sends JSON (or a raw string body) with a bearer token; parses a JSON response when there is one. */
export async function call(
    url: string,
    token: string | undefined,
    method: string,
    path: string,
    body?: unknown,
): Promise<JsonResponse> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text === "" ? undefined : JSON.parse(text) };
}

export function validPolicy(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        name: "Sales calls",
        description: "Record sales calls",
        enabled: true,
        mediaTypes: ["audio", "screen"],
        recordingQuality: "standard",
        retentionDays: 90,
        maxDurationHours: 4,
        webhookUrls: ["https://hooks.example.com/recordings"],
        ...overrides,
    };
}

/** A controllable clock for token expiry, rate windows and read-after-write tests. */
export function manualClock(start = Date.UTC(2030, 0, 1)): { now: () => number; advance: (ms: number) => void } {
    let current = start;
    return { now: () => current, advance: (ms) => (current += ms) };
}
