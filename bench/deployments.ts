// Sections 1-3 and 5: deployments through the real dynamic-provider host (the harness engine, 16 steps in flight, one
// host process per operation as `pulumi up` has), and the same work sent by the direct client, against the emulator.
import { performance } from "node:perf_hooks";
import {
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    startEmulator,
    type EmulatorStats,
    type RunningEmulator,
} from "../emulator";
import { call, tokenFor } from "../test/emulatorClient";
import { canonicalFields } from "../provider/kinds/dataSchema/schema";
import { createConsumerProject, type ConsumerProject } from "../test/harness/consumerProject";
import { Engine, type DesiredResource, type StepResult } from "../test/harness/engine";
import { makeSecret } from "../test/harness/secrets";
import { BARE, DirectClient, naivePolicy, type DirectRunResult, type Operation } from "./directClient";
import { watchHosts } from "./hostWatch";
import { RECORD_FIELDS, RECORD_RULES, serializedProviders, workload, type BenchKind, type Workload } from "./workload";

/** The platform's budget is 300 requests a minute; the bench keeps that ratio in a compressed minute. */
export interface Scale {
    limitPerWindow: number;
    windowMs: number;
}

const UNLIMITED = 1_000_000_000;
const PARALLEL = 16;

/** Request counts over a span of the emulator's life, less its admin calls (which it does not count). */
function delta(after: EmulatorStats, before: EmulatorStats) {
    const tokens = (after.perPath["POST /oauth/token"] ?? 0) - (before.perPath["POST /oauth/token"] ?? 0);
    const requests = after.requests - before.requests;
    const throttled = after.rateLimited - before.rateLimited;
    return {
        requests,
        apiRequests: requests - tokens,
        tokens,
        issued: after.tokensIssued - before.tokensIssued,
        throttled,
    };
}

/** Start and end of the API traffic, from the emulator's request log (first request in, last response out). */
class TrafficSpan {
    private first = Infinity;
    private last = -Infinity;

    log = (line: string): void => {
        const match = /^(\S+) \S+ (\/api\/\S*) \S+ (\d+)ms/.exec(line);
        if (!match) return;
        const end = Date.parse(match[1]);
        this.first = Math.min(this.first, end - Number(match[3]));
        this.last = Math.max(this.last, end);
    };

    reset(): void {
        this.first = Infinity;
        this.last = -Infinity;
    }

    get ms(): number {
        return this.last - this.first;
    }
}

export interface BenchEnvironment {
    emulator: RunningEmulator;
    span: TrafficSpan;
    engine: Engine;
    work: Workload;
    project: ConsumerProject;
    stop(): Promise<void>;
}

/** An emulator (rate limit lifted until the measured part), a data schema for the records, and an engine. */
export async function environment(
    scale: Scale,
    project: ConsumerProject,
    providers: Record<BenchKind, string>,
): Promise<BenchEnvironment> {
    const span = new TrafficSpan();
    const emulator = await startEmulator({
        port: 0,
        rateLimitPerMinute: UNLIMITED,
        rateLimitWindowMs: scale.windowMs,
        log: span.log,
    });
    const token = await tokenFor(emulator.url);
    const schema = await call(emulator.url, token, "POST", "/api/v2/data/schemas", {
        name: "bench-records",
        fields: canonicalFields(RECORD_FIELDS),
        rules: RECORD_RULES,
    });
    if (schema.status !== 200 && schema.status !== 201)
        throw new Error(`bench: creating the record schema answered ${schema.status}`);
    const engine = new Engine({
        consumerDir: project.dir,
        project: "bench",
        stack: "bench",
        parallel: PARALLEL,
        config: {
            "genesys:apiUrl": emulator.url,
            "genesys:clientId": DEFAULT_CLIENT_ID,
            "genesys:clientSecret": makeSecret(DEFAULT_CLIENT_SECRET),
            "genesys:rateLimitWindowMs": String(scale.windowMs),
        },
    });
    return {
        emulator,
        span,
        engine,
        work: workload(providers, schema.body.id as string),
        project,
        stop: () => emulator.stop(),
    };
}

export async function benchProject(): Promise<{ project: ConsumerProject; providers: Record<BenchKind, string> }> {
    const project = createConsumerProject();
    return { project, providers: await serializedProviders(project.dir) };
}

function failedSteps(steps: StepResult[]): StepResult[] {
    return steps.filter((s) => s.error !== undefined || s.failures.length > 0);
}

export interface ApplyResult {
    operations: number;
    creates: number;
    updates: number;
    deletes: number;
    failed: number;
    firstError?: string;
    wallMs: number;
    /** First API request in to last response out. */
    trafficMs: number;
    apiRequests: number;
    throttled: number;
    tokensFetched: number;
    hostProcesses: number;
    hostPeakRssMb?: number;
    hostCpuMs?: number;
}

/** The mix of a run on a stack holding resources [0, 2n): update [0, n), delete [n, 2n), create [2n, 3n). */
export function mixedRun(work: Workload, n: number): { before: DesiredResource[]; after: DesiredResource[] } {
    const before = Array.from({ length: 2 * n }, (_, i) => work.resource(i));
    const after = [
        ...Array.from({ length: n }, (_, i) => work.resource(i, 1)),
        ...Array.from({ length: n }, (_, i) => work.resource(2 * n + i)),
    ];
    return { before, after };
}

async function measuredUp(env: BenchEnvironment, desired: DesiredResource[]): Promise<ApplyResult> {
    const before = env.emulator.stats();
    env.span.reset();
    const watch = watchHosts();
    const started = performance.now();
    const steps = await env.engine.up(desired);
    const wallMs = performance.now() - started;
    const hosts = watch.stop();
    const traffic = delta(env.emulator.stats(), before);
    const failed = failedSteps(steps);
    const count = (op: string) => steps.filter((s) => s.op === op).length;
    return {
        operations: steps.length,
        creates: count("create"),
        updates: count("update"),
        deletes: count("delete"),
        failed: failed.length,
        firstError: failed[0]?.error,
        wallMs,
        trafficMs: env.span.ms,
        apiRequests: traffic.apiRequests,
        throttled: traffic.throttled,
        tokensFetched: traffic.issued,
        hostProcesses: hosts.hosts,
        hostPeakRssMb: hosts.peakRssMb,
        hostCpuMs: hosts.cpuMs,
    };
}

/** Section 1, the provider: set up the stack unthrottled, then the measured mix under the limit. */
export async function applyThroughHost(env: BenchEnvironment, scale: Scale, n: number): Promise<ApplyResult> {
    const { before, after } = mixedRun(env.work, n);
    const setup = failedSteps(await env.engine.up(before));
    if (setup.length > 0) throw new Error(`bench: setting up the stack failed: ${setup[0].error}`);
    env.emulator.setFaults({ rateLimitPerMinute: scale.limitPerWindow });
    try {
        return await measuredUp(env, after);
    } finally {
        env.emulator.setFaults({ rateLimitPerMinute: UNLIMITED });
    }
}

function operationsOf(run: { before: DesiredResource[]; after: DesiredResource[] }, n: number): Operation[] {
    return [
        ...run.after.slice(0, n).map((resource): Operation => ({ op: "update", resource })),
        ...run.before.slice(n).map((resource): Operation => ({ op: "delete", resource })),
        ...run.after.slice(n).map((resource): Operation => ({ op: "create", resource })),
    ];
}

export interface NaiveResult extends DirectRunResult {
    /** API requests the emulator answered (the token requests are counted apart). */
    apiRequests: number;
}

/** Section 1, the naive client on the same work: set up with one token, unthrottled; then the mix under the limit. */
export async function applyNaive(env: BenchEnvironment, scale: Scale, n: number): Promise<NaiveResult> {
    const run = mixedRun(env.work, n);
    const client = new DirectClient(env.emulator.url, PARALLEL);
    const setup = await client.run(
        run.before.map((resource): Operation => ({ op: "create", resource })),
        BARE,
    );
    if (setup.failed > 0) throw new Error(`bench: naive setup failed: ${setup.firstError}`);
    const before = env.emulator.stats();
    env.emulator.setFaults({ rateLimitPerMinute: scale.limitPerWindow });
    try {
        const result = await client.run(operationsOf(run, n), naivePolicy(scale.windowMs / 60_000));
        return { ...result, apiRequests: delta(env.emulator.stats(), before).apiRequests };
    } finally {
        env.emulator.setFaults({ rateLimitPerMinute: UNLIMITED });
    }
}

export interface OverheadResult {
    operations: number;
    hostTrafficMs: number;
    bareTrafficMs: number;
    hostApiRequests: number;
    bareApiRequests: number;
    /** Extra wall time per operation through the provider and host, beyond the same HTTP round-trips sent bare. */
    overheadMsPerOp: number;
    /** CPU time of the host process per operation (its HTTP client's share included). */
    hostCpuMsPerOp?: number;
    failed: number;
    tokensFetched: number;
    hostPeakRssMb?: number;
}

/** Section 2: `count` creates through the host, and the same requests sent bare, each on an unlimited emulator. */
export async function overhead(
    hostEnv: BenchEnvironment,
    bareEnv: BenchEnvironment,
    count: number,
): Promise<OverheadResult> {
    const desired = Array.from({ length: count }, (_, i) => hostEnv.work.resource(i));
    const host = await measuredUp(hostEnv, desired);
    const before = bareEnv.emulator.stats();
    bareEnv.span.reset();
    const bare = await new DirectClient(bareEnv.emulator.url, PARALLEL).run(
        Array.from({ length: count }, (_, i): Operation => ({ op: "create", resource: bareEnv.work.resource(i) })),
        BARE,
    );
    if (bare.failed > 0) throw new Error(`bench: the bare baseline failed: ${bare.firstError}`);
    const bareApiRequests = delta(bareEnv.emulator.stats(), before).apiRequests;
    return {
        operations: count,
        hostTrafficMs: host.trafficMs,
        bareTrafficMs: bareEnv.span.ms,
        hostApiRequests: host.apiRequests,
        bareApiRequests,
        overheadMsPerOp: (host.trafficMs - bareEnv.span.ms) / count,
        hostCpuMsPerOp: host.hostCpuMs === undefined ? undefined : host.hostCpuMs / count,
        failed: host.failed,
        tokensFetched: host.tokensFetched,
        hostPeakRssMb: host.hostPeakRssMb,
    };
}

export interface PreviewResult {
    resources: number;
    changes: number;
    wallMs: number;
    /**
     * The same preview with a provider that does no work (check echoes, diff says no change): the cost of the engine
     * stand-in and the dynamic-provider host alone. `wallMs` less this is what the provider adds.
     */
    floorMs: number;
    /** CPU time of the host process over the preview (its start included): the wall time an engine costing nothing would see. */
    hostCpuMs?: number;
    /** Requests the emulator saw during the preview, tokens included (must be 0). */
    requests: number;
    failed: number;
}

/** A dynamic provider that does nothing, as the host loads it: the floor under the provider's own preview cost. */
export const IDLE_PROVIDER = `exports.handler = function () { return { check: async (olds, news) => ({ inputs: news }), diff: async () => ({ changes: false }) }; };`;

/** Section 3: a preview of the `count` resources in the stack, every other one changed: check and diff only. */
export async function preview(env: BenchEnvironment, count: number): Promise<PreviewResult> {
    const desired = Array.from({ length: count }, (_, i) => env.work.resource(i, i % 2));
    const before = env.emulator.stats();
    const watch = watchHosts(20);
    const started = performance.now();
    const steps = await env.engine.preview(desired);
    const wallMs = performance.now() - started;
    const hostCpuMs = watch.stop().cpuMs;
    const requests = delta(env.emulator.stats(), before).requests;

    const idle = desired.map((resource) => ({
        ...resource,
        inputs: { ...resource.inputs, __provider: IDLE_PROVIDER },
    }));
    const floorStarted = performance.now();
    const floorSteps = await env.engine.preview(idle);
    const floorMs = performance.now() - floorStarted;
    if (failedSteps(floorSteps).length > 0)
        throw new Error(`bench: the idle provider's preview failed: ${failedSteps(floorSteps)[0].error}`);
    return {
        resources: steps.length,
        changes: steps.filter((s) => s.op !== "same").length,
        wallMs,
        floorMs,
        hostCpuMs,
        requests,
        failed: failedSteps(steps).length,
    };
}

export interface SmallResult {
    resources: number;
    wallMs: number;
    trafficMs: number;
    failed: number;
    throttled: number;
}

/** A small stack at the platform's real budget (300 a minute), as most deployments are. */
export async function smallDeployment(env: BenchEnvironment, scale: Scale, count: number): Promise<SmallResult> {
    env.emulator.setFaults({ rateLimitPerMinute: scale.limitPerWindow });
    try {
        const result = await measuredUp(
            env,
            Array.from({ length: count }, (_, i) => env.work.resource(i)),
        );
        return {
            resources: count,
            wallMs: result.wallMs,
            trafficMs: result.trafficMs,
            failed: result.failed,
            throttled: result.throttled,
        };
    } finally {
        env.emulator.setFaults({ rateLimitPerMinute: UNLIMITED });
    }
}
