import assert from "node:assert/strict";
import { test } from "node:test";
import { CliUsageError, parseCliArgs } from "../cliArgs";
import { DEFAULT_CLIENT_ID, startEmulator } from "../index";
import { call, tokenFor } from "../../test/emulatorClient";

const TABLES = "/api/v2/flows/datatables";
const table = { name: "t", schema: { properties: { key: { type: "string" } } } };

test("permissions withheld at start are refused with the platform's 403; the contract's routes keep their scopes", async (t) => {
    const emulator = await startEmulator({
        clients: [{ clientId: "ops", clientSecret: "ops-secret", scopes: ["recording:read"] }],
        withheldPermissions: { ops: ["architect:datatable:add", "architect:datatable:view"] },
    });
    t.after(() => emulator.stop());
    const ops = await tokenFor(emulator.url, "ops", "ops-secret");
    const denied = await call(emulator.url, ops, "POST", TABLES, table);
    assert.equal(denied.status, 403);
    assert.equal(denied.body.code, "missing.permissions");
    assert.deepEqual(denied.body.messageParams, { permissions: "architect:datatable:add" });
    assert.equal((await call(emulator.url, ops, "GET", "/api/v2/recording/policies")).status, 200);
    assert.equal((await call(emulator.url, ops, "GET", "/api/v2/organizations/me")).status, 200, "needs no permission");

    const admin = await tokenFor(emulator.url);
    assert.equal((await call(emulator.url, admin, "POST", TABLES, table)).status, 200, "other clients hold all");
});

test("the operator changes a client's permissions at run time, for tokens already issued", async (t) => {
    const emulator = await startEmulator();
    t.after(() => emulator.stop());
    const token = await tokenFor(emulator.url);
    const put = (body: unknown) =>
        fetch(`${emulator.url}/__emulator/permissions`, { method: "PUT", body: JSON.stringify(body) });

    const set = await put({ clientId: DEFAULT_CLIENT_ID, withheld: ["integrations:integration:view"] });
    assert.equal(set.status, 200);
    assert.deepEqual(await set.json(), { [DEFAULT_CLIENT_ID]: ["integrations:integration:view"] });
    const denied = await call(emulator.url, token, "GET", "/api/v2/integrations");
    assert.equal(denied.status, 403);
    assert.match(denied.body.message, /\[integrations:integration:view\]/);

    for (const bad of [
        { clientId: DEFAULT_CLIENT_ID, withheld: ["integrations:integration:fly"] },
        { clientId: "nobody", withheld: [] },
        { clientId: DEFAULT_CLIENT_ID, withheld: "architect:datatable:add" },
    ]) {
        const res = await put(bad);
        assert.equal(res.status, 400);
        const body = (await res.json()) as { details: { fieldName: string }[] };
        assert.deepEqual(
            body.details.map((d) => d.fieldName),
            ["withheld"],
        );
    }
    assert.deepEqual(emulator.withheldPermissions(), { [DEFAULT_CLIENT_ID]: ["integrations:integration:view"] });
    await put({ clientId: DEFAULT_CLIENT_ID, withheld: [] });
    assert.equal((await call(emulator.url, token, "GET", "/api/v2/integrations")).status, 200);
});

test("unknown permissions or clients are refused at start and on the command line, naming the valid ones", async () => {
    await assert.rejects(
        startEmulator({ withheldPermissions: { [DEFAULT_CLIENT_ID]: ["architect:datatable:fly"] } }),
        /unknown permissions "architect:datatable:fly"; valid permissions: architect:datatable:add/,
    );
    await assert.rejects(startEmulator({ withheldPermissions: { ghost: [] } }), /unknown client "ghost"/);
    assert.deepEqual(
        parseCliArgs(["--withhold", "ops:architect:datatable:add,architect:datatableRow:add", "--withhold", "x:"])
            .options.withheldPermissions,
        { ops: ["architect:datatable:add", "architect:datatableRow:add"], x: [] },
    );
    assert.throws(() => parseCliArgs(["--withhold", "ops:recording:read"]), CliUsageError);
});
