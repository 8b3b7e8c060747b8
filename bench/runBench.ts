// The whole benchmark: every section in turn, then the figures against their goals.
import { performance } from "node:perf_hooks";
import { benchBulkRecords, type BulkResult } from "./bulkRecords";
import {
    applyNaive,
    applyThroughHost,
    benchProject,
    environment,
    overhead,
    preview,
    smallDeployment,
    type ApplyResult,
    type NaiveResult,
    type OverheadResult,
    type PreviewResult,
    type Scale,
    type SmallResult,
} from "./deployments";

export interface BenchSizes {
    /** The apply mix: this many updates, deletes and creates each. */
    mix: number;
    /** The compressed minute the apply runs in (the platform: 300 a minute). */
    ceiling: Scale;
    /** Resources created for the overhead and memory figures, then previewed. */
    resources: number;
    records: number;
    /** A small stack at the real budget, where a limiter's pacing shows most. */
    small: number;
    smallScale: Scale;
    /** Minimum time each validator is timed for. */
    validatorMs: number;
}

export const FULL: BenchSizes = {
    mix: 200,
    ceiling: { limitPerWindow: 300, windowMs: 6_000 },
    resources: 1_000,
    records: 100_000,
    small: 30,
    smallScale: { limitPerWindow: 300, windowMs: 60_000 },
    validatorMs: 1_000,
};

export interface BenchReport {
    apply: ApplyResult & { efficiency: number; share429: number; callsPerOperation: number; limitPerMinute: number };
    naive: NaiveResult & { share429: number; callsPerOperation: number };
    small: SmallResult;
    overhead: OverheadResult;
    preview: PreviewResult;
    bulk: BulkResult;
    tokens: { applyHost: number; overheadHost: number; preview: number; naive: number; hostProcessesPerRun: number };
    goals: Record<string, boolean>;
    totalMs: number;
}

export async function runBench(
    sizes: BenchSizes,
    progress: (line: string) => void = () => undefined,
): Promise<BenchReport> {
    const started = performance.now();
    const { project, providers } = await benchProject();
    try {
        progress(
            `apply: ${3 * sizes.mix} operations at ${sizes.ceiling.limitPerWindow} requests per ${sizes.ceiling.windowMs} ms, through the host`,
        );
        const ceilingEnv = await environment(sizes.ceiling, project, providers);
        const applied = await applyThroughHost(ceilingEnv, sizes.ceiling, sizes.mix).finally(() => ceilingEnv.stop());
        const needed = applied.apiRequests - applied.throttled;
        const apply = {
            ...applied,
            limitPerMinute: (sizes.ceiling.limitPerWindow * 60_000) / sizes.ceiling.windowMs,
            efficiency: ((needed / sizes.ceiling.limitPerWindow) * sizes.ceiling.windowMs) / applied.trafficMs,
            share429: applied.throttled / applied.apiRequests,
            callsPerOperation: applied.apiRequests / applied.operations,
        };

        progress("apply: the same work, by a naive client");
        const naiveEnv = await environment(sizes.ceiling, project, providers);
        const naiveRun = await applyNaive(naiveEnv, sizes.ceiling, sizes.mix).finally(() => naiveEnv.stop());
        const naive = {
            ...naiveRun,
            share429: naiveRun.throttled / naiveRun.requests,
            callsPerOperation: naiveRun.requests / naiveRun.operations,
        };

        progress(
            `small deployment: ${sizes.small} resources at ${sizes.smallScale.limitPerWindow} requests per ${sizes.smallScale.windowMs} ms`,
        );
        const smallEnv = await environment(sizes.smallScale, project, providers);
        const small = await smallDeployment(smallEnv, sizes.smallScale, sizes.small).finally(() => smallEnv.stop());

        progress(`overhead: ${sizes.resources} creates, unlimited, through the host and bare`);
        const hostEnv = await environment(sizes.smallScale, project, providers);
        const bareEnv = await environment(sizes.smallScale, project, providers);
        let over: OverheadResult;
        let previewed: PreviewResult;
        try {
            over = await overhead(hostEnv, bareEnv, sizes.resources);
            progress(`preview: ${sizes.resources} resources`);
            previewed = await preview(hostEnv, sizes.resources);
        } finally {
            await hostEnv.stop();
            await bareEnv.stop();
        }

        progress(`bulk records: ${sizes.records} records`);
        const bulk = await benchBulkRecords(sizes.records, sizes.validatorMs);

        const tokens = {
            applyHost: apply.tokensFetched,
            overheadHost: over.tokensFetched,
            preview: previewed.requests,
            naive: naive.tokensFetched,
            hostProcessesPerRun: apply.hostProcesses,
        };
        const goals = {
            efficiency: apply.efficiency >= 0.95,
            zeroFailed: apply.failed === 0 && over.failed === 0 && previewed.failed === 0,
            under1Percent429: apply.share429 < 0.01,
            overheadUnder2Ms: over.overheadMsPerOp < 2,
            hostMemoryUnder200Mb: over.hostPeakRssMb !== undefined && over.hostPeakRssMb < 200,
            previewUnder2s: previewed.wallMs < 2_000 && previewed.requests === 0,
            validator10x: bulk.speedup >= 10 && bulk.disagreements === 0,
            oneTokenPerProcess: apply.tokensFetched === 1 && over.tokensFetched === 1 && apply.hostProcesses === 1,
        };
        return {
            apply,
            naive,
            small,
            overhead: over,
            preview: previewed,
            bulk,
            tokens,
            goals,
            totalMs: performance.now() - started,
        };
    } finally {
        project.cleanup();
    }
}
