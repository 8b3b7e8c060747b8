// Failures part-way through an `up`, through the real Pulumi engine:
//   - a record set with some rows refused by the platform is recorded with init errors; the next `up` with no change
//     writes the refused rows once the platform accepts them, and converges;
//   - a replacement followed by a failure later in the same `up` leaves the old object pending deletion; the next
//     `up` deletes it;
//   - `deleteBeforeReplace` on a schema with records (and a table with rows) depending on it: they go first, come
//     back last, their parent's id is unknown in the preview, and nothing is orphaned.
import assert from "node:assert/strict";
import { before, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import * as genesys from "genesys-pulumi";
import { recordsOf } from "../faults/kindFixtures";
import { platformInventory, platformPaths } from "../platformInventory";
import { type CliStep, cliStackPerSuite } from "./cliStack";
import { describeWithPulumiCli } from "./pulumiCli";

/**
 * Tickets referring to customers. `missing` rows refer to customers that do not exist yet, which the platform refuses;
 * `bucket` moves the storage target (a replacement) that the ticket set waits for.
 */
const helpdesk = (opts: { missing: string[]; bucket: string }) => async () => {
    const customers = new genesys.DataSchema("customers", {
        fields: [{ name: "email", type: "string", required: true }],
    });
    const ana = new genesys.DataRecord("ana", { schema: customers, key: "c-1", data: { email: "ana@example.com" } });
    const tickets = new genesys.DataSchema("tickets", {
        fields: [{ name: "customer", type: "string", required: true, referentialSchemaId: customers.schemaId }],
    });
    const archive = new genesys.StorageTarget("archive", {
        bucket: opts.bucket,
        region: "eu-west-1",
        serverSideEncryption: "AES256",
        retentionDays: 90,
        accessKeyId: "AKIAIOSFODNN7EXAMPLE",
        secretAccessKey: pulumi.secret("wJalrXUtnFEMI/K7MDENG/engineTestSecretKy"),
        verifyBucket: false,
    });
    new genesys.DataRecordSet(
        "queue",
        {
            schema: tickets,
            records: [
                { key: "t-1", data: { customer: "c-1" } },
                ...opts.missing.map((customer, i) => ({ key: `t-late-${i}`, data: { customer } })),
            ],
        },
        { dependsOn: [ana, archive] },
    );
    return { customers: customers.schemaId };
};

describeWithPulumiCli("failures part-way through an up, through the real Pulumi engine", (cli) => {
    const suite = cliStackPerSuite(cli);
    /** Customer records made outside Pulumi (the rows the platform refused until they existed). */
    const outside: string[] = [];
    const customersSchema = async () =>
        (await suite.stack.resources()).find((r) => r.name === "customers")?.id as string;
    const addCustomerOutside = async (key: string) => {
        const path = `${recordsOf(await customersSchema())}/${key}`;
        assert.equal((await suite.stack.platform.put(path, { email: `${key}@example.com` })).status, 201);
        outside.push(path);
    };
    const heldAndOutside = async () =>
        [...(await suite.stack.resources()).filter((r) => !r.delete).flatMap(platformPaths), ...outside].sort();

    it("records refused rows as init errors; the next up with no change writes them and converges", async () => {
        const program = helpdesk({ missing: ["c-2"], bucket: "acme-a" });
        const failed = await suite.stack.up(program);
        assert.equal(failed.ok, false, failed.output);
        assert.deepEqual(
            failed.failed.filter((n) => n !== "genesys-engine-tests-test"),
            ["queue"],
        );
        // The engine prints a partial failure's reasons, not its message: the summary and the advice must be among them.
        assert.match(
            failed.output,
            /1 of 2 record changes failed: record "t-late-0": data.customer "c-2" matches no record/,
        );
        assert.match(failed.output, /`pulumi up` retries the failed ones/);
        const queue = (await suite.stack.resources()).find((r) => r.name === "queue");
        assert.ok(queue?.initErrors?.length, `the engine recorded init errors: ${JSON.stringify(queue)}`);
        assert.deepEqual(Object.keys(queue.outputs.recordHashes), ["t-1"], "the state keeps the row that was written");
        assert.deepEqual(await platformInventory(suite.stack.platform), await heldAndOutside());

        await addCustomerOutside("c-2");
        const retried = await suite.stack.up(program);
        assert.ok(retried.ok, retried.output);
        assert.deepEqual(
            retried.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.name}`),
            ["update queue"],
            "the engine retried the resource with init errors, though the program did not change",
        );
        const converged = (await suite.stack.resources()).find((r) => r.name === "queue");
        assert.equal(converged?.initErrors, undefined);
        assert.deepEqual(Object.keys(converged?.outputs.recordHashes ?? {}).sort(), ["t-1", "t-late-0"]);
        assert.deepEqual(await platformInventory(suite.stack.platform), await heldAndOutside());
        assert.ok((await suite.stack.preview(program, { expectNoChanges: true })).ok);
    });

    it("a replacement followed by a failure: the old object stays pending deletion, and the next up deletes it", async () => {
        const oldArchive = (await suite.stack.resources()).find((r) => r.name === "archive");
        const program = helpdesk({ missing: ["c-2", "c-3"], bucket: "acme-b" });
        const failed = await suite.stack.up(program);
        assert.equal(failed.ok, false, failed.output);
        const ops = failed.steps.map((s) => `${s.op} ${s.name}`);
        assert.ok(ops.includes("create-replacement archive"), ops.join(", "));
        assert.ok(!ops.includes("delete-replaced archive"), `the old one is kept after the failure: ${ops.join(", ")}`);
        const pending = (await suite.stack.resources()).filter((r) => r.name === "archive" && r.delete);
        assert.deepEqual(
            pending.map((r) => r.id),
            [oldArchive?.id],
            "the state holds the old object, marked for deletion",
        );
        const inventory = await platformInventory(suite.stack.platform);
        assert.ok(
            inventory.some((p) => p.endsWith(`/${oldArchive?.id}`)),
            "the old object is still on the platform",
        );
        assert.deepEqual(inventory, [...(await heldAndOutside()), ...platformPaths(pending[0])].sort());

        await addCustomerOutside("c-3");
        const next = await suite.stack.up(program);
        assert.ok(next.ok, next.output);
        assert.ok(
            next.steps.some((s) => s.op === "delete-replaced" && s.name === "archive"),
            next.steps.map((s) => `${s.op} ${s.name}`).join(", "),
        );
        assert.equal((await suite.stack.resources()).filter((r) => r.delete).length, 0);
        const after = await platformInventory(suite.stack.platform);
        assert.ok(!after.some((p) => p.endsWith(`/${oldArchive?.id}`)), "the old object is gone");
        assert.deepEqual(after, await heldAndOutside());
        assert.ok((await suite.stack.preview(program, { expectNoChanges: true })).ok);
    });
});

/** How the engine's events show a value not known until the update. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A schema replaced delete-before-replace, with a record and a record set depending on it. */
const roster = (extraField: boolean) => async () => {
    const contacts = new genesys.DataSchema(
        "contacts",
        {
            fields: [
                { name: "email", type: "string", required: true },
                ...(extraField ? [{ name: "note", type: "string" as const }] : []),
            ],
        },
        { deleteBeforeReplace: true },
    );
    new genesys.DataRecord("ada", { schema: contacts, key: "ada", data: { email: "ada@example.com" } });
    new genesys.DataRecordSet("team", {
        schema: contacts,
        records: [
            { key: "grace", data: { email: "grace@example.com" } },
            { key: "alan", data: { email: "alan@example.com" } },
        ],
    });
};

/** A table replaced delete-before-replace (a field removed), with a row and a set of rows depending on it. */
const routes = (extraField: boolean) => async () => {
    const table = new genesys.DataTable(
        "routes",
        {
            fields: [
                { name: "key", type: "string" },
                { name: "queue", type: "string", default: "" },
                ...(extraField ? [{ name: "note", type: "string" as const }] : []),
            ],
        },
        { deleteBeforeReplace: true },
    );
    new genesys.DataTableRow("fallback", { table, key: "fallback", data: { queue: "general" } });
    new genesys.DataTableRows("routed", {
        table,
        rows: [
            { key: "sales", data: { queue: "sales-queue" } },
            { key: "support", data: { queue: "support-queue" } },
        ],
    });
};

const PARENTS = [
    {
        what: "a schema with records",
        program: roster,
        parent: "contacts",
        dependents: ["ada", "team"],
        idKey: "schemaId",
    },
    {
        what: "a table with rows",
        program: routes,
        parent: "routes",
        dependents: ["fallback", "routed"],
        idKey: "datatableId",
    },
];

for (const { what, program, parent, dependents, idKey } of PARENTS) {
    describeWithPulumiCli(`deleteBeforeReplace on ${what}, through the real Pulumi engine`, (cli) => {
        const suite = cliStackPerSuite(cli);
        before(async () => {
            const up = await suite.stack.up(program(true));
            assert.ok(up.ok, up.output);
        });

        it(`deletes the dependents first and creates them last, their ${idKey} unknown in the preview; nothing orphaned`, async () => {
            const old = (await suite.stack.resources()).find((r) => r.name === parent);
            const preview = await suite.stack.preview(program(false));
            assert.ok(preview.ok, preview.output);
            const replaced = (steps: CliStep[]) =>
                [...new Set(steps.filter((s) => s.op === "replace").map((s) => s.name))].sort();
            assert.deepEqual(replaced(preview.steps), [parent, ...dependents].sort(), preview.output);
            for (const name of dependents) {
                const step = preview.steps.find((s) => s.name === name && s.op === "replace");
                assert.equal(step?.newInputs?.[idKey], UNKNOWN, `${name}: ${JSON.stringify(step?.newInputs)}`);
            }

            const run = await suite.stack.up(program(false));
            assert.ok(run.ok, run.output);
            const order = run.steps.map((s) => `${s.op} ${s.name}`);
            const at = (step: string) => {
                const index = order.indexOf(step);
                assert.ok(index >= 0, `${step} in ${order.join(", ")}`);
                return index;
            };
            for (const dependent of dependents) {
                assert.ok(at(`delete-replaced ${dependent}`) < at(`delete-replaced ${parent}`), order.join(", "));
                assert.ok(at(`create-replacement ${parent}`) < at(`create-replacement ${dependent}`), order.join(", "));
            }
            const now = (await suite.stack.resources()).find((r) => r.name === parent);
            assert.notEqual(now?.id, old?.id);
            assert.deepEqual(
                await platformInventory(suite.stack.platform),
                await suite.stack.held(),
                "nothing orphaned",
            );
            assert.ok((await suite.stack.preview(program(false), { expectNoChanges: true })).ok);
        });
    });
}
