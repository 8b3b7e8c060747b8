import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { ApiClient } from "../../client/apiClient";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, type RunningEmulator, startEmulator } from "../../../emulator";
import { type FailoverAuditEntry, fetchFailoverAuditLog, getFailoverAuditLog, switchSummary } from "./auditLog";
import { failoverStrategyApi, toBody } from "./api";

const entry = (action: string, status: string): FailoverAuditEntry => ({
    id: randomUUID(),
    eventDate: "2030-01-01T00:00:00.000Z",
    action,
    status,
    entity: { id: "s", name: "s" },
});

describe("switch success rate", () => {
    it("counts only Failover entries, and has no rate before the first switch", () => {
        assert.deepEqual(switchSummary([entry("Create", "SUCCESS"), entry("Update", "SUCCESS")]), {
            switchCount: 0,
            successfulSwitches: 0,
            switchSuccessRate: undefined,
        });
        assert.deepEqual(
            switchSummary([
                entry("Failover", "SUCCESS"),
                entry("Failover", "FAILURE"),
                entry("Failover", "SUCCESS"),
                entry("Update", "SUCCESS"),
            ]),
            {
                switchCount: 3,
                successfulSwitches: 2,
                switchSuccessRate: 2 / 3,
            },
        );
    });

    it("is the share of successful switches, between 0 and 1, whatever else the log holds", () => {
        const entries = fc.array(
            fc.record({
                action: fc.constantFrom("Create", "Update", "Delete", "Failover"),
                status: fc.constantFrom("SUCCESS", "FAILURE"),
            }),
        );
        fc.assert(
            fc.property(entries, (rows) => {
                const summary = switchSummary(rows.map((r) => entry(r.action, r.status)));
                const switches = rows.filter((r) => r.action === "Failover");
                if (switches.length === 0) return summary.switchSuccessRate === undefined;
                const rate = summary.switchSuccessRate as number;
                return (
                    rate >= 0 &&
                    rate <= 1 &&
                    rate * switches.length === switches.filter((r) => r.status === "SUCCESS").length
                );
            }),
        );
    });
});

describe("reading a strategy's audit log from the emulator", () => {
    let emulator: RunningEmulator;
    let client: ApiClient;
    const strategyId = randomUUID();
    const body = toBody({
        name: "Voice failover",
        enabled: true,
        evaluationTimeoutMs: 5000,
        maxSyncIntervalSeconds: 300,
        regions: [
            { regionId: "us-east-1", priority: 1, weight: 100, failoverTrigger: "health_degraded" },
            { regionId: "eu-west-1", priority: 2, weight: 50, failoverTrigger: "health_degraded" },
        ],
    });

    before(async () => {
        emulator = await startEmulator({ regions: [{ id: "us-east-1" }, { id: "eu-west-1" }] });
        client = new ApiClient(
            {
                clientId: DEFAULT_CLIENT_ID,
                clientSecret: DEFAULT_CLIENT_SECRET,
                apiUrl: emulator.url,
                loginUrl: emulator.url,
            },
            { rateLimitPerMinute: 60_000 },
        );
        await failoverStrategyApi.put(client, strategyId, body);
        await failoverStrategyApi.put(client, randomUUID(), { ...body, name: "Another strategy" });
        const degrade = (ids: string[]) =>
            emulator.setRegions(
                ["us-east-1", "eu-west-1"].map((id) => ({ id, status: ids.includes(id) ? "DEGRADED" : "HEALTHY" })),
            );
        degrade(["us-east-1"]); // SUCCESS: to eu-west-1
        degrade(["us-east-1", "eu-west-1"]); // FAILURE: nothing left
        degrade([]); // SUCCESS: back to us-east-1
    });
    after(() => emulator.stop());

    it("follows nextPage to the end and computes the switch success rate", async () => {
        const requestsBefore = client.stats.requests;
        const log = await fetchFailoverAuditLog(client, strategyId, { pageSize: 2 });
        assert.equal(client.stats.requests - requestsBefore, 2, "two pages of two entries");
        assert.deepEqual(
            log.entries.map((e) => e.action),
            ["Create", "Failover", "Failover", "Failover"],
        );
        assert.ok(log.entries.every((e) => e.entity.id === strategyId));
        assert.equal(log.switchCount, 3);
        assert.equal(log.successfulSwitches, 2);
        assert.equal(log.switchSuccessRate, 2 / 3);
    });

    it("reads credentials the way the provider does, and explains a bad page size or id", async () => {
        const config: Record<string, string> = {
            "genesys:apiUrl": emulator.url,
            "genesys:clientId": DEFAULT_CLIENT_ID,
            "genesys:clientSecret": DEFAULT_CLIENT_SECRET,
        };
        const log = await getFailoverAuditLog(strategyId, { pageSize: 1, getConfig: (key) => config[key] });
        assert.equal(log.entries.length, 4);
        await assert.rejects(
            getFailoverAuditLog(strategyId, { pageSize: 101, getConfig: (key) => config[key] }),
            /pageSize must be a whole number from 1 to 100 \(got 101\)/,
        );
        await assert.rejects(
            getFailoverAuditLog("", { getConfig: (key) => config[key] }),
            /strategyId must be a failover strategy's id/,
        );
        await assert.rejects(
            getFailoverAuditLog(strategyId, { getConfig: () => undefined }),
            /Missing Genesys Cloud client id/,
        );
    });
});
