import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { startEmulator, type RunningEmulator } from "../index";
import { call, tokenFor } from "../../test/emulatorClient";

const TARGETS = "/api/v2/recording/storage/targets";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

function validTarget(
    overrides: Record<string, unknown> = {},
    configuration: Record<string, unknown> = {},
): Record<string, unknown> {
    return {
        name: "Voice archive",
        type: "aws-s3",
        configuration: {
            bucket: "acme-recordings",
            region: "eu-west-1",
            accessKeyId: "AKIAIOSFODNN7EXAMPLE",
            secretAccessKey: SECRET,
            serverSideEncryption: "AES256",
            pathPrefix: "recordings/voice",
            ...configuration,
        },
        retentionDays: 365,
        enabled: true,
        ...overrides,
    };
}

async function setup(t: {
    after: (fn: () => Promise<void>) => void;
}): Promise<{ emulator: RunningEmulator; token: string }> {
    const emulator = await startEmulator();
    t.after(() => emulator.stop());
    return { emulator, token: await tokenFor(emulator.url) };
}

test("a PUT under a new client-chosen id creates; repeating it is harmless; the secret is never returned", async (t) => {
    const { emulator, token } = await setup(t);
    const id = randomUUID();
    const created = await call(emulator.url, token, "PUT", `${TARGETS}/${id}`, validTarget());
    assert.equal(created.status, 200);
    assert.equal(created.body.id, id);
    assert.equal(created.body.version, 1);
    assert.equal(created.body.selfUri, `${TARGETS}/${id}`);
    assert.equal("secretAccessKey" in created.body.configuration, false);
    assert.equal(JSON.stringify(created.body).includes(SECRET), false);

    const repeated = await call(emulator.url, token, "PUT", `${TARGETS}/${id}`, validTarget());
    assert.equal(repeated.status, 200);
    assert.equal(repeated.body.id, id);
    const list = await call(emulator.url, token, "GET", TARGETS);
    assert.equal(list.body.entities.length, 1, "an upsert never duplicates");

    const read = await call(emulator.url, token, "GET", `${TARGETS}/${id}`);
    assert.equal(read.body.configuration.accessKeyId, "AKIAIOSFODNN7EXAMPLE");
    assert.equal(JSON.stringify(read.body).includes(SECRET), false);
});

test("an update with a version checks it; without the secret it keeps the stored one", async (t) => {
    const { emulator, token } = await setup(t);
    const id = randomUUID();
    await call(emulator.url, token, "PUT", `${TARGETS}/${id}`, validTarget());
    const withoutSecret = validTarget({ retentionDays: 30, version: 1 }, { secretAccessKey: undefined });
    const updated = await call(emulator.url, token, "PUT", `${TARGETS}/${id}`, withoutSecret);
    assert.equal(updated.status, 200);
    assert.equal(updated.body.version, 2);
    assert.equal(updated.body.retentionDays, 30);
    const stale = await call(emulator.url, token, "PUT", `${TARGETS}/${id}`, validTarget({ version: 1 }));
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, "version.mismatch");
});

test("a versioned PUT of an unknown id is 404, never a silent re-create; DELETE removes", async (t) => {
    const { emulator, token } = await setup(t);
    const id = randomUUID();
    const missing = await call(emulator.url, token, "PUT", `${TARGETS}/${id}`, validTarget({ version: 3 }));
    assert.equal(missing.status, 404);
    await call(emulator.url, token, "PUT", `${TARGETS}/${id}`, validTarget());
    assert.equal((await call(emulator.url, token, "DELETE", `${TARGETS}/${id}`)).status, 204);
    assert.equal((await call(emulator.url, token, "GET", `${TARGETS}/${id}`)).status, 404);
    assert.equal((await call(emulator.url, token, "DELETE", `${TARGETS}/${id}`)).status, 404);
});

test("the list is token-based and walks every target exactly once", async (t) => {
    const { emulator, token } = await setup(t);
    const ids = Array.from({ length: 5 }, () => randomUUID());
    for (const id of ids) await call(emulator.url, token, "PUT", `${TARGETS}/${id}`, validTarget());
    const seen: string[] = [];
    let pageToken: string | undefined;
    do {
        const query = new URLSearchParams({ pageSize: "2", ...(pageToken ? { pageToken } : {}) });
        const page = await call(emulator.url, token, "GET", `${TARGETS}?${query}`);
        assert.equal(page.status, 200);
        assert.equal("pageNumber" in page.body, false);
        seen.push(...page.body.entities.map((e: { id: string }) => e.id));
        pageToken = page.body.nextPageToken;
    } while (pageToken);
    assert.deepEqual(seen, ids);
});

// Each rule with one body that breaks only it, and the field the 400 must name.
const RULES: [string, Record<string, unknown>, Record<string, unknown>, string][] = [
    ["name missing", { name: undefined }, {}, "name"],
    ["type not aws-s3", { type: "gcs" }, {}, "type"],
    ["configuration missing", { configuration: undefined }, {}, "configuration"],
    ["bucket uppercase", {}, { bucket: "Acme" }, "configuration.bucket"],
    ["bucket too short", {}, { bucket: "ab" }, "configuration.bucket"],
    ["region invalid", {}, { region: "europe" }, "configuration.region"],
    ["encryption unknown", {}, { serverSideEncryption: "SSE-C" }, "configuration.serverSideEncryption"],
    ["kms without key", {}, { serverSideEncryption: "aws:kms" }, "configuration.kmsKeyId"],
    ["key with AES256", {}, { kmsKeyId: "alias/x" }, "configuration.kmsKeyId"],
    ["pathPrefix missing", {}, { pathPrefix: undefined }, "configuration.pathPrefix"],
    ["no credentials", {}, { accessKeyId: undefined, secretAccessKey: undefined }, "configuration.roleArn"],
    [
        "role ARN invalid",
        {},
        { accessKeyId: undefined, secretAccessKey: undefined, roleArn: "arn:aws:iam::1:user/x" },
        "configuration.roleArn",
    ],
    ["secret without key id", {}, { accessKeyId: undefined }, "configuration.accessKeyId"],
    ["key id without secret on create", {}, { secretAccessKey: undefined }, "configuration.secretAccessKey"],
    ["retentionDays over 3650", { retentionDays: 3651 }, {}, "retentionDays"],
    ["retentionDays zero", { retentionDays: 0 }, {}, "retentionDays"],
    ["enabled not boolean", { enabled: "yes" }, {}, "enabled"],
];

for (const [rule, overrides, configuration, field] of RULES) {
    test(`400 names ${field} when ${rule}`, async (t) => {
        const { emulator, token } = await setup(t);
        const res = await call(
            emulator.url,
            token,
            "PUT",
            `${TARGETS}/${randomUUID()}`,
            validTarget(overrides, configuration),
        );
        assert.equal(res.status, 400);
        assert.deepEqual(
            res.body.details.map((d: { fieldName: string }) => d.fieldName),
            [field],
        );
        assert.equal(JSON.stringify(res.body).includes(SECRET), false);
    });
}

test("every failure is reported at once", async (t) => {
    const { emulator, token } = await setup(t);
    const res = await call(
        emulator.url,
        token,
        "PUT",
        `${TARGETS}/${randomUUID()}`,
        validTarget({ retentionDays: 0, enabled: 1 }, { bucket: "A", region: "x" }),
    );
    assert.deepEqual(res.body.details.map((d: { fieldName: string }) => d.fieldName).sort(), [
        "configuration.bucket",
        "configuration.region",
        "enabled",
        "retentionDays",
    ]);
});

test("a role instead of keys is accepted", async (t) => {
    const { emulator, token } = await setup(t);
    const body = validTarget(
        {},
        { accessKeyId: undefined, secretAccessKey: undefined, roleArn: "arn:aws:iam::123456789012:role/genesys" },
    );
    assert.equal((await call(emulator.url, token, "PUT", `${TARGETS}/${randomUUID()}`, body)).status, 200);
});
