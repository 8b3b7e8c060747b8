import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../index";
import { call, type JsonBody, tokenFor } from "../../test/emulatorClient";
import { DEFAULT_REGION_IDS } from "./regions";

const STRATEGIES = "/api/v2/routing/strategies";
const REGIONS = "/api/v2/architecture/regions";
const AUDIT = "/api/v2/platform/auditlogs";

function strategy(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        name: "Voice failover",
        type: "custom",
        enabled: true,
        routingConfig: {
            evaluationTimeoutMs: 5000,
            regions: [
                { regionId: "us-east-1", priority: 1, weight: 100, failoverTrigger: "health_degraded" },
                { regionId: "eu-west-1", priority: 2, weight: 50, failoverTrigger: "latency_exceeded" },
            ],
        },
        ...overrides,
    };
}

async function setup(
    t: { after: (fn: () => Promise<void>) => void },
    options: EmulatorOptions = {},
): Promise<{ emulator: RunningEmulator; token: string }> {
    const emulator = await startEmulator(options);
    t.after(() => emulator.stop());
    return { emulator, token: await tokenFor(emulator.url) };
}

async function auditOf(emulator: RunningEmulator, token: string, id: string): Promise<JsonBody[]> {
    const entries: JsonBody[] = [];
    let next = `${AUDIT}?pageSize=100&filterEntityId=${id}`;
    while (next) {
        const page = await call(emulator.url, token, "GET", next);
        assert.equal(page.status, 200);
        entries.push(...page.body.entities);
        next = page.body.nextPage;
    }
    return entries;
}

test("a PUT to a fresh id creates, a repeated PUT updates the same strategy, and every write is audited", async (t) => {
    const { emulator, token } = await setup(t);
    const id = randomUUID();
    const created = await call(emulator.url, token, "PUT", `${STRATEGIES}/${id}`, strategy());
    assert.equal(created.status, 200);
    assert.equal(created.body.id, id);
    assert.equal(created.body.version, 1);
    assert.equal(created.body.selfUri, `${STRATEGIES}/${id}`);
    const repeated = await call(emulator.url, token, "PUT", `${STRATEGIES}/${id}`, strategy());
    assert.equal(repeated.body.version, 2);
    const list = await call(emulator.url, token, "GET", `${STRATEGIES}?pageSize=10`);
    assert.equal(list.body.total, 1, "a retried create never duplicates");

    const stale = await call(emulator.url, token, "PUT", `${STRATEGIES}/${id}`, {
        ...strategy({ enabled: false }),
        version: 1,
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, "version.mismatch");
    assert.equal((await call(emulator.url, token, "DELETE", `${STRATEGIES}/${id}`)).status, 204);
    assert.equal((await call(emulator.url, token, "GET", `${STRATEGIES}/${id}`)).status, 404);
    assert.equal((await call(emulator.url, token, "DELETE", `${STRATEGIES}/${id}`)).status, 404);

    const entries = await auditOf(emulator, token, id);
    assert.deepEqual(
        entries.map((e) => [e.action, e.status, e.context.version]),
        [
            ["Create", "SUCCESS", "1"],
            ["Update", "SUCCESS", "2"],
            ["Delete", "SUCCESS", ""],
        ],
    );
    assert.deepEqual(entries[0].entity, { id, name: "Voice failover" });
    assert.equal(entries[0].entityType, "ROUTING_STRATEGY");
    assert.match(entries[0].eventDate, /^\d{4}-\d{2}-\d{2}T/);
});

test("a PUT carrying a version to a deleted strategy is a 404, not a silent re-create", async (t) => {
    const { emulator, token } = await setup(t);
    const res = await call(emulator.url, token, "PUT", `${STRATEGIES}/${randomUUID()}`, { ...strategy(), version: 3 });
    assert.equal(res.status, 404);
    assert.equal((await call(emulator.url, token, "GET", `${STRATEGIES}?pageSize=10`)).body.total, 0);
});

test("an invalid strategy is a 400 naming every bad field, including regions the org lacks", async (t) => {
    const { emulator, token } = await setup(t);
    const res = await call(emulator.url, token, "PUT", `${STRATEGIES}/${randomUUID()}`, {
        name: "",
        type: "weighted",
        enabled: "yes",
        routingConfig: {
            evaluationTimeoutMs: 30001,
            regions: [
                { regionId: "us-east-1", priority: 1, weight: 101, failoverTrigger: "health_degraded" },
                { regionId: "us-east-1", priority: 1, weight: 50, failoverTrigger: "dns" },
                { regionId: "mars-north-1", priority: 0, weight: 0, failoverTrigger: "latency_exceeded" },
            ],
        },
    });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.details.map((d: { fieldName: string }) => d.fieldName).sort(), [
        "enabled",
        "name",
        "routingConfig.evaluationTimeoutMs",
        "routingConfig.regions[0].weight",
        "routingConfig.regions[1].failoverTrigger",
        "routingConfig.regions[1].priority",
        "routingConfig.regions[1].regionId",
        "routingConfig.regions[2].priority",
        "routingConfig.regions[2].regionId",
        "type",
    ]);
    assert.match(res.body.message, /mars-north-1 is not a region of this org/);
    const single = await call(
        emulator.url,
        token,
        "PUT",
        `${STRATEGIES}/${randomUUID()}`,
        strategy({
            routingConfig: {
                evaluationTimeoutMs: 5000,
                regions: [{ regionId: "us-east-1", priority: 1, weight: 100, failoverTrigger: "health_degraded" }],
            },
        }),
    );
    assert.equal(single.status, 400);
    assert.match(single.body.message, /at least 2 regions/);
});

test("regions: defaults, a page-based list and per-region health, configurable at start and at run time", async (t) => {
    const { emulator, token } = await setup(t);
    const list = await call(emulator.url, token, "GET", `${REGIONS}?pageSize=3`);
    assert.equal(list.body.total, DEFAULT_REGION_IDS.length);
    assert.equal(list.body.pageCount, Math.ceil(DEFAULT_REGION_IDS.length / 3));
    assert.deepEqual(list.body.entities[0], {
        id: "us-east-1",
        name: "us-east-1",
        healthUri: `${REGIONS}/us-east-1/health`,
    });
    const health = await call(emulator.url, token, "GET", `${REGIONS}/eu-west-1/health`);
    assert.deepEqual(health.body, { id: "eu-west-1", status: "HEALTHY", syncIntervalSeconds: 60, latencyMs: 40 });
    assert.equal((await call(emulator.url, token, "GET", `${REGIONS}/mars-north-1/health`)).status, 404);

    const put = await fetch(`${emulator.url}/__emulator/regions`, {
        method: "PUT",
        body: JSON.stringify([{ id: "eu-west-1", status: "DEGRADED", syncIntervalSeconds: 900 }]),
    });
    assert.equal(put.status, 200);
    assert.equal((await call(emulator.url, token, "GET", REGIONS)).body.total, 1);
    assert.deepEqual((await call(emulator.url, token, "GET", `${REGIONS}/eu-west-1/health`)).body, {
        id: "eu-west-1",
        status: "DEGRADED",
        syncIntervalSeconds: 900,
        latencyMs: 40,
    });

    const bad = await fetch(`${emulator.url}/__emulator/regions`, {
        method: "PUT",
        body: JSON.stringify([{ id: "a" }, { id: "a", status: "ON_FIRE", latencyMs: -1 }]),
    });
    assert.equal(bad.status, 400);
    const body = (await bad.json()) as { details: { fieldName: string }[] };
    assert.deepEqual(
        body.details.map((d) => d.fieldName),
        ["regions[1].id", "regions[1].status", "regions[1].latencyMs"],
    );

    const custom = await setup(t, { regions: [{ id: "eu-central-1", latencyMs: 7 }] });
    assert.deepEqual(custom.emulator.regions(), [
        { id: "eu-central-1", status: "HEALTHY", syncIntervalSeconds: 60, latencyMs: 7 },
    ]);
    await assert.rejects(startEmulator({ regions: [{ id: "bad id" }] }), /invalid emulator regions: regions\[0\]\.id/);
});

test("health changes switch enabled strategies and the audit log records each switch's outcome", async (t) => {
    const { emulator, token } = await setup(t);
    const id = randomUUID();
    await call(emulator.url, token, "PUT", `${STRATEGIES}/${id}`, strategy());
    const disabled = randomUUID();
    await call(emulator.url, token, "PUT", `${STRATEGIES}/${disabled}`, strategy({ enabled: false }));
    const set = (changes: Record<string, object>) =>
        emulator.setRegions(DEFAULT_REGION_IDS.map((rid) => ({ id: rid, ...changes[rid] })));

    set({ "us-east-1": { status: "DEGRADED" } }); // primary trips health_degraded → eu-west-1 takes over
    set({ "us-east-1": { status: "DEGRADED" }, "eu-west-1": { latencyMs: 6000 } }); // secondary trips latency_exceeded → none left
    set({ "us-east-1": { status: "DEGRADED" }, "eu-west-1": { latencyMs: 6000, syncIntervalSeconds: 30 } }); // no change of active region
    set({}); // everything recovers: back to the primary

    const switches = (await auditOf(emulator, token, id)).filter((e) => e.action === "Failover");
    assert.deepEqual(
        switches.map((e) => [e.status, e.level, e.context]),
        [
            ["SUCCESS", "SYSTEM", { fromRegionId: "us-east-1", toRegionId: "eu-west-1", trigger: "health_degraded" }],
            ["FAILURE", "SYSTEM", { fromRegionId: "eu-west-1", toRegionId: "", trigger: "latency_exceeded" }],
            ["SUCCESS", "SYSTEM", { fromRegionId: "", toRegionId: "us-east-1", trigger: "recovery" }],
        ],
    );
    assert.deepEqual(
        await auditOf(emulator, token, disabled).then((e) => e.map((x) => x.action)),
        ["Create"],
        "a disabled strategy never switches",
    );
});

test("the audit log pages by nextPage paths that keep the filter, ending with an empty nextPage", async (t) => {
    const { emulator, token } = await setup(t);
    const id = randomUUID();
    for (let i = 0; i < 5; i++)
        await call(emulator.url, token, "PUT", `${STRATEGIES}/${id}`, strategy({ name: `v${i}` }));
    await call(emulator.url, token, "PUT", `${STRATEGIES}/${randomUUID()}`, strategy({ name: "other" }));

    const first = await call(emulator.url, token, "GET", `${AUDIT}?pageSize=2&filterEntityId=${id}`);
    assert.equal(first.body.entities.length, 2);
    assert.match(
        first.body.nextPage,
        /^\/api\/v2\/platform\/auditlogs\?pageSize=2&filterEntityId=[0-9a-f-]+&pageToken=/,
    );
    const names: string[] = [];
    let next = `${AUDIT}?pageSize=2&filterEntityId=${id}`;
    let pages = 0;
    while (next) {
        const page = await call(emulator.url, token, "GET", next);
        names.push(...page.body.entities.map((e: JsonBody) => e.entity.name));
        next = page.body.nextPage;
        pages += 1;
    }
    assert.deepEqual(names, ["v0", "v1", "v2", "v3", "v4"]);
    assert.equal(pages, 3);
    const all = await call(emulator.url, token, "GET", `${AUDIT}?pageSize=100`);
    assert.equal(all.body.entities.length, 6);
    assert.equal(all.body.nextPage, "");
    const badSize = await call(emulator.url, token, "GET", `${AUDIT}?pageSize=0`);
    assert.equal(badSize.status, 400);
});
