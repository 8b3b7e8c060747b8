import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { ApiClient } from "../../client/apiClient";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, type RunningEmulator, startEmulator } from "../../../emulator";
import type { RegionHealth } from "./api";
import { currentHealthMatrix, preflightProblems, toHealthMatrix, verifyRegions } from "./regionPreflight";
import type { FailoverStrategyInputs, StrategyRegion } from "./schema";

const region = (regionId: string, priority: number): StrategyRegion => ({
    regionId,
    priority,
    weight: 50,
    failoverTrigger: "health_degraded",
});
const health = (id: string, syncIntervalSeconds = 60, status: RegionHealth["status"] = "HEALTHY"): RegionHealth => ({
    id,
    status,
    syncIntervalSeconds,
    latencyMs: 10,
});

describe("region pre-flight rules", () => {
    it("names a region the org lacks and one that syncs too rarely, with the fix", () => {
        const problems = preflightProblems(
            [region("us-east-1", 1), region("eu-west-1", 2), region("ap-east-9", 3)],
            ["us-east-1", "eu-west-1"],
            new Map([
                ["us-east-1", health("us-east-1")],
                ["eu-west-1", health("eu-west-1", 900)],
            ]),
            300,
        );
        assert.equal(problems.length, 2);
        assert.match(
            problems[0],
            /region eu-west-1 \(regions\[1\]\) syncs every 900 s, over maxSyncIntervalSeconds 300: raise maxSyncIntervalSeconds to at least 900/,
        );
        assert.match(
            problems[1],
            /regions\[2\]\.regionId "ap-east-9" is not a region of this org \(it has us-east-1, eu-west-1\): use one of those ids/,
        );
    });

    it("accepts exactly the regions that are known and sync within the limit", () => {
        const arb = fc.uniqueArray(
            fc.record({
                id: fc.constantFrom("a", "b", "c", "d", "e"),
                sync: fc.integer({ min: 1, max: 600 }),
                known: fc.boolean(),
            }),
            { selector: (r) => r.id, minLength: 1 },
        );
        fc.assert(
            fc.property(arb, fc.integer({ min: 1, max: 600 }), (rows, max) => {
                const regions = rows.map((r, i) => region(r.id, i + 1));
                const known = rows.filter((r) => r.known).map((r) => r.id);
                const table = new Map(rows.filter((r) => r.known).map((r) => [r.id, health(r.id, r.sync)]));
                const expected = rows.filter((r) => !r.known || r.sync > max).length;
                return preflightProblems(regions, known, table, max).length === expected;
            }),
        );
    });

    it("maps every region to its status, NOT_FOUND when it has no health", () => {
        assert.deepEqual(toHealthMatrix(["a", "b"], new Map([["a", health("a", 60, "DEGRADED")]])), {
            a: "DEGRADED",
            b: "NOT_FOUND",
        });
    });
});

describe("region pre-flight against the emulator", () => {
    let emulator: RunningEmulator;
    let client: ApiClient;
    const inputs = (regions: StrategyRegion[], maxSyncIntervalSeconds = 300): FailoverStrategyInputs => ({
        name: "s",
        enabled: true,
        evaluationTimeoutMs: 5000,
        regions,
        maxSyncIntervalSeconds,
    });

    before(async () => {
        emulator = await startEmulator({
            regions: [
                { id: "us-east-1" },
                { id: "eu-west-1", status: "DEGRADED", syncIntervalSeconds: 120 },
                { id: "eu-central-1", syncIntervalSeconds: 900 },
            ],
        });
        client = new ApiClient(
            {
                clientId: DEFAULT_CLIENT_ID,
                clientSecret: DEFAULT_CLIENT_SECRET,
                apiUrl: emulator.url,
                loginUrl: emulator.url,
            },
            { rateLimitPerMinute: 60_000 },
        );
    });
    after(() => emulator.stop());

    it("returns the health matrix when every region passes", async () => {
        assert.deepEqual(await verifyRegions(client, inputs([region("us-east-1", 1), region("eu-west-1", 2)])), {
            "us-east-1": "HEALTHY",
            "eu-west-1": "DEGRADED",
        });
    });

    it("fails with every problem at once, naming the regions", async () => {
        await assert.rejects(
            verifyRegions(
                client,
                inputs([region("eu-central-1", 1), region("mars-1", 2), region("eu-west-1", 3)], 100),
            ),
            (err: Error) => {
                assert.match(err.message, /^region pre-flight failed: /);
                assert.match(err.message, /region eu-central-1 \(regions\[0\]\) syncs every 900 s/);
                assert.match(
                    err.message,
                    /regions\[1\]\.regionId "mars-1" is not a region of this org \(it has us-east-1, eu-west-1, eu-central-1\)/,
                );
                assert.match(
                    err.message,
                    /region eu-west-1 \(regions\[2\]\) syncs every 120 s, over maxSyncIntervalSeconds 100/,
                );
                return true;
            },
        );
    });

    it("reports a region the org lost as NOT_FOUND on refresh instead of failing", async () => {
        assert.deepEqual(await currentHealthMatrix(client, ["us-east-1", "mars-1"]), {
            "us-east-1": "HEALTHY",
            "mars-1": "NOT_FOUND",
        });
    });
});
