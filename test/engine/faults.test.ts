// Faults through the real Pulumi engine: each `up` creates, updates and deletes while the emulator loses create
// responses, answers a storm of 429s, or revokes every token mid-run. Then the next `up` converges, and the platform
// holds exactly what the state says: nothing lost, nothing duplicated.
import assert from "node:assert/strict";
import { before, it } from "node:test";
import * as genesys from "genesys-pulumi";
import type { EmulatorStats } from "../../emulator";
import { platformInventory } from "../platformInventory";
import { type CliRun, cliStackPerSuite } from "./cliStack";
import { describeWithPulumiCli } from "./pulumiCli";

/** Each revision updates the stable resources, creates a webhook and a strategy, and deletes the previous ones. */
const fleet = (revision: number) => async () => {
    new genesys.RecordingPolicy("voice", { mediaTypes: ["audio"], quality: "standard", retentionDays: 30 + revision });
    const schema = new genesys.DataSchema("contacts", { fields: [{ name: "email", type: "string", required: true }] });
    new genesys.DataRecordSet("roster", {
        schema,
        records: [
            { key: "stable", data: { email: `stable${revision}@example.com` } },
            { key: `guest-${revision}`, data: { email: `guest${revision}@example.com` } },
        ],
    });
    new genesys.Webhook(`hook-${revision}`, {
        targetUrl: `https://hooks.example.com/${revision}`,
        events: ["routing:strategy:updated"],
    });
    new genesys.FailoverStrategy(`routing-${revision}`, {
        regions: [
            { regionId: "us-east-1", priority: 1, weight: 100, failoverTrigger: "health_degraded" },
            { regionId: "eu-west-1", priority: 2, weight: 50 + revision, failoverTrigger: "health_degraded" },
        ],
    });
};
/** Platform objects of one revision: 5 resources, the record set standing for its 2 records. */
const OBJECTS_PER_REVISION = 6;

describeWithPulumiCli("faults through the real Pulumi engine", (cli) => {
    let revision = 0;
    /** Actions waiting for a number of platform API responses. */
    let waiting: { left: number; action: () => void }[] = [];
    const suite = cliStackPerSuite(cli, {
        emulator: {
            log: (line) => {
                if (!line.includes(" /api/v2/")) return;
                for (const wait of waiting) if (--wait.left === 0) wait.action();
            },
        },
    });

    const held = () => suite.stack.held();
    const converged = async (rev: number) => {
        const inventory = await platformInventory(suite.stack.platform);
        assert.deepEqual(inventory, await held(), "the platform holds what the state says");
        assert.equal(inventory.length, OBJECTS_PER_REVISION, `exactly one revision's objects: ${inventory.join(", ")}`);
        const preview = await suite.stack.preview(fleet(rev), { expectNoChanges: true });
        assert.ok(preview.ok, preview.output);
    };
    /** Runs the next revision's `up` under a fault, then clears it, converges and checks the platform. */
    const faultedUp = async (
        arm: () => Promise<void> | void,
        disarm: () => Promise<void> | void = () => undefined,
    ): Promise<{ faulted: CliRun; during: EmulatorStats; converge: CliRun }> => {
        revision += 1;
        const before = suite.emulator.stats();
        await arm();
        const faulted = await suite.stack.up(fleet(revision));
        const after = suite.emulator.stats();
        suite.emulator.setFaults({ share429: 0, shareLostResponse: 0 });
        waiting = [];
        await disarm();
        const converge = await suite.stack.up(fleet(revision));
        assert.ok(converge.ok, converge.output);
        await converged(revision);
        return { faulted, during: difference(before, after), converge };
    };

    before(async () => {
        const up = await suite.stack.up(fleet(revision));
        assert.ok(up.ok, up.output);
        await converged(revision);
    });

    it("every write's response lost: the faulted up and the next converge with nothing lost or duplicated", async () => {
        const { faulted, during, converge } = await faultedUp(
            async () => {
                suite.emulator.setFaults({ shareLostResponse: 1 });
                // A create by PUT repeats until the client gives up, then adopts what it finds: a short budget keeps that quick.
                await suite.stack.stack.setConfig("genesys:retryDeadlineMs", { value: "1000" });
            },
            () => suite.stack.stack.removeConfig("genesys:retryDeadlineMs"),
        );
        assert.ok(during.lostResponses >= 3, `lost responses: ${during.lostResponses}`);
        assert.ok(faulted.ok, faulted.output);
        assert.deepEqual(converge.changes, { same: 6 }, "the faulted up did all the work");
    });

    it("a 429 storm: the up survives it", async () => {
        const { faulted, during } = await faultedUp(() =>
            suite.emulator.setFaults({ share429: 0.4, retryAfterSeconds: 0.02 }),
        );
        assert.ok((during.responsesByStatus["429"] ?? 0) >= 1, "the storm happened");
        assert.ok(faulted.ok, faulted.output);
        assert.equal(faulted.failed.length, 0);
    });

    it("every token revoked mid-run: the up fetches a new one and survives", async () => {
        const { faulted, during } = await faultedUp(() => {
            waiting.push({ left: 2, action: () => suite.emulator.revokeTokens() });
        });
        assert.ok((during.responsesByStatus["401"] ?? 0) >= 1, "a revoked token was refused");
        assert.ok(faulted.ok, faulted.output);
    });
});

function difference(before: EmulatorStats, after: EmulatorStats): EmulatorStats {
    const byStatus: Record<string, number> = {};
    for (const [code, count] of Object.entries(after.responsesByStatus))
        byStatus[code] = count - (before.responsesByStatus[code] ?? 0);
    return { ...after, responsesByStatus: byStatus, lostResponses: after.lostResponses - before.lostResponses };
}
