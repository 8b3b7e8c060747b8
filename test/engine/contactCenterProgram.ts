// The program the real-engine lifecycle deploys: one resource of each of the 8 kinds (two data records), wired as a
// user wires them, so unknown values reach `check` at preview. `revision` moves it through the lifecycle:
//   0  the first deployment
//   1  an in-place update of every kind
//   2  a replacement: a new bucket (storage target) and a removed field (schema, and so its records), a new record key
//   3  another in-place update (after a change made outside Pulumi)
import * as pulumi from "@pulumi/pulumi";
import * as genesys from "genesys-pulumi";

/** Secrets the program holds: none may appear in plain text in the state or the stack export. */
export const SECRETS = {
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG/engineTestSecretKy",
    webhookSecret: "engine-test-webhook-signing-secret",
    webhookHeader: "engine-test-header-api-key",
} as const;

export const KINDS = [
    "RecordingPolicy",
    "StorageTarget",
    "FailoverStrategy",
    "Webhook",
    "EventStream",
    "DataSchema",
    "DataRecord",
    "DataRecordSet",
] as const;

/** The resource of each kind whose platform object the lifecycle edits and deletes outside Pulumi. */
export const RESOURCE_OF: Record<(typeof KINDS)[number], string> = {
    RecordingPolicy: "voice",
    StorageTarget: "archive",
    FailoverStrategy: "routing",
    Webhook: "lake",
    EventStream: "events",
    DataSchema: "contacts",
    DataRecord: "ada",
    DataRecordSet: "roster",
};

export function contactCenter(revision: number): () => Promise<Record<string, unknown>> {
    return async () => {
        const updated = revision >= 1 ? 1 : 0;
        const archive = new genesys.StorageTarget("archive", {
            bucket: revision >= 2 ? "acme-recordings-2" : "acme-recordings",
            region: "eu-west-1",
            serverSideEncryption: "AES256",
            retentionDays: 90 + updated + (revision >= 3 ? 1 : 0),
            accessKeyId: "AKIAIOSFODNN7EXAMPLE",
            secretAccessKey: pulumi.secret(SECRETS.secretAccessKey),
            verifyBucket: false,
        });
        const voice = new genesys.RecordingPolicy("voice", {
            mediaTypes: ["audio"],
            quality: "standard",
            retentionDays: 30 + updated + (revision >= 3 ? 1 : 0),
            storageTarget: archive,
        });
        const routing = new genesys.FailoverStrategy("routing", {
            regions: [
                { regionId: "us-east-1", priority: 1, weight: 100, failoverTrigger: "health_degraded" },
                { regionId: "eu-west-1", priority: 2, weight: 50, failoverTrigger: "health_degraded" },
            ],
            evaluationTimeoutMs: 1000 + updated + (revision >= 3 ? 1 : 0),
        });
        const lake = new genesys.Webhook("lake", {
            targetUrl: "https://hooks.example.com/genesys",
            events: ["routing:strategy:updated"],
            secret: SECRETS.webhookSecret,
            headers: { "X-Api-Key": SECRETS.webhookHeader, "X-Revision": String(updated + (revision >= 3 ? 1 : 0)) },
        });
        const events = new genesys.EventStream("events", {
            topics: ["genesys.conversations.call"],
            retentionDays: 30 + updated + (revision >= 3 ? 1 : 0),
            eventBusArn: "arn:aws:events:eu-west-1:123456789012:event-bus/contact-center",
            roleArn: "arn:aws:iam::123456789012:role/genesys-eventbridge",
        });
        const fields: genesys.DataField[] = [
            { name: "email", type: "string", required: true },
            ...(revision >= 2 ? [] : [{ name: "note", type: "string" as const }]),
            ...(revision >= 1 ? [{ name: "visits", type: "integer" as const }] : []),
            ...(revision >= 3 ? [{ name: "tier", type: "string" as const }] : []),
        ];
        const contacts = new genesys.DataSchema("contacts", { fields });
        const ada = new genesys.DataRecord("ada", {
            schema: contacts,
            key: revision >= 2 ? "ada-lovelace" : "ada",
            data: { email: `ada${updated}${revision >= 3 ? "x" : ""}@example.com` },
        });
        const roster = new genesys.DataRecordSet("roster", {
            schema: contacts,
            records: [
                { key: "s-stable", data: { email: `grace${updated}${revision >= 3 ? "x" : ""}@example.com` } },
                { key: "alan", data: { email: "alan@example.com" } },
            ],
        });
        return {
            policyName: voice.name,
            targetName: archive.name,
            schemaName: contacts.name,
            ids: pulumi
                .all([voice.id, archive.id, routing.id, lake.id, events.id, contacts.id, ada.id, roster.id])
                .apply((ids) => ids.join(",")),
        };
    };
}
