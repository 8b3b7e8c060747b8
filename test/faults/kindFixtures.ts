// One small program per resource kind for the fault matrix. Each declares, for generation `gen` and revision `rev`:
// a rotating object named after the generation (a new generation creates one and deletes the previous one) and a
// stable object whose content follows the revision (a new revision updates it in place). One `up` that moves both
// therefore exercises create, update and delete at once.
import * as genesys from "genesys-pulumi";
import type { Permission } from "../../emulator/platform/permissions";

type Json = Record<string, unknown>;

export interface KindFixture {
    kind: string;
    /** How this fixture writes the kind, where the kind has more than one way. */
    variant?: string;
    /**
     * What the kind's writes need, which the missing-access case takes away: a scope of the OAuth client for the
     * contract's kinds, permissions of the client's roles for the real platform's (all of them, where the platform
     * lets either one allow a call).
     */
    writeAccess: { scope: string } | { permissions: Permission[] };
    /** Registers the program's resources; returns how many Genesys resources it declared. */
    declare(gen: number, rev: number): number;
    /** The stable object's platform path, given its state id and outputs. */
    stablePath(id: string, outputs: Json): string;
    /** A change someone makes outside Pulumi to the stable object's platform body (version kept, so it commits). */
    foreignEdit(live: Json): Json;
}

const POLICIES = "/api/v2/recording/policies";
const TARGETS = "/api/v2/recording/storage/targets";
const WEBHOOKS = "/api/v2/webhooks";
const STREAMS = "/api/v2/eventstreams";
const STRATEGIES = "/api/v2/routing/strategies";
const SCHEMAS = "/api/v2/data/schemas";
const RETENTION_POLICIES = "/api/v2/recording/mediaretentionpolicies";
const TRIGGERS = "/api/v2/processautomation/triggers";
const TABLES = "/api/v2/flows/datatables";
const INTEGRATIONS = "/api/v2/integrations";
/** Where a recording export integration keeps its role. */
export const CREDENTIALS = "/api/v2/integrations/credentials";

const policyArgs = (retentionDays: number): genesys.RecordingPolicyArgs => ({
    mediaTypes: ["audio"],
    quality: "standard",
    retentionDays,
});
const targetArgs = (retentionDays: number): genesys.StorageTargetArgs => ({
    bucket: "acme-recordings",
    region: "eu-west-1",
    serverSideEncryption: "AES256",
    retentionDays,
    roleArn: "arn:aws:iam::123456789012:role/genesys-recordings",
    verifyBucket: false,
});
const webhookArgs = (rev: number): genesys.WebhookArgs => ({
    targetUrl: "https://hooks.example.com/genesys",
    events: ["routing:strategy:updated"],
    headers: { "X-Revision": String(rev) },
});
const streamArgs = (retentionDays: number): genesys.EventStreamArgs => ({
    topics: ["genesys.conversations.call"],
    retentionDays,
    eventBusArn: "arn:aws:events:eu-west-1:123456789012:event-bus/aws.partner/genesys.com/cloud/0a1b2c/calls",
    roleArn: "arn:aws:iam::123456789012:role/genesys-eventbridge",
});
const strategyArgs = (evaluationTimeoutMs: number): genesys.FailoverStrategyArgs => ({
    regions: [
        { regionId: "us-east-1", priority: 1, weight: 100, failoverTrigger: "health_degraded" },
        { regionId: "eu-west-1", priority: 2, weight: 50, failoverTrigger: "health_degraded" },
    ],
    evaluationTimeoutMs,
});
const retentionArgs = (deleteDays: number): genesys.MediaRetentionPolicyArgs => ({
    mediaPolicies: {
        callPolicy: {
            actions: {
                retainRecording: true,
                retentionDuration: { archiveRetention: { days: 7 }, deleteRetention: { days: deleteDays } },
            },
        },
    },
});
const triggerArgs = (rev: number): genesys.ProcessAutomationTriggerArgs => ({
    topicName: "v2.detail.events.conversation.{id}.customer.end",
    target: { id: "survey-workflow" },
    description: `revision ${rev}`,
});
const emailField: genesys.DataField = { name: "email", type: "string", required: true };
/** Adding fields updates a schema in place; each revision adds one. */
const schemaFields = (rev: number): genesys.DataField[] => [
    emailField,
    ...Array.from({ length: rev }, (_, i) => ({ name: `n${i + 1}`, type: "integer" as const })),
];
const email = (who: string) => ({ email: `${who}@example.com` });
const tableFields: genesys.DataTableField[] = [
    { name: "key", type: "string" },
    { name: "label", type: "string", default: "" },
];
const label = (who: string) => ({ label: who });
/** The org allows one EventBridge integration per event source suffix. */
const eventBridgeArgs = (eventSourceSuffix: string, notes?: string): genesys.EventBridgeIntegrationArgs => ({
    notes,
    awsAccountId: "123456789012",
    awsAccountRegion: "eu-west-1",
    eventSourceSuffix,
    topics: ["v2.detail.events.conversation.{id}.customer.end"],
});
const exportArgs = (notes?: string): genesys.RecordingExportIntegrationArgs => ({
    notes,
    bucket: "acme-exports",
    roleArn: "arn:aws:iam::123456789012:role/genesys-exports",
    region: "eu-west-1",
    serverSideEncryption: "AES256",
    verifyBucket: false,
});
/** An integration's configuration: where a change made outside Pulumi lands, at the version it holds. */
const integrationConfigOf = (id: string) => `${INTEGRATIONS}/${id}/config/current`;
/** Installing an integration (and an export's credential) is what withholding this refuses. */
const INTEGRATION_ADD: Permission[] = ["integrations:integration:add"];
/** The platform allows a row write to a client holding either permission, so both are withheld. */
const ROW_ADD: Permission[] = ["architect:datatable:add", "architect:datatableRow:add"];

/**
 * Sets of rows, written row by row or (given a mode) through the platform's CSV import job, which needs the
 * table's edit permission and the row's add permission together.
 */
function rowSetFixture(importMode?: "Append"): KindFixture {
    return {
        kind: "DataTableRows",
        variant: importMode && `through the CSV import job (${importMode})`,
        writeAccess: { permissions: importMode === undefined ? ROW_ADD : ["architect:datatableRow:add"] },
        declare(gen, rev) {
            const table = new genesys.DataTable("routing", { fields: tableFields });
            // Keys differ per generation: the rotating sets share the table, and a new one is created before the old one is deleted.
            new genesys.DataTableRows(`rows-g${gen}`, {
                table,
                rows: [1, 2].map((n) => ({ key: `g${gen}-${n}`, data: label(`g${gen}-${n}`) })),
                importMode,
            });
            new genesys.DataTableRows("rows-stable", {
                table,
                rows: [
                    { key: `s-g${gen}`, data: label(`s-g${gen}`) },
                    { key: "s-stable", data: label(`rev${rev}`) },
                ],
                importMode,
            });
            return 3;
        },
        stablePath: (_id, outputs) => `${rowsOf(String(outputs.datatableId))}/s-stable?showbrief=false`,
        foreignEdit: (live) => ({ ...live, label: "someone else" }),
    };
}

export const KIND_FIXTURES: Record<string, KindFixture> = {
    RecordingPolicy: {
        kind: "RecordingPolicy",
        writeAccess: { scope: "recording:write" },
        declare(gen, rev) {
            new genesys.RecordingPolicy(`policy-g${gen}`, policyArgs(30));
            new genesys.RecordingPolicy("policy-stable", policyArgs(30 + rev));
            return 2;
        },
        stablePath: (id) => `${POLICIES}/${id}`,
        foreignEdit: (live) => ({ ...live, retentionDays: 365 }),
    },
    StorageTarget: {
        kind: "StorageTarget",
        writeAccess: { scope: "recording:write" },
        declare(gen, rev) {
            new genesys.StorageTarget(`target-g${gen}`, targetArgs(90));
            new genesys.StorageTarget("target-stable", targetArgs(90 + rev));
            return 2;
        },
        stablePath: (id) => `${TARGETS}/${id}`,
        foreignEdit: (live) => ({ ...live, retentionDays: 3000 }),
    },
    Webhook: {
        kind: "Webhook",
        writeAccess: { scope: "webhook:write" },
        declare(gen, rev) {
            new genesys.Webhook(`hook-g${gen}`, webhookArgs(0));
            new genesys.Webhook("hook-stable", webhookArgs(rev));
            return 2;
        },
        stablePath: (id) => `${WEBHOOKS}/${id}`,
        foreignEdit: (live) => ({ ...live, enabled: false }),
    },
    EventStream: {
        kind: "EventStream",
        writeAccess: { scope: "eventstream:write" },
        declare(gen, rev) {
            new genesys.EventStream(`stream-g${gen}`, streamArgs(30));
            new genesys.EventStream("stream-stable", streamArgs(30 + rev));
            return 2;
        },
        stablePath: (id) => `${STREAMS}/${id}`,
        foreignEdit: (live) => ({ ...live, retentionDays: 90 }),
    },
    FailoverStrategy: {
        kind: "FailoverStrategy",
        writeAccess: { scope: "routing:strategy:write" },
        declare(gen, rev) {
            new genesys.FailoverStrategy(`strategy-g${gen}`, strategyArgs(1000));
            new genesys.FailoverStrategy("strategy-stable", strategyArgs(1000 + rev));
            return 2;
        },
        stablePath: (id) => `${STRATEGIES}/${id}`,
        foreignEdit: (live) => ({ ...live, enabled: false }),
    },
    DataSchema: {
        kind: "DataSchema",
        writeAccess: { scope: "schema:write" },
        declare(gen, rev) {
            new genesys.DataSchema(`schema-g${gen}`, { fields: schemaFields(0) });
            new genesys.DataSchema("schema-stable", { fields: schemaFields(rev) });
            return 2;
        },
        stablePath: (id) => `${SCHEMAS}/${id}`,
        foreignEdit: (live) => ({ ...live, name: `${live.name}-renamed` }),
    },
    DataRecord: {
        kind: "DataRecord",
        writeAccess: { scope: "data:record:write" },
        declare(gen, rev) {
            const schema = new genesys.DataSchema("contacts", { fields: [emailField] });
            new genesys.DataRecord(`contact-g${gen}`, { schema, key: `k-g${gen}`, data: email(`g${gen}`) });
            new genesys.DataRecord("contact-stable", { schema, key: "stable", data: email(`rev${rev}`) });
            return 3;
        },
        stablePath: (id) => `${SCHEMAS}/${id.split("/")[0]}/records/${id.split("/")[1]}`,
        foreignEdit: (live) => ({ email: "someone-else@example.com", version: live.version }),
    },
    DataRecordSet: {
        kind: "DataRecordSet",
        writeAccess: { scope: "data:record:write" },
        declare(gen, rev) {
            const schema = new genesys.DataSchema("tickets", { fields: [emailField] });
            // Keys differ per generation: the rotating sets share the schema, and a new one is created before the old one is deleted.
            new genesys.DataRecordSet(`set-g${gen}`, {
                schema,
                records: [1, 2].map((n) => ({ key: `g${gen}-${n}`, data: email(`g${gen}-${n}`) })),
            });
            new genesys.DataRecordSet("set-stable", {
                schema,
                records: [
                    { key: `s-g${gen}`, data: email(`s-g${gen}`) },
                    { key: "s-stable", data: email(`rev${rev}`) },
                ],
            });
            return 3;
        },
        stablePath: (_id, outputs) => `${SCHEMAS}/${outputs.schemaId}/records/s-stable`,
        foreignEdit: (live) => ({ email: "someone-else@example.com", version: live.version }),
    },
    MediaRetentionPolicy: {
        kind: "MediaRetentionPolicy",
        writeAccess: { permissions: ["recording:retentionPolicy:add"] },
        declare(gen, rev) {
            new genesys.MediaRetentionPolicy(`retention-g${gen}`, retentionArgs(30));
            new genesys.MediaRetentionPolicy("retention-stable", retentionArgs(30 + rev));
            return 2;
        },
        stablePath: (id) => `${RETENTION_POLICIES}/${id}`,
        foreignEdit: (live) => ({ ...live, description: "edited in the admin UI" }),
    },
    ProcessAutomationTrigger: {
        kind: "ProcessAutomationTrigger",
        writeAccess: { permissions: ["processautomation:trigger:add"] },
        declare(gen, rev) {
            new genesys.ProcessAutomationTrigger(`trigger-g${gen}`, triggerArgs(0));
            new genesys.ProcessAutomationTrigger("trigger-stable", triggerArgs(rev));
            return 2;
        },
        stablePath: (id) => `${TRIGGERS}/${id}`,
        foreignEdit: (live) => ({ ...live, enabled: false }),
    },
    DataTable: {
        kind: "DataTable",
        writeAccess: { permissions: ["architect:datatable:add"] },
        declare(gen, rev) {
            new genesys.DataTable(`table-g${gen}`, { fields: tableFields });
            new genesys.DataTable("table-stable", { description: `revision ${rev}`, fields: tableFields });
            return 2;
        },
        // A table's fields come back only with `expand=schema`, and a PUT without them would be refused.
        stablePath: (id) => `${TABLES}/${id}?expand=schema`,
        foreignEdit: (live) => ({ ...live, description: "changed elsewhere" }),
    },
    DataTableRow: {
        kind: "DataTableRow",
        writeAccess: { permissions: ROW_ADD },
        declare(gen, rev) {
            const table = new genesys.DataTable("lookup", { fields: tableFields });
            new genesys.DataTableRow(`row-g${gen}`, { table, key: `k-g${gen}`, data: label(`g${gen}`) });
            new genesys.DataTableRow("row-stable", { table, key: "stable", data: label(`rev${rev}`) });
            return 3;
        },
        stablePath: (id) => `${rowsOf(id.split("/")[0])}/${id.split("/")[1]}?showbrief=false`,
        foreignEdit: (live) => ({ ...live, label: "someone else" }),
    },
    DataTableRows: rowSetFixture(),
    DataTableRowsImport: rowSetFixture("Append"),
    EventBridgeIntegration: {
        kind: "EventBridgeIntegration",
        writeAccess: { permissions: INTEGRATION_ADD },
        declare(gen, rev) {
            new genesys.EventBridgeIntegration(`events-g${gen}`, eventBridgeArgs(`events-g${gen}`));
            new genesys.EventBridgeIntegration("events-stable", eventBridgeArgs("events-stable", `revision ${rev}`));
            return 2;
        },
        stablePath: integrationConfigOf,
        foreignEdit: (live) => ({ ...live, notes: "edited in the admin UI" }),
    },
    RecordingExportIntegration: {
        kind: "RecordingExportIntegration",
        writeAccess: { permissions: INTEGRATION_ADD },
        declare(gen, rev) {
            new genesys.RecordingExportIntegration(`exports-g${gen}`, exportArgs());
            new genesys.RecordingExportIntegration("exports-stable", exportArgs(`revision ${rev}`));
            return 2;
        },
        stablePath: integrationConfigOf,
        foreignEdit: (live) => ({ ...live, notes: "edited in the admin UI" }),
    },
};

/** Top-level collections; records are listed per schema, rows per table. */
export const COLLECTIONS: Record<string, string> = {
    RecordingPolicy: POLICIES,
    StorageTarget: TARGETS,
    Webhook: WEBHOOKS,
    EventStream: STREAMS,
    FailoverStrategy: STRATEGIES,
    DataSchema: SCHEMAS,
    MediaRetentionPolicy: RETENTION_POLICIES,
    ProcessAutomationTrigger: TRIGGERS,
    DataTable: TABLES,
    EventBridgeIntegration: INTEGRATIONS,
    RecordingExportIntegration: INTEGRATIONS,
};
export const recordsOf = (schemaId: string) => `${SCHEMAS}/${schemaId}/records`;
export const rowsOf = (tableId: string) => `${TABLES}/${tableId}/rows`;
