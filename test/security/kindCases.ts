/**
 * For each resource kind: an arbitrary of inputs a program could pass (valid more often than not), and how inputs
 * `check` accepted reach the platform — through the kind's own `api.ts` mapping, as create would send them.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { KindProvider } from "../../provider/kindProvider";
import { dataRecordProvider } from "../../provider/kinds/dataRecord/provider";
import { dataRecordSetProvider } from "../../provider/kinds/dataRecordSet/provider";
import { toBody as dataSchemaBody } from "../../provider/kinds/dataSchema/api";
import { dataSchemaProvider } from "../../provider/kinds/dataSchema/provider";
import { canonicalFields, type DataField } from "../../provider/kinds/dataSchema/schema";
import { toBody as eventStreamBody } from "../../provider/kinds/eventStream/api";
import { eventStreamProvider } from "../../provider/kinds/eventStream/provider";
import { toBody as failoverBody } from "../../provider/kinds/failoverStrategy/api";
import { failoverStrategyProvider } from "../../provider/kinds/failoverStrategy/provider";
import { toBody as recordingPolicyBody } from "../../provider/kinds/recordingPolicy/api";
import { recordingPolicyProvider } from "../../provider/kinds/recordingPolicy/provider";
import { toBody as storageTargetBody } from "../../provider/kinds/storageTarget/api";
import { storageTargetProvider } from "../../provider/kinds/storageTarget/provider";
import { toBody as webhookBody } from "../../provider/kinds/webhook/api";
import { webhookProvider } from "../../provider/kinds/webhook/provider";
import { DEFAULT_REGION_IDS } from "../../emulator/kinds/regions";
import { toBody as retentionPolicyBody } from "../../provider/kinds/mediaRetentionPolicy/api";
import { mediaRetentionPolicyProvider } from "../../provider/kinds/mediaRetentionPolicy/provider";
import { toBody as triggerBody } from "../../provider/kinds/processAutomationTrigger/api";
import { processAutomationTriggerProvider } from "../../provider/kinds/processAutomationTrigger/provider";
import { PROPERTY_SCHEMAS, recordingExportType } from "../../emulator/platform/recordingExportType";
import type { DesiredConfig } from "../../provider/integrations/integrationLifecycle";
import { desiredConfig as eventBridgeConfig, EVENTBRIDGE_TYPE } from "../../provider/kinds/eventBridgeIntegration/api";
import { eventBridgeIntegrationProvider } from "../../provider/kinds/eventBridgeIntegration/provider";
import { desiredConfig as exportConfig } from "../../provider/kinds/recordingExportIntegration/api";
import { roleCredential } from "../../provider/kinds/recordingExportIntegration/credentialApi";
import { RECORDING_EXPORT_TYPE, shapeOf } from "../../provider/kinds/recordingExportIntegration/exportTypeShape";
import { recordingExportIntegrationProvider } from "../../provider/kinds/recordingExportIntegration/provider";
import { recordingExportIntegrationInputs } from "../../provider/kinds/recordingExportIntegration/schema";
import { eventBridgeIntegrationInputs } from "../../provider/kinds/eventBridgeIntegration/schema";
import { HOME_DIVISION } from "../../emulator/platform/dataTableStore";
import { isDeepStrictEqual } from "node:util";
import type { Models } from "purecloud-platform-client-v2";
import { DATA_TABLES, toBody as dataTableBody, tablePath } from "../../provider/kinds/dataTable/api";
import { dataTableProvider } from "../../provider/kinds/dataTable/provider";
import {
    completeData,
    type DataTableInputs,
    KEY_FIELD,
    rowFields,
    type TableField,
} from "../../provider/kinds/dataTable/schema";
import { type RowBody, rowBody, rowPath, rowsPath, valuesOf } from "../../provider/kinds/dataTableRow/api";
import { csvText } from "../../provider/kinds/dataTableRows/importJob";
import { dataTableRowProvider } from "../../provider/kinds/dataTableRow/provider";
import { dataTableRowsProvider } from "../../provider/kinds/dataTableRows/provider";

type Props = Record<string, unknown>;
/** The emulator's answer to one request. */
type Response = { status: number; body: unknown };
export type Send = (method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown) => Promise<Response>;

export interface KindCase {
    kind: string;
    provider: KindProvider;
    /** Top-level inputs the kind declares: every failure's property path starts with one of these (or an input given). */
    inputKeys: readonly string[];
    valid: fc.Arbitrary<Props>;
    /** Sends what `check` accepted to the platform; the statuses of the requests it took. */
    toPlatform(inputs: Props, send: Send): Promise<Response[]>;
}

/** Without `undefined`s, as JSON and the host's protobuf Structs carry values. */
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
/** Records with optional keys simply left out, as a program leaves them. */
const inputs = (model: Record<string, fc.Arbitrary<unknown>>) => fc.record(model).map((value) => json(value) as Props);

const resourceName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const name = optional(fc.string({ minLength: 1, maxLength: 40 }));
const httpsUrl = fc.webUrl({ validSchemes: ["https"], withQueryParameters: true });
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/);

const recordingPolicy: KindCase = {
    kind: "RecordingPolicy",
    provider: recordingPolicyProvider,
    inputKeys: [
        "name",
        "description",
        "enabled",
        "mediaTypes",
        "quality",
        "retentionDays",
        "maxDurationHours",
        "storageTargetId",
        "storageTargetRetentionDays",
        "webhookUrls",
    ],
    valid: inputs({
        __resourceName: resourceName,
        name,
        description: optional(fc.string({ maxLength: 60 })),
        enabled: optional(fc.boolean()),
        mediaTypes: fc.subarray(["audio", "video", "screen"], { minLength: 1 }),
        quality: fc.constantFrom("standard", "high"),
        retentionDays: fc.integer({ min: 1, max: 365 }),
        maxDurationHours: optional(fc.integer({ min: 1, max: 24 })),
        storageTargetId: optional(id),
        webhookUrls: optional(fc.uniqueArray(httpsUrl, { maxLength: 3 })),
    }),
    toPlatform: async (checked, send) => [
        await send("POST", "/api/v2/recording/policies", json(recordingPolicyBody(checked as never))),
    ],
};

const bucket = fc.stringMatching(/^[a-z0-9][a-z0-9-]{2,20}[a-z0-9]$/);
const awsRegion = fc.constantFrom("us-east-1", "eu-west-1", "ap-southeast-2", "us-gov-west-1", "eu-central-2");
/** A bucket's default encryption, with a key where it takes one. */
const bucketEncryption = fc.oneof(
    fc.record({ serverSideEncryption: fc.constant("AES256") }),
    fc.record({
        serverSideEncryption: fc.constant("aws:kms"),
        kmsKeyId: fc.constantFrom(
            "alias/recordings",
            "mrk-0123456789abcdef0123456789abcdef",
            "1234abcd-12ab-34cd-56ef-1234567890ab",
        ),
    }),
);
const roleArn = fc.stringMatching(/^arn:aws:iam::\d{12}:role\/[A-Za-z0-9+=,.@_-]{1,30}$/);

const storageTarget: KindCase = {
    kind: "StorageTarget",
    provider: storageTargetProvider,
    inputKeys: [
        "name",
        "bucket",
        "region",
        "serverSideEncryption",
        "kmsKeyId",
        "pathPrefix",
        "retentionDays",
        "enabled",
        "roleArn",
        "accessKeyId",
        "secretAccessKey",
        "verifyBucket",
    ],
    valid: fc
        .tuple(
            inputs({
                __resourceName: resourceName,
                name,
                bucket,
                region: awsRegion,
                pathPrefix: optional(fc.stringMatching(/^[a-z0-9]{1,8}(\/[a-z0-9_-]{1,8}){0,3}$/)),
                retentionDays: fc.integer({ min: 1, max: 3650 }),
                enabled: optional(fc.boolean()),
                verifyBucket: optional(fc.boolean()),
            }),
            bucketEncryption,
            fc.oneof(
                fc.record({ roleArn }),
                fc.record({
                    accessKeyId: fc.stringMatching(/^AKIA[A-Z0-9]{16}$/),
                    secretAccessKey: fc.stringMatching(/^[A-Za-z0-9/+=]{40}$/),
                }),
            ),
        )
        .map(([base, encryption, credentials]) => ({ ...base, ...encryption, ...credentials })),
    toPlatform: async (checked, send) => [
        await send(
            "PUT",
            `/api/v2/recording/storage/targets/${randomUUID()}`,
            json(storageTargetBody(checked as never)),
        ),
    ],
};

const eventPart = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
const webhook: KindCase = {
    kind: "Webhook",
    provider: webhookProvider,
    inputKeys: ["name", "targetUrl", "events", "enabled", "secret", "headers", "format"],
    valid: inputs({
        __resourceName: resourceName,
        name,
        targetUrl: httpsUrl,
        events: fc.uniqueArray(
            fc
                .tuple(fc.array(eventPart, { minLength: 3, maxLength: 4 }), fc.constantFrom(".", ":"))
                .map(([parts, separator]) => parts.join(separator)),
            { minLength: 1, maxLength: 4, selector: (event) => event.replace(/:/g, ".") },
        ),
        enabled: optional(fc.boolean()),
        secret: optional(fc.string({ minLength: 16, maxLength: 64 })),
        headers: optional(
            fc.dictionary(
                fc.stringMatching(/^X-[A-Za-z0-9-]{1,12}$/),
                fc.string({ maxLength: 30 }).filter((v) => !/[\r\n\0]/.test(v)),
                { maxKeys: 3 },
            ),
        ),
        format: optional(fc.constant("application/json")),
    }).filter((value) => {
        // Header names ignore case: a case-only repeat is a mistake `check` reports, not a valid input.
        const names = Object.keys((value.headers ?? {}) as Props).map((n) => n.toLowerCase());
        return new Set(names).size === names.length;
    }),
    toPlatform: async (checked, send) => [await send("POST", "/api/v2/webhooks", json(webhookBody(checked as never)))],
};

const failoverStrategy: KindCase = {
    kind: "FailoverStrategy",
    provider: failoverStrategyProvider,
    inputKeys: ["name", "description", "enabled", "regions", "evaluationTimeoutMs", "maxSyncIntervalSeconds"],
    valid: inputs({
        __resourceName: resourceName,
        name,
        description: optional(fc.string({ minLength: 1, maxLength: 60 })),
        enabled: optional(fc.boolean()),
        // Region ids the org has: whether a region exists is the pre-flight's question, which check cannot ask.
        regions: fc
            .shuffledSubarray([...DEFAULT_REGION_IDS], { minLength: 2, maxLength: 4 })
            .chain((ids) =>
                fc.tuple(
                    fc.constant(ids),
                    fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { minLength: ids.length, maxLength: ids.length }),
                    fc.array(
                        fc.record({
                            weight: fc.integer({ min: 0, max: 100 }),
                            failoverTrigger: fc.constantFrom("health_degraded", "latency_exceeded"),
                        }),
                        {
                            minLength: ids.length,
                            maxLength: ids.length,
                        },
                    ),
                ),
            )
            .map(([ids, priorities, rest]) =>
                ids.map((regionId, i) => ({ regionId, priority: priorities[i], ...rest[i] })),
            ),
        evaluationTimeoutMs: optional(fc.integer({ min: 1, max: 30000 })),
        maxSyncIntervalSeconds: optional(fc.integer({ min: 1, max: 86400 })),
    }),
    toPlatform: async (checked, send) => {
        // A region the org lacks is refused by the pre-flight before anything is written: nothing reaches the platform.
        const orgRegions: readonly string[] = DEFAULT_REGION_IDS;
        if ((checked.regions as { regionId: string }[]).some((r) => !orgRegions.includes(r.regionId))) return [];
        return [await send("PUT", `/api/v2/routing/strategies/${randomUUID()}`, json(failoverBody(checked as never)))];
    },
};

const HOUR_MS = 3_600_000;
const eventStream: KindCase = {
    kind: "EventStream",
    provider: eventStreamProvider,
    inputKeys: [
        "name",
        "description",
        "enabled",
        "topics",
        "retentionDays",
        "eventBusArn",
        "roleArn",
        "region",
        "replay",
    ],
    valid: fc
        .record({
            base: inputs({
                __resourceName: resourceName,
                name,
                description: optional(fc.string({ maxLength: 60 })),
                enabled: optional(fc.boolean()),
                topics: fc.uniqueArray(fc.stringMatching(/^genesys\.[a-z0-9-]{1,10}(\.[a-z0-9-]{1,10}){0,2}$/), {
                    minLength: 1,
                    maxLength: 3,
                }),
                roleArn,
            }),
            retentionDays: fc.integer({ min: 1, max: 90 }),
            busRegion: awsRegion,
            busName: fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/),
            giveRegion: fc.boolean(),
            // Hours before now, within the retention window (a day's margin keeps the clock out of the property).
            replayHoursAgo: optional(fc.nat(24 * 89)),
            trigger: optional(fc.constantFrom("automatic", "manual")),
        })
        .map(({ base, retentionDays, busRegion, busName, giveRegion, replayHoursAgo, trigger }) =>
            json({
                ...base,
                retentionDays,
                eventBusArn: `arn:aws:events:${busRegion}:123456789012:event-bus/${busName}`,
                region: giveRegion ? busRegion : undefined,
                replay:
                    replayHoursAgo === undefined || replayHoursAgo >= (retentionDays - 1) * 24
                        ? undefined
                        : {
                              startDate: new Date(Date.now() - (replayHoursAgo + 1) * HOUR_MS).toISOString(),
                              sequenceIndexTrigger: trigger,
                          },
            }),
        ),
    toPlatform: async (checked, send) => [
        await send("POST", "/api/v2/eventstreams", json(eventStreamBody(checked as never))),
    ],
};

const fieldName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/);
const FIELD_TYPES = ["string", "integer", "number", "boolean", "array", "object"] as const;

/** Fields with unique names; options only where their type takes them, so most schemas are valid. */
const fields: fc.Arbitrary<DataField[]> = fc
    .uniqueArray(fieldName, { minLength: 1, maxLength: 4, selector: (n) => n })
    .chain((names) =>
        fc.tuple(
            ...names.map((fieldNameValue) =>
                fc.constantFrom(...FIELD_TYPES).chain((type) =>
                    fc.record({
                        name: fc.constant(fieldNameValue),
                        type: fc.constant(type),
                        required: optional(fc.boolean()),
                        pattern:
                            type === "string"
                                ? optional(fc.constantFrom("^[a-z]*$", "^\\d{2,4}$", "x", "^.+@.+$"))
                                : fc.constant(undefined),
                        minLength: type === "string" || type === "array" ? optional(fc.nat(3)) : fc.constant(undefined),
                        maxLength:
                            type === "string" || type === "array"
                                ? optional(fc.integer({ min: 3, max: 12 }))
                                : fc.constant(undefined),
                    }),
                ),
            ),
        ),
    )
    .map((list) => json(list) as DataField[]);

const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 5 }), fc.boolean());
/** Rules over the given fields (a mix of fitting and unfitting values: check must tell them apart as the platform does). */
const rulesFor = (list: DataField[]) =>
    fc.array(
        fc.record({
            when: fc.record({ field: fc.constantFrom(...list.map((f) => f.name)), equals: scalar }),
            require: fc.record({ field: fc.constantFrom(...list.map((f) => f.name)), present: fc.boolean() }),
            message: optional(fc.string({ minLength: 1, maxLength: 30 })),
        }),
        { maxLength: 2 },
    );

// Built once: arbitraries constructed inside `chain` would be rebuilt for every generated value.
const smallJson = fc.jsonValue({ maxDepth: 2 });
const VALUES_BY_TYPE: Record<string, fc.Arbitrary<unknown>> = {
    // Strings include lone surrogates and other odd code units: lengths must be counted alike on both sides.
    string: fc.oneof(
        fc.string({ maxLength: 10 }),
        fc.string({ unit: "binary", maxLength: 6 }),
        fc.stringMatching(/^[a-z]{0,6}$/),
        fc.stringMatching(/^\d{2,4}$/),
    ),
    integer: fc.integer(),
    number: fc.double({ noNaN: true, noDefaultInfinity: true }),
    boolean: fc.boolean(),
    array: fc.array(smallJson, { maxLength: 14 }),
    object: fc.dictionary(fieldName, smallJson, { maxKeys: 3 }),
};
const VALUES_FOR_FIELD = Object.fromEntries(
    Object.entries(VALUES_BY_TYPE).map(([type, arbitrary]) => [
        type,
        optional(fc.oneof({ weight: 5, arbitrary }, { weight: 1, arbitrary: smallJson })),
    ]),
);

const dataFor = (list: DataField[]) =>
    fc
        .tuple(...list.map((field) => VALUES_FOR_FIELD[field.type]))
        .map((values) => values.map((value, i) => [list[i].name, value]))
        .map((entries) => json(Object.fromEntries(entries)) as Props);

/** A schema the record(s) can be written to: created on the platform first, as the program's DataSchema would be. */
async function createSchema(checked: Props, send: Send): Promise<{ status: number; body: unknown }> {
    const body = dataSchemaBody({
        name: `schema-${randomUUID()}`,
        fields: checked.fields as DataField[],
        rules: (checked.rules ?? []) as never,
    });
    return send("POST", "/api/v2/data/schemas", json(body));
}

const schemaIdOf = (response: { body: unknown }) => (response.body as { id: string }).id;

type Member = { key: string; data: Props };

/** A parent created first (a schema or a table, as the program's would be), then its members written to it. */
async function withMembers(parent: Response, write: (parentId: string) => Promise<Response[]>): Promise<Response[]> {
    if (parent.status >= 300) return [parent];
    return [parent, ...(await write(schemaIdOf(parent)))];
}

const recordPath = (schemaId: string, key: string) =>
    `/api/v2/data/schemas/${schemaId}/records/${encodeURIComponent(key)}`;

const dataSchema: KindCase = {
    kind: "DataSchema",
    provider: dataSchemaProvider,
    inputKeys: ["name", "fields", "rules"],
    valid: fields.chain((list) =>
        inputs({ __resourceName: resourceName, name, fields: fc.constant(list), rules: optional(rulesFor(list)) }),
    ),
    toPlatform: async (checked, send) => [
        await send("POST", "/api/v2/data/schemas", json(dataSchemaBody(checked as never))),
    ],
};

const dataRecord: KindCase = {
    kind: "DataRecord",
    provider: dataRecordProvider,
    inputKeys: ["schemaId", "fields", "rules", "key", "data"],
    valid: fields.chain((list) =>
        inputs({
            __resourceName: resourceName,
            schemaId: id,
            fields: fc.constant(canonicalFields(list)),
            rules: optional(rulesFor(list)),
            key: id,
            data: dataFor(list),
        }),
    ),
    toPlatform: async (checked, send) =>
        withMembers(await createSchema(checked, send), async (schemaId) => [
            await send("PUT", recordPath(schemaId, String(checked.key)), checked.data),
        ]),
};

const dataRecordSet: KindCase = {
    kind: "DataRecordSet",
    provider: dataRecordSetProvider,
    inputKeys: ["schemaId", "fields", "rules", "records", "file", "keyColumn", "concurrency"],
    valid: fields.chain((list) =>
        inputs({
            __resourceName: resourceName,
            schemaId: id,
            fields: fc.constant(canonicalFields(list)),
            rules: optional(rulesFor(list)),
            records: fc.uniqueArray(fc.record({ key: id, data: dataFor(list) }), {
                minLength: 1,
                maxLength: 3,
                selector: (r) => r.key,
            }),
            keyColumn: optional(fc.constant("key")),
            concurrency: optional(fc.integer({ min: 1, max: 64 })),
        }),
    ),
    toPlatform: async (checked, send) =>
        withMembers(await createSchema(checked, send), (schemaId) =>
            Promise.all((checked.records as Member[]).map((r) => send("PUT", recordPath(schemaId, r.key), r.data))),
        ),
};

const TABLE_FIELD_VALUES = {
    string: VALUES_BY_TYPE.string,
    integer: VALUES_BY_TYPE.integer,
    number: VALUES_BY_TYPE.number,
    boolean: VALUES_BY_TYPE.boolean,
} as const;
type TableFieldType = keyof typeof TABLE_FIELD_VALUES;

/** A table's fields: the string `key`, then up to four others with titles, defaults of their type and positions. */
const tableFieldList: fc.Arbitrary<TableField[]> = fc
    .uniqueArray(
        fieldName.filter((n) => n !== KEY_FIELD),
        { maxLength: 4, selector: (n) => n.toLowerCase() },
    )
    .chain((names) =>
        fc.tuple(
            ...names.map((fieldNameValue) =>
                fc.constantFrom(...(Object.keys(TABLE_FIELD_VALUES) as TableFieldType[])).chain((type) =>
                    fc.record({
                        name: fc.constant(fieldNameValue),
                        type: fc.constant(type),
                        title: optional(fc.string({ minLength: 1, maxLength: 20 })),
                        default: optional(TABLE_FIELD_VALUES[type]),
                        displayOrder: optional(fc.nat(20)),
                    }),
                ),
            ),
        ),
    )
    .map((list) => json([{ name: KEY_FIELD, type: "string" }, ...list]) as TableField[]);

/** Client-side rules on the table's fields: lengths and patterns on strings, cross-field rules over all of them. */
const clientValidationFor = (fieldList: TableField[]) => {
    const others = rowFields(fieldList, undefined);
    const strings = others.filter((field) => field.type === "string").map((field) => field.name);
    const fieldRules = fc.record({
        required: optional(fc.boolean()),
        pattern: optional(fc.constantFrom("^[a-z]*$", "^\\d{2,4}$", "x")),
        minLength: optional(fc.nat(3)),
        maxLength: optional(fc.integer({ min: 3, max: 12 })),
    });
    return optional(
        fc.record({
            fields:
                strings.length === 0
                    ? fc.constant(undefined)
                    : optional(fc.dictionary(fc.constantFrom(...strings), fieldRules)),
            rules: others.length === 0 ? fc.constant(undefined) : optional(rulesFor(others)),
        }),
    );
};

/** A table's fields with client-side rules, and data for rows of it (mostly fitting, some of other types). */
const tableWithRules = tableFieldList.chain((fieldList) =>
    fc.record({ fields: fc.constant(fieldList), clientValidation: clientValidationFor(fieldList) }),
);
const rowDataFor = (fieldList: TableField[]) => dataFor(rowFields(fieldList, undefined));
const rowKey = fc.oneof(id, fc.string({ minLength: 1, maxLength: 30 }));

/**
 * Table names are unique in an org (case-insensitively) and generated names repeat: the tables a DataTable case
 * creates go one at a time, each deleted before the next.
 */
let tableTurn: Promise<unknown> = Promise.resolve();
function inTableTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = tableTurn.then(work);
    tableTurn = run.catch(() => undefined);
    return run;
}

/**
 * A table for rows, under a name no other case uses, created first as the program's DataTable would be; `write`
 * then writes the rows to it. The table is deleted afterwards: an org holds a limited number.
 */
async function withTable(
    fieldList: TableField[],
    send: Send,
    write: (tableId: string) => Promise<Response[]>,
): Promise<Response[]> {
    const body = dataTableBody({ name: `rows-${randomUUID()}`, fields: fieldList } as DataTableInputs);
    const table = await send("POST", DATA_TABLES, json(body));
    const responses = await withMembers(table, write);
    if (table.status < 300) await send("DELETE", tablePath(schemaIdOf(table)));
    return responses;
}

const IMPORT_DONE = ["Succeeded", "Failed"];

/**
 * Rows loaded as `importMode` loads them: an import job, the CSV the provider would write PUT to the job's upload
 * URL with its headers, the job polled to its end; then every row read back, which must hold what was sent (an
 * empty cell takes the field's default, so a cell that cannot carry its value shows here).
 */
async function importRows(
    tableId: string,
    fieldList: TableField[],
    rows: Member[],
    importMode: string,
    send: Send,
): Promise<Response[]> {
    const created = await send("POST", `${tablePath(tableId)}/import/csv/jobs`, { importMode });
    if (created.status >= 300) return [created];
    const job = created.body as Models.DataTableImportJob;
    const columns = [KEY_FIELD, ...rowFields(fieldList, undefined).map((field) => field.name)];
    const csv = csvText(
        columns,
        rows.map((row) => ({ ...row.data, [KEY_FIELD]: row.key })),
    );
    const upload = await fetch(String(job.uploadURI), { method: "PUT", headers: job.uploadHeaders, body: csv });
    if (!upload.ok) return [created, { status: upload.status, body: await upload.text() }];
    let polled: Response;
    do polled = await send("GET", `${tablePath(tableId)}/import/jobs/${job.id}`);
    while (polled.status === 200 && !IMPORT_DONE.includes((polled.body as Models.DataTableImportJob).status));
    const outcome = polled.body as Models.DataTableImportJob;
    if (outcome.status !== "Succeeded" || outcome.countRecordsFailed !== 0)
        return [created, { ...polled, status: 400 }];
    const landed = await Promise.all(rows.map((row) => send("GET", `${rowPath(tableId, row.key)}?showbrief=false`)));
    const notAsSent = rows.flatMap((row, i) => {
        const live = landed[i].status === 200 ? valuesOf(landed[i].body as RowBody) : undefined;
        const sent = completeData(fieldList, row.data);
        return isDeepStrictEqual(live, sent) ? [] : [{ key: row.key, sent, live }];
    });
    // 422: the import took the file, but rows do not hold what was sent.
    return [created, polled, ...(notAsSent.length > 0 ? [{ status: 422, body: notAsSent }] : [])];
}

const dataTable: KindCase = {
    kind: "DataTable",
    provider: dataTableProvider,
    inputKeys: ["name", "description", "divisionId", "fields", "clientValidation"],
    valid: tableWithRules.chain((table) =>
        inputs({
            __resourceName: resourceName,
            name,
            description: optional(fc.string({ maxLength: 60 })),
            divisionId: optional(fc.constant(HOME_DIVISION.id)),
            fields: fc.constant(table.fields),
            clientValidation: fc.constant(table.clientValidation),
        }),
    ),
    toPlatform: (checked, send) =>
        inTableTurn(async () => {
            // Whether a division exists is the org's to say, not check's: every table goes to the org's one division.
            const inOrg = { ...checked, divisionId: HOME_DIVISION.id } as DataTableInputs;
            const created = await send("POST", DATA_TABLES, json(dataTableBody(inOrg)));
            if (created.status < 300) await send("DELETE", tablePath(schemaIdOf(created)));
            return [created];
        }),
};

const dataTableRow: KindCase = {
    kind: "DataTableRow",
    provider: dataTableRowProvider,
    inputKeys: ["datatableId", "fields", "clientValidation", "key", "data"],
    valid: tableWithRules.chain((table) =>
        inputs({
            __resourceName: resourceName,
            datatableId: id,
            fields: fc.constant(table.fields),
            clientValidation: fc.constant(table.clientValidation),
            key: rowKey,
            data: rowDataFor(table.fields),
        }),
    ),
    toPlatform: (checked, send) =>
        withTable(checked.fields as TableField[], send, async (tableId) => [
            await send("POST", rowsPath(tableId), rowBody(String(checked.key), checked.data as Props)),
        ]),
};

const dataTableRows: KindCase = {
    kind: "DataTableRows",
    provider: dataTableRowsProvider,
    inputKeys: ["datatableId", "fields", "clientValidation", "rows", "file", "keyColumn", "concurrency", "importMode"],
    valid: tableWithRules.chain((table) =>
        inputs({
            __resourceName: resourceName,
            datatableId: id,
            fields: fc.constant(table.fields),
            clientValidation: fc.constant(table.clientValidation),
            rows: fc.uniqueArray(fc.record({ key: rowKey, data: rowDataFor(table.fields) }), {
                minLength: 1,
                maxLength: 3,
                selector: (r) => r.key,
            }),
            keyColumn: optional(fc.constant(KEY_FIELD)),
            concurrency: optional(fc.integer({ min: 1, max: 64 })),
            importMode: optional(fc.constantFrom("ReplaceAll", "Append")),
        }),
    ),
    toPlatform: (checked, send) =>
        withTable(checked.fields as TableField[], send, (tableId) => {
            const rows = checked.rows as Member[];
            if (checked.importMode !== undefined)
                return importRows(tableId, checked.fields as TableField[], rows, String(checked.importMode), send);
            return Promise.all(rows.map((r) => send("POST", rowsPath(tableId), rowBody(r.key, r.data))));
        }),
};

const retentionActions = fc
    .tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.boolean())
    .map(([archive, extra, screen]) => ({
        retainRecording: true,
        retentionDuration: {
            archiveRetention: { days: archive, storageMedium: "CLOUDARCHIVE" },
            deleteRetention: { days: archive + extra },
        },
        ...(screen ? { initiateScreenRecording: { recordACW: true, deleteRetention: { days: archive } } } : {}),
    }));
const references = fc.uniqueArray(id, { maxLength: 3 }).map((ids) => ids.map((value) => ({ id: value })));
const mediaRetentionPolicy: KindCase = {
    kind: "MediaRetentionPolicy",
    provider: mediaRetentionPolicyProvider,
    inputKeys: ["name", "order", "description", "enabled", "mediaPolicies"],
    valid: inputs({
        __resourceName: resourceName,
        name,
        order: optional(fc.integer({ min: 0, max: 50 })),
        description: optional(fc.string({ minLength: 1, maxLength: 60 }).filter((d) => d.trim() !== "")),
        enabled: optional(fc.boolean()),
        mediaPolicies: fc.record(
            {
                callPolicy: fc.record({
                    actions: retentionActions,
                    conditions: fc.record({
                        directions: fc.subarray(["INBOUND", "OUTBOUND"], { minLength: 1 }),
                        forQueues: references,
                    }),
                }),
                emailPolicy: fc.record({
                    actions: retentionActions,
                    conditions: fc.record({ customerParticipation: fc.constantFrom("YES", "NO") }),
                }),
            },
            { requiredKeys: ["callPolicy"] },
        ),
    }),
    toPlatform: async (checked, send) => [
        await send("POST", "/api/v2/recording/mediaretentionpolicies", json(retentionPolicyBody(checked as never))),
    ],
};

const topicPart = fc.oneof(fc.stringMatching(/^[a-z][A-Za-z0-9]{0,10}$/), fc.constant("{id}"));
const processAutomationTrigger: KindCase = {
    kind: "ProcessAutomationTrigger",
    provider: processAutomationTriggerProvider,
    inputKeys: [
        "name",
        "topicName",
        "target",
        "matchCriteria",
        "eventTTLSeconds",
        "delayBySeconds",
        "enabled",
        "description",
    ],
    valid: inputs({
        __resourceName: resourceName,
        name,
        topicName: fc.array(topicPart, { minLength: 1, maxLength: 6 }).map((parts) => `v2.${parts.join(".")}`),
        target: fc.record(
            { id, workflowTargetSettings: fc.record({ dataFormat: fc.constantFrom("Json", "TopLevelPrimitives") }) },
            { requiredKeys: ["id"] },
        ),
        matchCriteria: optional(
            fc.array(
                fc.oneof(
                    fc.record({
                        jsonPath: fc.constant("$.mediaType"),
                        operator: fc.constantFrom("In", "NotIn", "All"),
                        values: fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 3 }),
                    }),
                    fc.record({
                        jsonPath: fc.constant("$.durationMs"),
                        operator: fc.constantFrom("GreaterThan", "LessThanOrEqual"),
                        value: fc.integer(),
                    }),
                    fc.record({
                        jsonPath: fc.constant("$.wrapup"),
                        operator: fc.constant("Exists"),
                        value: fc.boolean(),
                    }),
                ),
                { maxLength: 3 },
            ),
        ),
        eventTTLSeconds: optional(fc.integer({ min: 10, max: 86_400 })),
        enabled: optional(fc.boolean()),
        description: optional(fc.string({ minLength: 1, maxLength: 60 }).filter((d) => d.trim() !== "")),
    }),
    toPlatform: async (checked, send) => [
        await send("POST", "/api/v2/processautomation/triggers", json(triggerBody(checked as never))),
    ],
};

/** An integration installed as create installs it: POSTed by type, then its first configuration PUT (version 1). */
async function installIntegration(
    typeId: string,
    config: DesiredConfig,
    send: Send,
): Promise<{ status: number; body: unknown }[]> {
    const created = await send("POST", "/api/v2/integrations", { name: config.name, integrationType: { id: typeId } });
    if (created.status >= 300) return [created];
    const id = (created.body as { id: string }).id;
    return [created, await send("PUT", `/api/v2/integrations/${id}/config/current`, json({ ...config, version: 1 }))];
}

const eventBridgeIntegration: KindCase = {
    kind: "EventBridgeIntegration",
    provider: eventBridgeIntegrationProvider,
    inputKeys: Object.keys(eventBridgeIntegrationInputs.shape),
    valid: inputs({
        __resourceName: resourceName,
        name,
        notes: optional(fc.string({ minLength: 1, maxLength: 60 }).filter((n) => n.trim() !== "")),
        enabled: optional(fc.boolean()),
        awsAccountId: fc.stringMatching(/^\d{12}$/),
        awsAccountRegion: awsRegion,
        // Long enough that two generated integrations never share a suffix, which the org refuses.
        eventSourceSuffix: fc.stringMatching(/^[A-Za-z0-9._-]{24,64}$/),
        topics: fc.uniqueArray(
            fc
                .array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,10}$/), fc.constant("{id}")), {
                    minLength: 1,
                    maxLength: 5,
                })
                .map((parts) => ["v2", ...parts].join(".")),
            { minLength: 1, maxLength: 4 },
        ),
    }),
    toPlatform: (checked, send) => installIntegration(EVENTBRIDGE_TYPE, eventBridgeConfig(checked as never), send),
};

/** Where the export type keeps bucket and role, as the emulator serves the type. */
const exportShape = shapeOf(recordingExportType.type, PROPERTY_SCHEMAS[RECORDING_EXPORT_TYPE]);

const recordingExportIntegration: KindCase = {
    kind: "RecordingExportIntegration",
    provider: recordingExportIntegrationProvider,
    inputKeys: Object.keys(recordingExportIntegrationInputs.shape),
    valid: fc
        .tuple(
            inputs({
                __resourceName: resourceName,
                name,
                notes: optional(fc.string({ minLength: 1, maxLength: 60 }).filter((n) => n.trim() !== "")),
                enabled: optional(fc.boolean()),
                bucket,
                roleArn,
                region: awsRegion,
                verifyBucket: optional(fc.boolean()),
            }),
            bucketEncryption,
        )
        .map(([base, encryption]) => ({ ...base, ...encryption })),
    // As create does: the role's credential first, then the integration configured with it.
    async toPlatform(checked, send) {
        const credential = await send(
            "POST",
            "/api/v2/integrations/credentials",
            json(roleCredential(String(checked.name), String(checked.roleArn))),
        );
        if (credential.status >= 300) return [credential];
        const credentialId = (credential.body as { id: string }).id;
        const config = exportConfig(checked as never, exportShape, credentialId);
        return [credential, ...(await installIntegration(RECORDING_EXPORT_TYPE, config, send))];
    },
};

export const KIND_CASES: readonly KindCase[] = [
    recordingPolicy,
    storageTarget,
    webhook,
    failoverStrategy,
    eventStream,
    dataSchema,
    dataRecord,
    dataRecordSet,
    dataTable,
    dataTableRow,
    dataTableRows,
    mediaRetentionPolicy,
    processAutomationTrigger,
    eventBridgeIntegration,
    recordingExportIntegration,
];
