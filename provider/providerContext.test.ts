import { test } from "node:test";
import assert from "node:assert/strict";
import { apiClient, configure } from "./providerContext";

const stackConfig = (extra: Record<string, string>) => ({
    config: {
        get: (key: string) =>
            ({
                "genesys:clientId": "c",
                "genesys:clientSecret": "s",
                "genesys:apiUrl": "http://127.0.0.1:9",
                ...extra,
            })[key],
    },
});

test("the client's timings come from stack config keys, and a bad value names its key", async () => {
    await configure(stackConfig({ "genesys:readAfterWriteMs": "250" }));
    assert.equal(apiClient().readAfterWriteMs, 250);
    await configure(stackConfig({ "genesys:requestTimeoutMs": "fast" }));
    assert.throws(() => apiClient(), /Invalid genesys:requestTimeoutMs "fast": use a whole number of milliseconds/);
});
