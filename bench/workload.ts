// The resources a benchmark deploys: a mix of kinds that need no AWS account, as the engine receives them
// (`__provider` included, exactly what the SDK's resource classes register).
import * as genesys from "../sdk";
import { runProgram } from "../harness/mockProgram";
import type { DesiredResource } from "../harness/engine";
import type { PropertyMap } from "../harness/secrets";
import type { DataField, DataRule } from "../provider/kinds/dataSchema/schema";

export const KINDS = ["RecordingPolicy", "Webhook", "EventStream", "FailoverStrategy", "DataRecord"] as const;
export type BenchKind = (typeof KINDS)[number];

/** Every rule kind a data schema has: types, required, pattern, lengths, and the three rule conditions. */
export const RECORD_FIELDS: DataField[] = [
    {
        name: "email",
        type: "string",
        required: true,
        pattern: "^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$",
        minLength: 5,
        maxLength: 80,
    },
    { name: "code", type: "string", required: true, minLength: 2, maxLength: 8, pattern: "^[A-Z0-9]+$" },
    { name: "priority", type: "string" },
    { name: "status", type: "string" },
    { name: "score", type: "integer" },
    { name: "ratio", type: "number" },
    { name: "vip", type: "boolean" },
    { name: "tags", type: "array", maxLength: 5 },
    { name: "meta", type: "object" },
];
export const RECORD_RULES: DataRule[] = [
    {
        when: { field: "priority", equals: "critical" },
        require: { field: "status", equals: "active" },
        message: "critical items need an active owner",
    },
    { when: { field: "vip", present: true }, require: { field: "score", present: true } },
    {
        when: { field: "status", oneOf: ["active", "paused"] },
        require: { field: "priority", oneOf: ["low", "normal", "critical"] },
    },
];

/** A valid record, varied by `i` so no two are alike. */
export function recordData(i: number, revision = 0): Record<string, unknown> {
    return {
        email: `user${i}@example.com`,
        code: `C${(i % 100000).toString(36).toUpperCase()}`,
        priority: ["low", "normal", "critical"][i % 3],
        status: "active",
        score: (i % 1000) + revision,
        ratio: (i % 7) / 7,
        vip: i % 2 === 0,
        tags: ["a", "b"].slice(0, i % 3),
        meta: { source: "bench", revision },
    };
}

function argsFor(kind: BenchKind, i: number, revision: number, schemaId: string): object {
    switch (kind) {
        case "RecordingPolicy":
            return {
                mediaTypes: ["audio"],
                quality: "standard",
                retentionDays: 30 + revision,
                description: `bench ${i}`,
            };
        case "Webhook":
            return {
                targetUrl: `https://hooks.example.com/bench/${i}`,
                events: revision ? ["routing.strategy.updated", "routing.queue.updated"] : ["routing.strategy.updated"],
            };
        case "EventStream":
            return {
                topics: ["genesys.routing.queue"],
                retentionDays: 7 + revision,
                eventBusArn: "arn:aws:events:us-east-1:123456789012:event-bus/bench",
                roleArn: "arn:aws:iam::123456789012:role/bench",
            };
        case "FailoverStrategy":
            return {
                evaluationTimeoutMs: 5000 + revision,
                regions: [
                    { regionId: "us-east-1", priority: 1, weight: 60, failoverTrigger: "health_degraded" },
                    { regionId: "us-west-2", priority: 2, weight: 40, failoverTrigger: "latency_exceeded" },
                ],
            };
        case "DataRecord":
            return {
                schemaId,
                fields: RECORD_FIELDS,
                rules: RECORD_RULES,
                key: `rec-${i}`,
                data: recordData(i, revision),
            };
    }
}

function construct(kind: BenchKind, name: string, args: object): void {
    const classes = genesys as unknown as Record<BenchKind, new (name: string, args: object) => unknown>;
    new classes[kind](name, args);
}

/** Declares resource `i` of the mix in a Pulumi program, at a revision: what a program run by the real engine does. */
export function declareResource(i: number, schemaId: string, revision = 0): void {
    const kind = kindOf(i);
    construct(kind, resourceName(i), argsFor(kind, i, revision, schemaId));
}

const kindOf = (i: number): BenchKind => KINDS[i % KINDS.length];
const resourceName = (i: number) => `bench-${i}`;

/**
 * The `__provider` the SDK registers for each kind, read from one registration each (a preview in this process, no
 * network): the serialized provider only names its implementation, so it is the same for every resource of a kind.
 */
export async function serializedProviders(consumerDir: string): Promise<Record<BenchKind, string>> {
    const run = await runProgram(
        () => {
            for (const kind of KINDS) construct(kind, `probe-${kind}`, argsFor(kind, 0, 0, "probe-schema"));
        },
        { backend: { kind: "inProcess", consumerDir }, preview: true },
    );
    const byKind = Object.fromEntries(run.registrations.map((r) => [r.type.split(":").pop(), r.inputs.__provider]));
    for (const kind of KINDS) {
        if (typeof byKind[kind] !== "string") throw new Error(`bench: no serialized provider for ${kind}`);
    }
    return byKind as Record<BenchKind, string>;
}

export interface Workload {
    /** Resource `i` of the mix, at a revision (a different revision is an in-place update). */
    resource(i: number, revision?: number): DesiredResource;
    kindOf(i: number): BenchKind;
}

export function workload(providers: Record<BenchKind, string>, schemaId: string): Workload {
    return {
        kindOf,
        resource(i, revision = 0) {
            const kind = kindOf(i);
            const name = resourceName(i);
            // As the SDK registers them: every auto-named kind carries its resource name; a record is named by its key.
            const naming = kind === "DataRecord" ? {} : { __resourceName: name };
            const inputs: PropertyMap = {
                ...argsFor(kind, i, revision, schemaId),
                ...naming,
                __provider: providers[kind],
            };
            return { type: `pulumi-nodejs:dynamic/genesys:${kind}`, name, inputs };
        },
    };
}
