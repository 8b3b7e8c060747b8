// Runs the fault matrix (faultCases.ts × kindFixtures.ts) for one kind. Each case: arm the fault, run one `up` that
// creates, updates and deletes, check it survived or failed as the case says, clear the fault, converge (`up`, or
// `refresh` + `up`), then check convergence (a preview shows no change) and that the platform holds exactly the
// objects the stack declares: every object in the state exists, nothing else exists (no orphan, no duplicate).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { ALL_SCOPES, type EmulatorStats } from "../../emulator";
import { defaultFaults } from "../../emulator/faults";
import { startEmulatedStack, type EmulatedStack } from "../emulatedStack";
import type { ResourceState } from "../../harness/engine";
import { FAULT_CASES, LIMITED_CLIENT_SECRET, limitedClientId, type CaseContext, type FaultCase } from "./faultCases";
import { startInProcessHost } from "./inProcessHost";
import { KIND_FIXTURES, type KindFixture } from "./kindFixtures";
import { platformInventory, platformPaths } from "../platformInventory";

/** Short client timings so a fault costs milliseconds (stack config keys read by providerContext.ts). */
const FAST_CLIENT = {
    "genesys:requestTimeoutMs": "250",
    "genesys:retryDeadlineMs": "5000",
    "genesys:minRetryDelayMs": "10",
    "genesys:readAfterWriteMs": "800",
};

/** Every fault off, the rate limit and the random seed as the case set them. */
const { rateLimitPerMinute: _limit, seed: _seed, ...NO_FAULTS } = defaultFaults();

export interface MatrixOptions {
    /** "real": the real dynamic-provider host process per operation; "inProcess": its in-process stand-in. */
    host: "real" | "inProcess";
    /** Case names to run (default: all). */
    cases?: string[];
}

/** Counts of what happened on the platform between two snapshots. */
function statsBetween(first: EmulatorStats, last: EmulatorStats): EmulatorStats {
    const byStatus: Record<string, number> = {};
    for (const [code, count] of Object.entries(last.responsesByStatus))
        byStatus[code] = count - (first.responsesByStatus[code] ?? 0);
    return {
        ...last,
        requests: last.requests - first.requests,
        responsesByStatus: byStatus,
        lostResponses: last.lostResponses - first.lostResponses,
        connectionResets: last.connectionResets - first.connectionResets,
    };
}

const kindOf = (r: ResourceState) => r.type.split(":").pop() as string;
const isStable = (r: ResourceState) => r.name.endsWith("-stable");

export function describeFaultMatrix(fixture: KindFixture, options: MatrixOptions): void {
    const access = fixture.writeAccess;
    const cases = options.cases ? FAULT_CASES.filter((c) => options.cases?.includes(c.name)) : FAULT_CASES;
    assert.equal(cases.length, options.cases?.length ?? FAULT_CASES.length, "every named case exists");

    const host = options.host === "real" ? "real host process" : "in-process host";
    describe(`fault matrix: ${[fixture.kind, fixture.variant].filter(Boolean).join(" ")} (${host})`, () => {
        let stack: EmulatedStack;
        let dataDir: string;
        let clockSkewMs = 0;
        let gen = 0;
        let rev = 0;
        let declared = 0;
        let waiting: { left: number; action: () => void }[] = [];
        const program = () => {
            declared = fixture.declare(gen, rev);
            return {};
        };
        const onRequestAnswered = () => {
            for (const wait of waiting) if (--wait.left === 0) wait.action();
            waiting = waiting.filter((wait) => wait.left > 0);
        };
        const resources = () => stack.engine.resources();

        before(async () => {
            dataDir = mkdtempSync(path.join(tmpdir(), "genesys-faults-"));
            stack = await startEmulatedStack({
                emulator: {
                    dataDir,
                    rateLimitPerMinute: 100_000,
                    now: () => Date.now() + clockSkewMs,
                    log: (line) => {
                        if (/ (\/api\/v2\/|\/oauth\/token )/.test(line)) onRequestAnswered();
                    },
                    clients: [
                        {
                            clientId: limitedClientId(fixture),
                            clientSecret: LIMITED_CLIENT_SECRET,
                            scopes: ALL_SCOPES.filter((s) => !("scope" in access) || s !== access.scope),
                        },
                    ],
                },
                config: FAST_CLIENT,
                startHost: options.host === "inProcess" ? startInProcessHost : undefined,
            });
            await stack.run(program);
        });
        after(async () => {
            await stack?.stop();
            rmSync(dataDir, { recursive: true, force: true });
        });

        async function assertConverged(label: string): Promise<void> {
            const preview = await stack.run(program, { preview: true });
            assert.deepEqual(
                preview.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.urn}`),
                [],
                `${label}: converged (a preview shows no change)`,
            );
            const state = resources();
            assert.equal(state.length, declared, `${label}: the state holds every declared resource`);
            assert.deepEqual(
                state.filter((r) => !r.id).map((r) => r.urn),
                [],
                `${label}: every resource has an id`,
            );
            const held = state.flatMap(platformPaths).sort();
            assert.deepEqual(
                await platformInventory(stack.platform),
                held,
                `${label}: the platform holds exactly the stack's objects (none lost, none duplicated)`,
            );
        }

        for (const fault of cases) {
            it(fault.name, async () => {
                const config = stack.engine.config;
                const savedConfig = { ...config };
                const ctx: CaseContext = {
                    stack,
                    fixture,
                    config,
                    afterRequests: (count, action) => waiting.push({ left: count, action }),
                    advanceClock: (ms) => (clockSkewMs += ms),
                    stablePath() {
                        const stable = resources().find((r) => kindOf(r) === fixture.kind && isStable(r));
                        assert.ok(stable, "the stable resource is in the state");
                        return fixture.stablePath(stable.id, stable.outputs);
                    },
                    rotatingPaths: () =>
                        resources()
                            .filter((r) => kindOf(r) === fixture.kind && !isStable(r))
                            .flatMap(platformPaths),
                };
                await runCase(fault, ctx, () => {
                    for (const key of Object.keys(config)) delete config[key];
                    Object.assign(config, savedConfig);
                    waiting = [];
                });
            });
        }

        async function runCase(fault: FaultCase, ctx: CaseContext, restoreConfig: () => void): Promise<void> {
            gen += 1;
            rev += 1;
            await fault.arm(ctx);
            const first = stack.emulator.stats();
            let failure: Error | undefined;
            try {
                await stack.run(program);
            } catch (err) {
                failure = err as Error;
            } finally {
                restoreConfig();
            }
            const during = statsBetween(first, stack.emulator.stats());
            if (fault.disarm) await fault.disarm(ctx);
            else stack.emulator.setFaults(NO_FAULTS);

            // Checked after converging, so one case's failure does not leave the next case a broken stack.
            const checkFaultedRun = () => {
                if (fault.faulted === "survives") {
                    assert.equal(failure, undefined, `the up survives the fault, but: ${failure?.message}`);
                } else {
                    assert.ok(failure, "the up fails");
                    assert.match(failure.message, fault.faulted.fails(fixture));
                }
                fault.injected?.(during);
            };

            if (fault.converge === "refresh+up") {
                const refreshed = await stack.engine.refresh();
                assert.deepEqual(
                    refreshed.filter((s) => s.error).map((s) => s.error),
                    [],
                    "the refresh succeeds",
                );
                assert.deepEqual(
                    refreshed.filter((s) => s.op === "delete").map((s) => s.urn),
                    [],
                    "the refresh drops nothing that exists",
                );
            }
            stack.emulator.setFaults(NO_FAULTS);
            try {
                await stack.run(program);
            } catch (err) {
                checkFaultedRun();
                throw err;
            }
            checkFaultedRun();
            await assertConverged(fault.name);
        }
    });
}

export { KIND_FIXTURES };
