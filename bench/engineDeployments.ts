// The apply and the preview through the real Pulumi engine (the pinned CLI, an inline program, a local file backend),
// beside the harness's: the engine checks one resource at a time where the harness checks 16 at once.
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from "../emulator";
import { createInlineStack, type InlineStack } from "../harness/inlineStack";
import type { PulumiCli } from "../harness/pulumiCli";
import { type ApplyResult, type BenchEnvironment, delta, PARALLEL, type Scale, UNLIMITED } from "./deployments";
import { declareResource } from "./workload";

/** The harness's apply figures less the host process's (the engine starts its own, unobserved). */
export type EngineApplyResult = Omit<ApplyResult, "tokensFetched" | "hostProcesses" | "hostPeakRssMb" | "hostCpuMs">;

export interface EnginePreviewResult {
    resources: number;
    changes: number;
    wallMs: number;
    /** Requests the emulator saw during the preview, tokens included (must be 0). */
    requests: number;
    /** The `up` that made the stack previewed: `resources` creates, unlimited. */
    createWallMs: number;
    failed: number;
}

/** Resources [from, to) of the workload at a revision, where `revisionOf` says. */
type Desired = { from: number; to: number; revisionOf?: (i: number) => number }[];

function program(env: BenchEnvironment, desired: Desired) {
    return async () => {
        for (const { from, to, revisionOf } of desired)
            for (let i = from; i < to; i++) declareResource(i, env.schemaId, revisionOf?.(i) ?? 0);
    };
}

async function benchStack(cli: PulumiCli, env: BenchEnvironment, scale: Scale): Promise<InlineStack> {
    const created = await createInlineStack({
        cli,
        project: "genesys-bench",
        stack: "bench",
        program: async () => {},
        // The file backend rewrites the whole state after every step, which costs a 1 000-resource up minutes and
        // would be measured instead of the provider: the state is written once, at the end.
        env: { PULUMI_SKIP_CHECKPOINTS: "true" },
    });
    await created.stack.setAllConfig({
        "genesys:apiUrl": { value: env.emulator.url },
        "genesys:clientId": { value: DEFAULT_CLIENT_ID },
        "genesys:clientSecret": { value: DEFAULT_CLIENT_SECRET, secret: true },
        "genesys:rateLimitWindowMs": { value: String(scale.windowMs) },
        "genesys:auditDir": { value: join(env.project.dir, ".genesys-audit-engine") },
    });
    return created;
}

/** `pulumi up --parallel 16` of the desired resources, measured: the operations the engine ran and their traffic. */
async function measuredUp(inline: InlineStack, env: BenchEnvironment, desired: Desired): Promise<EngineApplyResult> {
    const before = env.emulator.stats();
    env.span.reset();
    const failures: string[] = [];
    const onEvent = (event: EngineEvent) => {
        const diagnostic = event.diagnosticEvent;
        if (diagnostic?.severity === "error" && diagnostic.urn) failures.push(diagnostic.message);
    };
    const started = performance.now();
    let changes: Record<string, number> = {};
    try {
        const up = await inline.stack.up({ program: program(env, desired), parallel: PARALLEL, onEvent });
        changes = up.summary.resourceChanges ?? {};
    } catch (err) {
        if (failures.length === 0) failures.push(err instanceof Error ? err.message : String(err));
    }
    const wallMs = performance.now() - started;
    const traffic = delta(env.emulator.stats(), before);
    const count = (op: string) => changes[op] ?? 0;
    return {
        operations: count("create") + count("update") + count("delete"),
        creates: count("create"),
        updates: count("update"),
        deletes: count("delete"),
        failed: failures.length,
        firstError: failures[0],
        wallMs,
        trafficMs: env.span.ms,
        apiRequests: traffic.apiRequests,
        throttled: traffic.throttled,
    };
}

/**
 * The harness's apply mix through the real engine: a stack of [0, 2n) set up unthrottled, then under the limit
 * update [0, n), delete [n, 2n) and create [2n, 3n).
 */
export async function engineApply(
    cli: PulumiCli,
    env: BenchEnvironment,
    scale: Scale,
    n: number,
): Promise<EngineApplyResult> {
    const inline = await benchStack(cli, env, scale);
    try {
        const setup = await measuredUp(inline, env, [{ from: 0, to: 2 * n }]);
        if (setup.failed > 0) throw new Error(`bench: setting up the engine's stack failed: ${setup.firstError}`);
        env.emulator.setFaults({ rateLimitPerMinute: scale.limitPerWindow });
        try {
            return await measuredUp(inline, env, [
                { from: 0, to: n, revisionOf: () => 1 },
                { from: 2 * n, to: 3 * n },
            ]);
        } finally {
            env.emulator.setFaults({ rateLimitPerMinute: UNLIMITED });
        }
    } finally {
        inline.remove();
    }
}

/** `count` resources created through the real engine, then a preview with every other one changed: check and diff. */
export async function enginePreview(
    cli: PulumiCli,
    env: BenchEnvironment,
    scale: Scale,
    count: number,
): Promise<EnginePreviewResult> {
    const inline = await benchStack(cli, env, scale);
    try {
        const created = await measuredUp(inline, env, [{ from: 0, to: count }]);
        if (created.failed > 0) throw new Error(`bench: creating the engine's stack failed: ${created.firstError}`);
        const before = env.emulator.stats();
        const started = performance.now();
        let failed = 0;
        const onEvent = (event: EngineEvent) => {
            if (event.diagnosticEvent?.severity === "error" && event.diagnosticEvent.urn) failed++;
        };
        const previewed = await inline.stack.preview({
            program: program(env, [{ from: 0, to: count, revisionOf: (i) => i % 2 }]),
            onEvent,
        });
        const wallMs = performance.now() - started;
        const summary = previewed.changeSummary;
        return {
            resources: count,
            changes: Object.entries(summary)
                .filter(([op]) => op !== "same")
                .reduce((sum, [, n]) => sum + (n ?? 0), 0),
            wallMs,
            requests: delta(env.emulator.stats(), before).requests,
            createWallMs: created.wallMs,
            failed,
        };
    } finally {
        inline.remove();
    }
}
