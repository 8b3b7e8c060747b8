import { test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator, type RunningEmulator } from "../index";
import { call, tokenFor } from "../../test/emulatorClient";

const SCHEMAS = "/api/v2/data/schemas";

async function setup(t: {
    after: (fn: () => Promise<void>) => void;
}): Promise<{ emulator: RunningEmulator; token: string; records: string; customers: string }> {
    const emulator = await startEmulator();
    t.after(() => emulator.stop());
    const token = await tokenFor(emulator.url);
    const customers = (
        await call(emulator.url, token, "POST", SCHEMAS, {
            name: "Customers",
            fields: [{ name: "email", type: "string", required: true }],
        })
    ).body.id;
    const tickets = await call(emulator.url, token, "POST", SCHEMAS, {
        name: "Tickets",
        fields: [
            { name: "priority", type: "string", required: false },
            { name: "status", type: "string", required: true, maxLength: 8 },
            { name: "customer", type: "string", required: false, referentialSchemaId: customers },
            {
                name: "customerEmail",
                type: "string",
                required: false,
                referentialSchemaId: customers,
                referentialFieldName: "email",
            },
        ],
        rules: [{ when: { field: "priority", equals: "critical" }, require: { field: "status", equals: "active" } }],
    });
    return {
        emulator,
        token,
        records: `${SCHEMAS}/${tickets.body.id}/records`,
        customers: `${SCHEMAS}/${customers}/records`,
    };
}

test("PUT upserts a record under the client's id, then updates it with the version", async (t) => {
    const { emulator, token, records } = await setup(t);
    const created = await call(emulator.url, token, "PUT", `${records}/t-1`, { status: "open" });
    assert.equal(created.status, 201);
    assert.deepEqual(
        { id: created.body.id, status: created.body.status, version: created.body.version },
        { id: "t-1", status: "open", version: 1 },
    );
    assert.equal(created.body.selfUri, `${records}/t-1`);
    const again = await call(emulator.url, token, "PUT", `${records}/t-1`, { status: "open" });
    assert.equal(again.status, 200, "a repeated PUT rewrites the same record");
    const versioned = await call(emulator.url, token, "PUT", `${records}/t-1`, { status: "closed", version: 2 });
    assert.equal(versioned.body.version, 3);
    assert.equal("version" in (await call(emulator.url, token, "GET", `${records}/t-1`)).body, true);
    assert.equal((await call(emulator.url, token, "PUT", `${records}/t-1`, { status: "x", version: 1 })).status, 409);
    assert.equal((await call(emulator.url, token, "PUT", `${records}/t-9`, { status: "x", version: 1 })).status, 404);
    const list = await call(emulator.url, token, "GET", `${records}?pageSize=1`);
    assert.deepEqual([list.body.total, list.body.entities[0].id], [1, "t-1"]);
    assert.equal((await call(emulator.url, token, "DELETE", `${records}/t-1`)).status, 204);
    assert.equal((await call(emulator.url, token, "GET", `${records}/t-1`)).status, 404);
});

test("records are validated against their schema, each failure naming its field", async (t) => {
    const { emulator, token, records } = await setup(t);
    const res = await call(emulator.url, token, "PUT", `${records}/t-1`, {
        priority: 3,
        status: "much too long",
        colour: "red",
    });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.details.map((d: { fieldName: string }) => d.fieldName).sort(), [
        "colour",
        "priority",
        "status",
    ]);
    const rule = await call(emulator.url, token, "PUT", `${records}/t-1`, { priority: "critical", status: "open" });
    assert.deepEqual(rule.body.details, [{ fieldName: "status", errorCode: "rule.violated" }]);
    assert.deepEqual((await call(emulator.url, token, "PUT", `${records}/t-1`, {})).body.details, [
        { fieldName: "status", errorCode: "required" },
    ]);
    assert.equal(
        (await call(emulator.url, token, "PUT", `${records}/t-1`, { status: "x".repeat(1024 * 1024) })).status,
        413,
    );
});

test("referential fields must name a record of the referenced schema, by id or by field", async (t) => {
    const { emulator, token, records, customers } = await setup(t);
    const missing = await call(emulator.url, token, "PUT", `${records}/t-1`, {
        status: "open",
        customer: "c-1",
        customerEmail: "a@b.c",
    });
    assert.deepEqual(
        missing.body.details
            .map((d: { fieldName: string; errorCode: string }) => `${d.fieldName}:${d.errorCode}`)
            .sort(),
        ["customer:reference.not.found", "customerEmail:reference.not.found"],
    );
    await call(emulator.url, token, "PUT", `${customers}/c-1`, { email: "a@b.c" });
    assert.equal(
        (
            await call(emulator.url, token, "PUT", `${records}/t-1`, {
                status: "open",
                customer: "c-1",
                customerEmail: "a@b.c",
            })
        ).status,
        201,
    );
});

test("records of an unknown schema are 404, and deleting a schema deletes its records", async (t) => {
    const { emulator, token, records } = await setup(t);
    assert.equal((await call(emulator.url, token, "PUT", `${SCHEMAS}/nope/records/r`, { a: 1 })).status, 404);
    await call(emulator.url, token, "PUT", `${records}/t-1`, { status: "open" });
    const schemaPath = records.replace(/\/records$/, "");
    assert.equal((await call(emulator.url, token, "DELETE", schemaPath)).status, 204);
    assert.equal((await call(emulator.url, token, "GET", `${records}/t-1`)).status, 404);
});
