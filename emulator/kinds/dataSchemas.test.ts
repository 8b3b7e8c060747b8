import { test } from "node:test";
import assert from "node:assert/strict";
import { startEmulator, type RunningEmulator } from "../index";
import { call, tokenFor } from "../../test/emulatorClient";

const SCHEMAS = "/api/v2/data/schemas";
const schema = (overrides: Record<string, unknown> = {}) => ({
    name: "Tickets",
    fields: [
        { name: "priority", type: "string", required: false },
        { name: "status", type: "string", required: true, pattern: "^[a-z]+$" },
    ],
    rules: [{ when: { field: "priority", equals: "critical" }, require: { field: "status", equals: "active" } }],
    ...overrides,
});

async function setup(t: {
    after: (fn: () => Promise<void>) => void;
}): Promise<{ emulator: RunningEmulator; token: string }> {
    const emulator = await startEmulator();
    t.after(() => emulator.stop());
    return { emulator, token: await tokenFor(emulator.url) };
}

test("create, list by name, read, add a field with the version, delete", async (t) => {
    const { emulator, token } = await setup(t);
    const created = await call(emulator.url, token, "POST", SCHEMAS, schema());
    assert.equal(created.status, 200);
    assert.equal(created.body.version, 1);
    assert.deepEqual(created.body.rules, schema().rules);
    const listed = await call(emulator.url, token, "GET", `${SCHEMAS}?name=Tickets&pageSize=10`);
    assert.equal(listed.body.total, 1);
    assert.equal(listed.body.pageSize, 10);
    const fields = [...schema().fields, { name: "owner", type: "string", required: false }];
    const updated = await call(emulator.url, token, "PUT", `${SCHEMAS}/${created.body.id}`, {
        ...schema({ fields }),
        version: 1,
    });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.version, 2);
    assert.equal(updated.body.fields.length, 3);
    const stale = await call(emulator.url, token, "PUT", `${SCHEMAS}/${created.body.id}`, {
        ...schema({ fields }),
        version: 1,
    });
    assert.equal(stale.status, 409);
    assert.equal((await call(emulator.url, token, "DELETE", `${SCHEMAS}/${created.body.id}`)).status, 204);
    assert.equal((await call(emulator.url, token, "GET", `${SCHEMAS}/${created.body.id}`)).status, 404);
});

test("a PUT never removes or retypes a field", async (t) => {
    const { emulator, token } = await setup(t);
    const { body } = await call(emulator.url, token, "POST", SCHEMAS, schema());
    const removed = await call(
        emulator.url,
        token,
        "PUT",
        `${SCHEMAS}/${body.id}`,
        schema({ fields: [schema().fields[1]], rules: [] }),
    );
    assert.equal(removed.status, 400);
    assert.deepEqual(removed.body.details, [{ fieldName: "fields", errorCode: "field.removed" }]);
    const retyped = await call(
        emulator.url,
        token,
        "PUT",
        `${SCHEMAS}/${body.id}`,
        schema({ fields: [{ name: "priority", type: "integer", required: false }, schema().fields[1]], rules: [] }),
    );
    assert.equal(retyped.body.details[0].errorCode, "field.retyped");
    assert.match(retyped.body.message, /priority cannot change type from string to integer/);
});

test("every invalid field and rule is reported at once", async (t) => {
    const { emulator, token } = await setup(t);
    const res = await call(emulator.url, token, "POST", SCHEMAS, {
        name: "",
        fields: [
            { name: "id", type: "string", required: false },
            { name: "n", type: "decimal", required: false },
            { name: "c", type: "integer", required: false, pattern: "x" },
            { name: "r", type: "string", required: false, referentialSchemaId: "missing" },
        ],
        rules: [{ when: { field: "nope", equals: 1 }, require: { field: "c" } }],
    });
    assert.equal(res.status, 400);
    assert.deepEqual(
        res.body.details.map((d: { fieldName: string }) => d.fieldName),
        ["name", "fields", "fields", "fields", "fields", "rules", "rules"],
    );
    assert.match(res.body.message, /fields\[3\] referentialSchemaId missing is not an existing schema/);
});
