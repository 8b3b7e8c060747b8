import assert from "node:assert/strict";
import { test } from "node:test";
import type { Models } from "purecloud-platform-client-v2";
import { DEFAULT_CLIENT_ID } from "../../emulator";
import { refusal, sdkSession } from "./sdkSession";

const queues: Models.DataTable = {
    name: "Queue routing",
    description: "Which skill each queue needs",
    schema: {
        properties: {
            key: { type: "string", title: "Queue" },
            skill: { type: "string", title: "Skill" },
            priority: { type: "integer", default: 5 },
            active: { type: "boolean" },
        },
    },
};

test("the SDK creates, reads, lists, extends and deletes a data table", async (t) => {
    const { architect } = await sdkSession(t);
    const created = await architect.postFlowsDatatables(queues);
    assert.match(created.id ?? "", /^[0-9a-f-]{36}$/);
    assert.equal(created.name, "Queue routing");
    assert.equal(created.division?.name, "Home");
    assert.equal(created.selfUri, `/api/v2/flows/datatables/${created.id}`);

    const id = created.id as string;
    const brief = await architect.getFlowsDatatable(id);
    assert.equal(brief.schema, undefined, "the schema only with expand=schema");
    const full = await architect.getFlowsDatatable(id, { expand: "schema" });
    assert.deepEqual(full.schema?.required, ["key"]);
    assert.equal(full.schema?.title, "Queue routing");
    assert.deepEqual(full.schema?.properties?.priority, { $id: "/properties/priority", type: "integer", default: 5 });

    const listed = await architect.getFlowsDatatables({ name: "QUEUE*", pageSize: 10 });
    assert.deepEqual(
        listed.entities?.map((e) => e.id),
        [id],
    );
    assert.equal(listed.total, 1);
    assert.equal(listed.pageCount, 1);
    assert.equal(listed.firstUri, "/api/v2/flows/datatables?pageSize=10&pageNumber=1&name=QUEUE*");
    assert.deepEqual((await architect.getFlowsDatatables({ name: "sales*" })).entities, []);

    const extended = await architect.putFlowsDatatable(
        id,
        { ...full, schema: { ...full.schema, properties: { ...full.schema?.properties, region: { type: "string" } } } },
        { expand: "schema" },
    );
    assert.deepEqual(Object.keys(extended.schema?.properties ?? {}), ["key", "skill", "priority", "active", "region"]);

    const { skill: _skill, ...withoutSkill } = extended.schema?.properties ?? {};
    const removing = await refusal(
        architect.putFlowsDatatable(id, { ...extended, schema: { ...extended.schema, properties: withoutSkill } }),
    );
    assert.equal(removing.status, 400);
    assert.deepEqual(
        removing.details?.map((d) => d.fieldName),
        ["schema.properties.skill"],
    );
    assert.match(removing.message ?? "", /can only be added/);

    await architect.deleteFlowsDatatable(id);
    const gone = await refusal(architect.getFlowsDatatable(id));
    assert.equal(gone.status, 404);
    assert.equal(gone.code, "not.found");
});

test("a table the platform would refuse is a 400 naming each field", async (t) => {
    const { architect } = await sdkSession(t);
    const refused = await refusal(
        architect.postFlowsDatatables({
            name: "bad/name",
            schema: {
                properties: {
                    key: { type: "integer" },
                    tags: { type: "array" },
                    code: { type: "string", pattern: "^[A-Z]+$" },
                    score: { type: "number", default: "high" },
                },
            },
        }),
    );
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.details?.map((d) => d.fieldName).sort(), [
        "name",
        "schema.properties.code.pattern",
        "schema.properties.key.type",
        "schema.properties.score.default",
        "schema.properties.tags.type",
    ]);
    const noKey = await refusal(
        architect.postFlowsDatatables({ name: "No key", schema: { properties: { a: { type: "string" } } } }),
    );
    assert.deepEqual(
        noKey.details?.map((d) => d.fieldName),
        ["schema.properties.key"],
    );
    const tooWide = Object.fromEntries(
        Array.from({ length: 51 }, (_, i) => [i === 0 ? "key" : `f${i}`, { type: "string" }]),
    );
    const wide = await refusal(architect.postFlowsDatatables({ name: "Wide", schema: { properties: tooWide } }));
    assert.equal(wide.details?.[0]?.errorCode, "limit.exceeded");
    await architect.postFlowsDatatables(queues);
    const duplicate = await refusal(architect.postFlowsDatatables({ ...queues, name: "queue ROUTING" }));
    assert.equal(duplicate.status, 409);
    assert.equal((await architect.getFlowsDatatables()).total, 1, "nothing refused was created");
});

test("the SDK writes, reads, lists and deletes rows keyed by any text", async (t) => {
    const { architect } = await sdkSession(t);
    const id = (await architect.postFlowsDatatables(queues)).id as string;

    const row = await architect.postFlowsDatatableRows(id, { key: "EMEA / north", skill: "billing" });
    assert.deepEqual(row, { key: "EMEA / north", skill: "billing", priority: 5, active: false });
    await architect.postFlowsDatatableRows(id, { key: "apac", skill: "sales", priority: 1, active: true });

    assert.deepEqual(await architect.getFlowsDatatableRow(id, "EMEA / north"), { key: "EMEA / north" });
    assert.deepEqual(await architect.getFlowsDatatableRow(id, "EMEA / north", { showbrief: false }), row);

    const updated = await architect.putFlowsDatatableRow(id, "EMEA / north", {
        body: { key: "EMEA / north", skill: "support", priority: 2, active: true },
    });
    assert.deepEqual(updated, { key: "EMEA / north", skill: "support", priority: 2, active: true });

    const brief = await architect.getFlowsDatatableRows(id);
    assert.deepEqual(brief.entities, [{ key: "EMEA / north" }, { key: "apac" }]);
    const full = await architect.getFlowsDatatableRows(id, { showbrief: false, pageSize: 1, pageNumber: 2 });
    assert.deepEqual(full.entities, [{ key: "apac", skill: "sales", priority: 1, active: true }]);
    assert.equal(full.total, 2);
    assert.equal(full.pageCount, 2);
    assert.equal(full.previousUri, `/api/v2/flows/datatables/${id}/rows?pageSize=1&pageNumber=1&showbrief=false`);

    const badRow = await refusal(architect.postFlowsDatatableRows(id, { key: "x", priority: "high", colour: "red" }));
    assert.equal(badRow.status, 400);
    assert.deepEqual(badRow.details?.map((d) => d.fieldName).sort(), ["colour", "priority"]);
    const duplicate = await refusal(architect.postFlowsDatatableRows(id, { key: "apac" }));
    assert.equal(duplicate.status, 409);
    const renamed = await refusal(architect.putFlowsDatatableRow(id, "apac", { body: { key: "asia" } }));
    assert.deepEqual(
        renamed.details?.map((d) => d.fieldName),
        ["key"],
    );

    await architect.deleteFlowsDatatableRow(id, "EMEA / north");
    assert.equal((await refusal(architect.getFlowsDatatableRow(id, "EMEA / north"))).status, 404);
    assert.deepEqual((await architect.getFlowsDatatableRows(id)).entities, [{ key: "apac" }]);
});

test("a CSV import job applies the good rows, names the bad ones and completes asynchronously", async (t) => {
    const { architect } = await sdkSession(t);
    const id = (await architect.postFlowsDatatables(queues)).id as string;
    await architect.postFlowsDatatableRows(id, { key: "stale", skill: "none" });
    await architect.postFlowsDatatableRows(id, { key: "keep-me", skill: "old" });

    const job = await architect.postFlowsDatatableImportCsvJobs(id, {
        status: "WaitingForUpload",
        importMode: "ReplaceAll",
    });
    assert.equal(job.status, "WaitingForUpload");
    assert.ok(job.uploadURI && job.uploadHeaders);
    const csv = 'key,skill,priority,active\nsupport,"billing, tier 2",3,true\nkeep-me,new,many,false\nsales,,,\n';
    const upload = await fetch(job.uploadURI, { method: "PUT", headers: job.uploadHeaders, body: csv });
    assert.equal(upload.status, 200);
    const again = await fetch(job.uploadURI, { method: "PUT", headers: job.uploadHeaders, body: csv });
    assert.equal(again.status, 409, "a job takes one upload");

    const polls: string[] = [];
    let done: Models.DataTableImportJob;
    do {
        done = await architect.getFlowsDatatableImportJob(id, job.id as string);
        polls.push(done.status);
    } while (done.status === "Processing");
    assert.deepEqual(polls, ["Processing", "Succeeded"]);
    assert.equal(done.countRecordsUpdated, 2);
    assert.equal(done.countRecordsDeleted, 1, "ReplaceAll removes the row the file does not list");
    assert.equal(done.countRecordsFailed, 1);
    assert.equal(done.uploadURI, undefined);
    assert.match(
        done.errorInformation?.errors?.[0]?.message ?? "",
        /^Line 3 \(key "keep-me"\): priority must be an integer/,
    );
    assert.equal(done.errorInformation?.errors?.[0]?.details?.[0]?.fieldName, "priority");

    const rows = await architect.getFlowsDatatableRows(id, { showbrief: false });
    assert.deepEqual(rows.entities, [
        { key: "keep-me", skill: "old", priority: 5, active: false },
        { key: "sales", skill: "", priority: 5, active: false },
        { key: "support", skill: "billing, tier 2", priority: 3, active: true },
    ]);
    const jobs = await architect.getFlowsDatatableImportJobs(id);
    assert.deepEqual(
        jobs.entities?.map((j) => j.status),
        ["Succeeded"],
    );
});

test("a CSV whose header is not the table's changes nothing", async (t) => {
    const { architect } = await sdkSession(t);
    const id = (await architect.postFlowsDatatables(queues)).id as string;
    await architect.postFlowsDatatableRows(id, { key: "a" });
    const job = await architect.postFlowsDatatableImportCsvJobs(id, {
        status: "WaitingForUpload",
        importMode: "ReplaceAll",
    });
    await fetch(job.uploadURI as string, { method: "PUT", headers: job.uploadHeaders, body: "name,skill\nb,x\n" });
    let done: Models.DataTableImportJob;
    do done = await architect.getFlowsDatatableImportJob(id, job.id as string);
    while (done.status === "Processing");
    assert.equal(done.status, "Failed");
    assert.match(done.errorInformation?.message ?? "", /including key.*not fields of this table: name/);
    assert.deepEqual((await architect.getFlowsDatatableRows(id)).entities, [{ key: "a" }]);
});

test("a permission the client's role lacks is a 403 naming it, and granting it lets the call through", async (t) => {
    const { architect, emulator } = await sdkSession(t);
    emulator.setWithheldPermissions(DEFAULT_CLIENT_ID, ["architect:datatable:add"]);
    const denied = await refusal(architect.postFlowsDatatables(queues));
    assert.equal(denied.status, 403);
    assert.equal(denied.code, "missing.permissions");
    assert.deepEqual(denied.messageParams, { permissions: "architect:datatable:add" });
    assert.match(denied.message ?? "", /missing the following permission\(s\): \[architect:datatable:add\]/);
    assert.equal((await architect.getFlowsDatatables()).total, 0);

    emulator.setWithheldPermissions(DEFAULT_CLIENT_ID, []);
    const id = (await architect.postFlowsDatatables(queues)).id as string;

    // Row reads need either permission; only when both are missing is the call refused.
    emulator.setWithheldPermissions(DEFAULT_CLIENT_ID, ["architect:datatableRow:view"]);
    assert.equal((await architect.getFlowsDatatableRows(id)).total, 0);
    emulator.setWithheldPermissions(DEFAULT_CLIENT_ID, ["architect:datatableRow:view", "architect:datatable:view"]);
    const neither = await refusal(architect.getFlowsDatatableRows(id));
    assert.equal(neither.code, "missing.any.permissions");
    assert.deepEqual(neither.messageParams, { permissions: "architect:datatable:view, architect:datatableRow:view" });
});
