import { call, type JsonResponse, tokenFor } from "./emulatorClient";

/** What the platform holds, read and changed straight through the emulator's API, as someone outside Pulumi would. */
export interface PlatformView {
    get(path: string): Promise<JsonResponse>;
    post(path: string, body: unknown): Promise<JsonResponse>;
    put(path: string, body: unknown): Promise<JsonResponse>;
    remove(path: string): Promise<number>;
}

/** `url` is read per call: a restarted emulator may listen elsewhere. Tests revoke and expire tokens, so a refused token is replaced. */
export function platformView(url: () => string): PlatformView {
    let token: string | undefined;
    const authorized = async () => (token ??= await tokenFor(url()));
    const asPlatform = async (method: string, path: string, body?: unknown) => {
        const answer = await call(url(), await authorized(), method, path, body);
        if (answer.status !== 401) return answer;
        token = undefined;
        return call(url(), await authorized(), method, path, body);
    };
    return {
        get: (path) => asPlatform("GET", path),
        post: (path, body) => asPlatform("POST", path, body),
        put: (path, body) => asPlatform("PUT", path, body),
        remove: async (path) => (await asPlatform("DELETE", path)).status,
    };
}
