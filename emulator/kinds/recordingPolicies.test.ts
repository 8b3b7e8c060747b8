import { test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator, type RunningEmulator } from "../index";
import { call, tokenFor, validPolicy } from "../../test/emulatorClient";
import { estimatedBandwidthKbps, MAX_BANDWIDTH_KBPS, validateRecordingPolicy } from "./recordingPolicies";

const POLICIES = "/api/v2/recording/policies";

async function setup(t: {
    after: (fn: () => Promise<void>) => void;
}): Promise<{ emulator: RunningEmulator; token: string }> {
    const emulator = await startEmulator();
    t.after(() => emulator.stop());
    return { emulator, token: await tokenFor(emulator.url) };
}

test("create, read, update and delete a recording policy with versions", async (t) => {
    const { emulator, token } = await setup(t);
    const created = await call(emulator.url, token, "POST", POLICIES, validPolicy());
    assert.equal(created.status, 200);
    const policy = created.body;
    assert.match(policy.id, /^[0-9a-f-]{36}$/);
    assert.equal(policy.selfUri, `${POLICIES}/${policy.id}`);
    assert.equal(policy.version, 1);
    assert.equal(policy.dateCreated, policy.dateModified);
    assert.deepEqual(
        {
            ...policy,
            id: undefined,
            selfUri: undefined,
            version: undefined,
            dateCreated: undefined,
            dateModified: undefined,
        },
        {
            ...validPolicy(),
            id: undefined,
            selfUri: undefined,
            version: undefined,
            dateCreated: undefined,
            dateModified: undefined,
        },
    );

    const read = await call(emulator.url, token, "GET", `${POLICIES}/${policy.id}`);
    assert.deepEqual(read.body, policy);

    const updated = await call(emulator.url, token, "PUT", `${POLICIES}/${policy.id}`, {
        ...validPolicy({ retentionDays: 30 }),
        version: 1,
    });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.version, 2);
    assert.equal(updated.body.retentionDays, 30);
    assert.equal(updated.body.dateCreated, policy.dateCreated);

    const withoutVersion = await call(
        emulator.url,
        token,
        "PUT",
        `${POLICIES}/${policy.id}`,
        validPolicy({ enabled: false }),
    );
    assert.equal(withoutVersion.body.version, 3);

    const deleted = await call(emulator.url, token, "DELETE", `${POLICIES}/${policy.id}`);
    assert.equal(deleted.status, 204);
    assert.equal((await call(emulator.url, token, "GET", `${POLICIES}/${policy.id}`)).status, 404);
});

test("a PUT with a stale version is a 409 version.mismatch and changes nothing", async (t) => {
    const { emulator, token } = await setup(t);
    const { body: policy } = await call(emulator.url, token, "POST", POLICIES, validPolicy());
    await call(emulator.url, token, "PUT", `${POLICIES}/${policy.id}`, { ...validPolicy({ name: "v2" }), version: 1 });
    const stale = await call(emulator.url, token, "PUT", `${POLICIES}/${policy.id}`, {
        ...validPolicy({ name: "v3" }),
        version: 1,
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, "version.mismatch");
    assert.equal(stale.body.messageParams.currentVersion, "2");
    const current = await call(emulator.url, token, "GET", `${POLICIES}/${policy.id}`);
    assert.equal(current.body.name, "v2");
    assert.equal(current.body.version, 2);
});

test("unknown ids are 404 not.found for GET, PUT and DELETE", async (t) => {
    const { emulator, token } = await setup(t);
    const missing = `${POLICIES}/00000000-0000-0000-0000-000000000000`;
    for (const [method, body] of [["GET"], ["PUT", validPolicy()], ["DELETE"]] as const) {
        const res = await call(emulator.url, token, method, missing, body);
        assert.equal(res.status, 404, method);
        assert.equal(res.body.code, "not.found");
    }
});

test("extra fields are ignored and never echoed; the server owns id and version", async (t) => {
    const { emulator, token } = await setup(t);
    const res = await call(
        emulator.url,
        token,
        "POST",
        POLICIES,
        validPolicy({ id: "mine", version: 9, colour: "blue" }),
    );
    assert.equal(res.status, 200);
    assert.notEqual(res.body.id, "mine");
    assert.equal(res.body.version, 1);
    assert.equal("colour" in res.body, false);
});

test("list filters by exact name for finding an orphaned create", async (t) => {
    const { emulator, token } = await setup(t);
    await call(emulator.url, token, "POST", POLICIES, validPolicy({ name: "alpha" }));
    await call(emulator.url, token, "POST", POLICIES, validPolicy({ name: "alpha beta" }));
    const res = await call(emulator.url, token, "GET", `${POLICIES}?name=alpha`);
    assert.equal(res.body.total, 1);
    assert.equal(res.body.entities[0].name, "alpha");
    assert.match(res.body.selfUri, /name=alpha/);
    assert.equal((await call(emulator.url, token, "GET", `${POLICIES}?name=gamma`)).body.total, 0);
});

// Each rule with one body that breaks only it, and the field the 400 must name.
const RULES: [string, Record<string, unknown>, string][] = [
    ["name missing", { name: undefined }, "name"],
    ["name empty", { name: "  " }, "name"],
    ["name over 200 chars", { name: "n".repeat(201) }, "name"],
    ["enabled not boolean", { enabled: "yes" }, "enabled"],
    ["mediaTypes empty", { mediaTypes: [] }, "mediaTypes"],
    ["mediaTypes unknown entry", { mediaTypes: ["audio", "hologram"] }, "mediaTypes"],
    ["mediaTypes repeated", { mediaTypes: ["audio", "audio"] }, "mediaTypes"],
    ["recordingQuality unknown", { recordingQuality: "ultra" }, "recordingQuality"],
    ["retentionDays zero", { retentionDays: 0 }, "retentionDays"],
    ["retentionDays over 365", { retentionDays: 366 }, "retentionDays"],
    ["retentionDays fractional", { retentionDays: 1.5 }, "retentionDays"],
    ["maxDurationHours over 24", { maxDurationHours: 25 }, "maxDurationHours"],
    ["maxDurationHours zero", { maxDurationHours: 0 }, "maxDurationHours"],
    ["webhookUrls not https", { webhookUrls: ["http://hooks.example.com"] }, "webhookUrls"],
    ["webhookUrls not a URL", { webhookUrls: ["not a url"] }, "webhookUrls"],
    ["webhookUrls not strings", { webhookUrls: [42] }, "webhookUrls"],
    ["webhookUrls missing", { webhookUrls: undefined }, "webhookUrls"],
    ["bandwidth over 5000 kbps", { recordingQuality: "high", mediaTypes: ["video", "screen"] }, "mediaTypes"],
];

for (const [rule, overrides, field] of RULES) {
    test(`400 names ${field} when ${rule}`, async (t) => {
        const { emulator, token } = await setup(t);
        const res = await call(emulator.url, token, "POST", POLICIES, validPolicy(overrides));
        assert.equal(res.status, 400);
        assert.equal(res.body.code, "bad.request");
        assert.deepEqual(
            res.body.details.map((d: { fieldName: string }) => d.fieldName),
            [field],
        );
        assert.match(res.body.message, new RegExp(field));
    });
}

test("every failure is reported at once, on create and on update", async (t) => {
    const { emulator, token } = await setup(t);
    const bad = {
        name: "",
        mediaTypes: ["fax"],
        recordingQuality: "low",
        retentionDays: 0,
        webhookUrls: "x",
        version: "two",
    };
    const created = await call(emulator.url, token, "POST", POLICIES, bad);
    assert.deepEqual(created.body.details.map((d: { fieldName: string }) => d.fieldName).sort(), [
        "enabled",
        "mediaTypes",
        "name",
        "recordingQuality",
        "retentionDays",
        "webhookUrls",
    ]);
    const { body: policy } = await call(emulator.url, token, "POST", POLICIES, validPolicy());
    const updated = await call(emulator.url, token, "PUT", `${POLICIES}/${policy.id}`, bad);
    assert.equal(updated.status, 400);
    assert.ok(updated.body.details.some((d: { fieldName: string }) => d.fieldName === "version"));
});

test("bandwidth estimate follows the per-codec bandwidths, with screen counted as video", () => {
    assert.equal(estimatedBandwidthKbps("standard", ["audio", "video", "screen"]), 64 + 1500 + 1500);
    assert.equal(estimatedBandwidthKbps("high", ["audio", "video"]), 128 + 4000);
    assert.equal(
        estimatedBandwidthKbps("high", ["audio", "screen"]),
        estimatedBandwidthKbps("high", ["audio", "video"]),
    );
    assert.ok(
        validateRecordingPolicy(validPolicy({ recordingQuality: "standard", mediaTypes: ["audio", "video", "screen"] }))
            .ok,
    );
    assert.ok(validateRecordingPolicy(validPolicy({ recordingQuality: "high", mediaTypes: ["audio", "video"] })).ok);
    assert.ok(estimatedBandwidthKbps("high", ["video", "screen"]) > MAX_BANDWIDTH_KBPS);
    assert.equal(
        validateRecordingPolicy(validPolicy({ recordingQuality: "high", mediaTypes: ["video", "screen"] })).ok,
        false,
    );
});

test("a rejected webhook URL is not quoted back, since such URLs often embed tokens", () => {
    const checked = validateRecordingPolicy(
        validPolicy({ webhookUrls: ["https://ok.example.com", "http://hooks.example.com/T0/B1/xoxb-token"] }),
    );
    assert.equal(checked.ok, false);
    if (checked.ok) return;
    assert.match(checked.errors[0].message, /webhookUrls\[1\] must be an https:\/\/ URL/);
    assert.equal(checked.errors[0].message.includes("xoxb-token"), false);
});

test("optional fields may be omitted or null", () => {
    const checked = validateRecordingPolicy(
        validPolicy({ description: null, maxDurationHours: undefined, storageTargetId: undefined }),
    );
    assert.ok(checked.ok);
    assert.equal("description" in checked.value, false);
});
