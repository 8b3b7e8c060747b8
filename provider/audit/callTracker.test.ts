import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ApiClient, type CallOutcome } from "../client/apiClient";
import { ScriptedServer } from "../../test/scriptedServer";
import { observeCall, trackCalls } from "./callTracker";

describe("the API client's call outcomes, attributed to the operation that made them", () => {
    let server: ScriptedServer;
    before(async () => {
        server = await ScriptedServer.start();
    });
    after(() => server.close());

    it("reports the final status, the attempts and the correlation id of each call, failed ones too", async () => {
        server.api = (request) => {
            if (request.path.endsWith("/flaky") && server.requests.filter((r) => r.path.endsWith("/flaky")).length < 3)
                return { status: 503, body: {} };
            if (request.path.endsWith("/gone"))
                return {
                    status: 404,
                    body: { message: "not found", code: "not.found" },
                    headers: { "inin-correlation-id": "corr-404" },
                };
            return {
                status: 200,
                body: {},
                headers: { "inin-correlation-id": `corr-${request.path.split("/").pop()}` },
            };
        };
        const client = new ApiClient(server.config(), {
            rateLimitPerMinute: 1e9,
            minRetryDelayMs: 1,
            onCall: observeCall,
        });
        const first: CallOutcome[] = [];
        const second: CallOutcome[] = [];
        await Promise.all([
            trackCalls(first, async () => {
                await client.get("/api/v2/flaky");
                await client.get("/api/v2/gone").catch(() => undefined);
            }),
            trackCalls(second, () => client.get("/api/v2/steady")),
        ]);
        assert.deepEqual(first, [
            { status: 200, attempts: 3, correlationId: "corr-flaky" },
            { status: 404, attempts: 1, correlationId: "corr-404" },
        ]);
        assert.deepEqual(second, [{ status: 200, attempts: 1, correlationId: "corr-steady" }]);
    });
});
