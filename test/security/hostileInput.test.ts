import assert from "node:assert/strict";
import * as http from "node:http";
import { after, before, describe, it } from "node:test";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { tokenFor } from "../emulatorClient";
import type { KindProvider } from "../../provider/kindProvider";
import { dataRecordProvider } from "../../provider/kinds/dataRecord/provider";
import { dataRecordSetProvider } from "../../provider/kinds/dataRecordSet/provider";
import { dataSchemaProvider } from "../../provider/kinds/dataSchema/provider";
import { rowPath } from "../../provider/kinds/dataTableRow/api";
import { dataTableRowProvider } from "../../provider/kinds/dataTableRow/provider";
import { failoverStrategyProvider } from "../../provider/kinds/failoverStrategy/provider";
import { recordingPolicyProvider } from "../../provider/kinds/recordingPolicy/provider";
import { webhookProvider } from "../../provider/kinds/webhook/provider";
import { eventBridgeIntegrationProvider } from "../../provider/kinds/eventBridgeIntegration/provider";
import { recordingExportIntegrationProvider } from "../../provider/kinds/recordingExportIntegration/provider";
import { nested } from "./inputMutation";

type Props = Record<string, unknown>;

const WEBHOOK = {
    __resourceName: "hook",
    targetUrl: "https://hooks.example.com/genesys",
    events: ["routing.strategy.updated"],
};
const WEBHOOK_BODY = {
    name: "hook",
    targetUrl: "https://hooks.example.com/genesys",
    events: ["routing.strategy.updated"],
    enabled: true,
    format: "application/json",
};
const POLICY = { __resourceName: "voice", mediaTypes: ["audio"], quality: "standard", retentionDays: 30 };
const POLICY_BODY = {
    name: "voice",
    enabled: true,
    mediaTypes: ["audio"],
    recordingQuality: "standard",
    retentionDays: 30,
    webhookUrls: [],
};
const FIELDS = [{ name: "status", type: "string", required: false }];
const RECORD = { __resourceName: "rec", schemaId: "tickets", fields: FIELDS, key: "t-1", data: { status: "open" } };
const STRATEGY = {
    __resourceName: "voice",
    regions: [
        { regionId: "us-east-1", priority: 1, weight: 50, failoverTrigger: "health_degraded" },
        { regionId: "eu-west-1", priority: 2, weight: 50, failoverTrigger: "health_degraded" },
    ],
};

const EVENTS = {
    __resourceName: "events",
    awsAccountId: "123456789012",
    awsAccountRegion: "eu-west-1",
    eventSourceSuffix: "contact-center",
    topics: ["v2.detail.events.conversation.{id}.customer.end"],
};
const EXPORTS = {
    __resourceName: "exports",
    bucket: "acme-exports",
    roleArn: "arn:aws:iam::123456789012:role/genesys-exports",
    region: "eu-west-1",
    serverSideEncryption: "AES256",
};
/** Values an integration's text fields must never carry to the platform or into an event source's name. */
const HOSTILE_TEXT = [
    "v2.conversations\n.{id}",
    "v2.../../x",
    "v2.a%2Fb",
    "v2.{id}.\u0000",
    "v2.<script>",
    `v2.${"a".repeat(100_000)}.`,
    "arn:aws:iam::123456789012:role/x\r\nHost: evil",
];

/** The failures `check` returns, as property → reason; it must answer, never throw. */
async function refusals(provider: KindProvider, news: Props): Promise<Record<string, string>> {
    const { failures } = await provider.check({}, news);
    for (const failure of failures)
        assert.ok(
            failure.reason.length <= 1500,
            `reason of ${failure.property.slice(0, 80)} is bounded (${failure.reason.length})`,
        );
    return Object.fromEntries(failures.map((f) => [f.property, f.reason]));
}

/** `JSON.parse` keeps `__proto__` as an own key, as a program's JSON config or the host's decoding can. */
const withKey = (key: string, value: unknown) =>
    JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value)}}`) as Props;

describe("hostile values: check refuses them with clear reasons, the emulator with 400/413, and both survive", () => {
    let emulator: RunningEmulator;
    let token: string;
    let schemaId: string;

    /** A raw request: the path and body go out exactly as written (no URL normalisation, no re-encoding). */
    const raw = (method: string, path: string, body?: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
            const req = http.request(
                `${emulator.url}${path}`,
                { method, path, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } },
                (res) => {
                    let text = "";
                    res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
                    res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
                },
            );
            req.on("error", reject);
            req.end(body);
        });
    const survives = async () =>
        assert.equal((await raw("GET", "/api/v2/webhooks?pageSize=1")).status, 200, "the emulator still answers");

    before(async () => {
        emulator = await startEmulator({ port: 0 });
        token = await tokenFor(emulator.url);
        const created = await raw(
            "POST",
            "/api/v2/data/schemas",
            JSON.stringify({
                name: "tickets",
                fields: [...FIELDS, { name: "payload", type: "object", required: false }],
                rules: [],
            }),
        );
        assert.equal(created.status, 200);
        schemaId = JSON.parse(created.body).id;
    });
    after(() => emulator.stop());

    it("huge strings: refused, and quoted only in part", async () => {
        const huge = "x".repeat(5_000_000);
        const reasons = await refusals(webhookProvider, { ...WEBHOOK, name: huge, headers: { "X-Big": huge } });
        assert.match(reasons.name, /at most 200 characters/);
        assert.ok(reasons.name.length < 300);
        assert.equal(
            (await raw("POST", "/api/v2/webhooks", JSON.stringify({ ...WEBHOOK_BODY, name: huge }))).status,
            413,
        );
        await survives();
        const long = await raw("POST", "/api/v2/webhooks", JSON.stringify({ ...WEBHOOK_BODY, name: "x".repeat(201) }));
        assert.equal(long.status, 400);
        assert.match(long.body, /at most 200 characters/);
    });

    it("deep nesting: refused by depth before anything recurses into it", async () => {
        for (const depth of [100, 10_000, 200_000]) {
            const reasons = await refusals(dataRecordProvider, { ...RECORD, data: { payload: nested(depth) } });
            assert.deepEqual(Object.keys(reasons).length, 1);
            assert.match(
                Object.values(reasons)[0],
                /^data\.payload.*nests values more than 64 levels deep; flatten it$/,
            );
        }
        const setReasons = await refusals(dataRecordSetProvider, {
            ...RECORD,
            records: [{ key: "a", data: { payload: nested(50_000) } }],
        });
        assert.match(
            Object.values(setReasons).join("\n"),
            /records\[0\]\.data\.payload.*nests values more than 64 levels deep/,
        );
        for (const depth of [100, 20_000]) {
            const deep = await raw(
                "PUT",
                `/api/v2/data/schemas/${schemaId}/records/deep`,
                `{"payload":${"[".repeat(depth)}1${"]".repeat(depth)}}`,
            );
            assert.equal(deep.status, 400, deep.body);
            assert.match(deep.body, /nests deeper than 64 levels/);
        }
        await survives();
    });

    it("prototype-pollution keys: refused wherever they appear, and nothing is polluted", async () => {
        for (const key of ["__proto__", "constructor", "prototype"]) {
            const headers = await refusals(webhookProvider, { ...WEBHOOK, headers: withKey(key, "x") });
            assert.match(headers[`headers.${key}`], new RegExp(`the key "${key}" is refused`));
            const data = await refusals(dataRecordProvider, {
                ...RECORD,
                data: { status: "open", ...withKey(key, { polluted: true }) },
            });
            assert.match(data[`data.${key}`], /is refused .*prototypes/);
            const top = await refusals(recordingPolicyProvider, { ...POLICY, ...withKey(key, { polluted: true }) });
            assert.match(top[key], /is refused/);
            const field = await refusals(dataSchemaProvider, {
                __resourceName: "s",
                fields: [{ name: key, type: "string" }],
            });
            assert.match(field["fields[0].name"], /must not be one of __proto__, constructor, prototype/);

            const hook = await raw(
                "POST",
                "/api/v2/webhooks",
                `{"name":"h","targetUrl":"https://x.example.com","events":["a.b.c"],"enabled":true,"format":"application/json","headers":{${JSON.stringify(key)}:"x"}}`,
            );
            assert.equal(hook.status, 400, hook.body);
            assert.match(hook.body, new RegExp(`headers\\.${key}`));
            const record = await raw(
                "PUT",
                `/api/v2/data/schemas/${schemaId}/records/p`,
                `{"payload":{${JSON.stringify(key)}:{"polluted":true}}}`,
            );
            assert.equal(record.status, 400, record.body);
            const schema = await raw(
                "POST",
                "/api/v2/data/schemas",
                JSON.stringify({ name: "p", fields: [{ name: key, type: "string", required: false }], rules: [] }),
            );
            assert.equal(schema.status, 400, schema.body);
        }
        // A field named like an inherited member is absent until a record sets it.
        const inherited = [{ name: "toString", type: "string", required: true }];
        assert.match(
            (await refusals(dataRecordProvider, { ...RECORD, fields: inherited, data: {} }))["data.toString"],
            /is required/,
        );
        assert.equal(({} as Props).polluted, undefined);
        assert.equal((Object.prototype as Props).polluted, undefined);
        await survives();
    });

    it("URLs with credentials or another scheme than https", async () => {
        const urls = [
            "https://user:pass@hooks.example.com/x",
            "https://token@hooks.example.com/x",
            "http://hooks.example.com/x",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "ftp://hooks.example.com/x",
            "hooks.example.com/x",
        ];
        for (const url of urls) {
            assert.match(
                (await refusals(webhookProvider, { ...WEBHOOK, targetUrl: url })).targetUrl ?? "",
                /https|credentials/,
                url,
            );
            assert.match(
                (await refusals(recordingPolicyProvider, { ...POLICY, webhookUrls: [url] }))["webhookUrls[0]"] ?? "",
                /https|credentials/,
                url,
            );
            const hook = await raw("POST", "/api/v2/webhooks", JSON.stringify({ ...WEBHOOK_BODY, targetUrl: url }));
            assert.equal(hook.status, 400, `${url}: ${hook.body}`);
            assert.ok(!hook.body.includes("pass@"), "the platform does not quote the credentials back");
            assert.equal(
                (
                    await raw(
                        "POST",
                        "/api/v2/recording/policies",
                        JSON.stringify({ ...POLICY_BODY, webhookUrls: [url] }),
                    )
                ).status,
                400,
                url,
            );
        }
        await survives();
    });

    it("CR/LF header injection in header names and values", async () => {
        const cases: Props[] = [
            { "X-Trace": "a\r\nSet-Cookie: session=1" },
            { "X-Trace\r\nSet-Cookie": "1" },
            { "X-Trace": "a\nb" },
            { "X-Trace": "a\u0000b" },
        ];
        for (const headers of cases) {
            const reasons = await refusals(webhookProvider, { ...WEBHOOK, headers });
            assert.match(Object.values(reasons).join("\n"), /CR|LF|NUL/);
            assert.equal(
                (await raw("POST", "/api/v2/webhooks", JSON.stringify({ ...WEBHOOK_BODY, headers }))).status,
                400,
                JSON.stringify(headers),
            );
        }
        await survives();
    });

    it("path traversal in ids: refused at preview, and never reaches a handler", async () => {
        for (const id of ["..", "../x", "a/b", "%2e%2e", "..%2f..%2fadmin", ".", "a\\b"]) {
            assert.match(
                (await refusals(dataRecordProvider, { ...RECORD, key: id })).key ?? "",
                /letters, digits, - or _/,
                id,
            );
            assert.match(
                (await refusals(dataRecordProvider, { ...RECORD, schemaId: id })).schemaId ?? "",
                /platform id/,
                id,
            );
            assert.match(
                (await refusals(recordingPolicyProvider, { ...POLICY, storageTargetId: id })).storageTargetId ?? "",
                /platform id/,
                id,
            );
            const regions = (STRATEGY.regions as Props[]).map((r, i) => (i === 0 ? { ...r, regionId: id } : r));
            assert.match(
                (await refusals(failoverStrategyProvider, { ...STRATEGY, regions }))["regions[0].regionId"] ?? "",
                /region id/,
                id,
            );
            assert.equal(
                (
                    await raw(
                        "POST",
                        "/api/v2/recording/policies",
                        JSON.stringify({ ...POLICY_BODY, storageTargetId: id }),
                    )
                ).status,
                400,
                id,
            );
        }
        // A data-table row's key is any text, sent URL-encoded as one path segment: only "." and ".." cannot be.
        const row = { datatableId: "t1", fields: [{ name: "key", type: "string" }], data: {} };
        for (const key of [".", ".."])
            assert.match((await refusals(dataTableRowProvider, { ...row, key })).key ?? "", /no URL can address/, key);
        for (const key of ["../x", "a/b", "%2e%2e", "..%2f..%2fadmin", "a\\b"]) {
            assert.deepEqual(await refusals(dataTableRowProvider, { ...row, key }), {}, key);
            assert.equal(rowPath("t1", key).split("/").length, rowPath("t1", "k").split("/").length, key);
        }
        for (const path of [
            "/api/v2/webhooks/..",
            "/api/v2/webhooks/%2e%2e",
            "/api/v2/webhooks/..%2f..%2fx",
            `/api/v2/data/schemas/${schemaId}/records/..%2F..%2F..`,
            "/api/v2/webhooks/a%2Fb",
            "/api/v2/recording/../../__emulator/faults",
        ]) {
            const response = await raw("GET", path);
            assert.equal(response.status, 400, `${path}: ${response.status} ${response.body}`);
        }
        await survives();
    });

    it("integrations: hostile topics, suffixes, account ids and role ARNs are refused by check and by the platform", async () => {
        for (const text of HOSTILE_TEXT) {
            const quoted = text.slice(0, 40);
            const events = await refusals(eventBridgeIntegrationProvider, {
                ...EVENTS,
                topics: [text],
                eventSourceSuffix: text,
                awsAccountId: text,
            });
            assert.match(events["topics[0]"] ?? "", /^topics\[0\].*notification topic/, quoted);
            assert.match(events.eventSourceSuffix ?? "", /^eventSourceSuffix/, quoted);
            assert.match(events.awsAccountId ?? "", /^awsAccountId/, quoted);
            const exports = await refusals(recordingExportIntegrationProvider, {
                ...EXPORTS,
                roleArn: text,
                bucket: text,
            });
            assert.match(exports.roleArn ?? "", /^roleArn.*IAM role ARN/, quoted);
            assert.match(exports.bucket ?? "", /^bucket/, quoted);
        }
        const created = await raw(
            "POST",
            "/api/v2/integrations",
            JSON.stringify({ name: "events", integrationType: { id: "amazon-eventbridge-source" } }),
        );
        assert.equal(created.status, 200, created.body);
        const id = JSON.parse(created.body).id as string;
        for (const text of HOSTILE_TEXT) {
            const config = {
                name: "events",
                version: 1,
                notes: "",
                advanced: {},
                credentials: {},
                properties: {
                    awsAccountId: "123456789012",
                    awsAccountRegion: "eu-west-1",
                    eventSourceSuffix: text,
                    eventFilter: [text],
                },
            };
            const put = await raw("PUT", `/api/v2/integrations/${id}/config/current`, JSON.stringify(config));
            assert.ok(put.status === 400 || put.status === 413, `${text.slice(0, 40)}: ${put.status}`);
        }
        await survives();
    });
});
