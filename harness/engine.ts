// A small Pulumi engine: per-stack state plus preview/up/refresh/destroy, making provider calls in the engine's order
// and with its secret handling (see pkg/resource/deploy/step_generator.go and plugin/provider_plugin.go):
//   register: Check(olds = previous inputs, news) → none before? Create : Diff(olds = previous OUTPUTS, news) →
//             same | Update(olds = previous outputs, news) | replace (re-Check with no olds, then create-before-delete
//             by default, the old one deleted after all registrations; or delete-before-replace).
//             Check and Diff run one resource at a time, in registration order, as the engine's step generator
//             runs them; the first failure stops planning (a preview reports only the first invalid resource);
//             only the writes run up to `parallel` at once.
//   preview:  Check and Diff only (unknowns arrive as the unknown sentinel); the dynamic host does not support
//             provider previews, so the engine never calls Create/Update and the "outputs" are the inputs. The
//             deletes a replacement will make are steps of the preview, as the engine shows them.
//   refresh:  Read, then Diff(olds = refreshed outputs, news = recorded inputs) as step.go's RefreshStep does:
//             `update` (drift) when it finds a change, `same` when not, `delete` when the object is gone.
//   finish:   deletes (replaced olds, resources no longer desired) in reverse dependency order.
// Dynamic resources go to a REAL dynamic-provider host started in the consumer project for each operation (each
// `pulumi` command is a fresh host process); other types go to a simulated provider.
import { performance } from "node:perf_hooks";
import { createLimiter, type Limiter } from "./concurrencyLimit";
import { startProviderHost, type ProviderHost, type ProviderHostOptions } from "./providerHost";
import {
    ProviderCallError,
    isDynamicType,
    makeUrn,
    type CheckFailure,
    type ResourceProviderClient,
} from "./providerProtocol";
import { annotateSecrets, containsUnknowns, markSecretOutputs, stripSecrets, type PropertyMap } from "./secrets";
import { simulatedProvider, type SimulateFn } from "./simulatedResources";

export interface DesiredResource {
    type: string;
    name: string;
    /** Defaults to the engine's URN for type and name. */
    urn?: string;
    /** Secrets wrapped (secrets.makeSecret), unknowns as the unknown sentinel (preview only), `__provider` included. */
    inputs: PropertyMap;
    /** URNs of resources this one depends on; each must come earlier in the desired list (as in a program). */
    dependsOn?: string[];
    deleteBeforeReplace?: boolean;
    additionalSecretOutputs?: string[];
}

export interface ResourceState {
    urn: string;
    type: string;
    name: string;
    id: string;
    inputs: PropertyMap;
    outputs: PropertyMap;
    dependencies: string[];
    additionalSecretOutputs: string[];
}

/** A refresh reports `update` for drift, `same` for none and `delete` for an object gone, as the engine does. */
export type StepOp = "create" | "update" | "replace" | "delete" | "same";

export interface StepResult {
    urn: string;
    type: string;
    op: StepOp;
    id: string;
    /** Secrets marked. In preview: the checked inputs (what the engine hands back when the provider cannot preview). */
    outputs: PropertyMap;
    failures: CheckFailure[];
    durationMs: number;
    error?: string;
    /** For replace: the property names that forced it, whether the old was deleted first, and the old id. */
    replaces?: string[];
    deleteBeforeReplace?: boolean;
    oldId?: string;
}

export interface EngineOptions {
    /** Working directory of the dynamic-provider host: the consumer project (consumerProject.ts). */
    consumerDir: string;
    project?: string;
    stack?: string;
    /** ALL stack config, keys namespaced (`genesys:clientId`), secret values wrapped; sent to Configure as is. */
    config?: PropertyMap;
    /** Maximum steps in flight, like `pulumi up --parallel` (default 16). */
    parallel?: number;
    simulate?: SimulateFn;
    hostEnv?: Record<string, string>;
    /**
     * Starts the dynamic-provider host for each operation; default: the real host process (startProviderHost).
     * Large test matrices pass an in-process stand-in that keeps the host's contract but skips the process start.
     */
    startHost?: (options: ProviderHostOptions) => Promise<ProviderHost>;
}

export class Engine {
    readonly project: string;
    readonly stack: string;
    private readonly state = new Map<string, ResourceState>();
    private readonly hostLogs: string[] = [];

    constructor(private readonly options: EngineOptions) {
        this.project = options.project ?? "project";
        this.stack = options.stack ?? "stack";
    }

    get config(): PropertyMap {
        return this.options.config ?? {};
    }

    urnOf(type: string, name: string): string {
        return makeUrn(this.stack, this.project, type, name);
    }

    /** A copy of the current state, in registration order. */
    resources(): ResourceState[] {
        return [...this.state.values()].map((r) => structuredClone(r));
    }

    /** stderr of every host process started so far (for asserting that no secret leaked into logs). */
    hostStderr(): string {
        return this.hostLogs.join("");
    }

    preview(desired: DesiredResource[]): Promise<StepResult[]> {
        return this.deploy(desired, true);
    }

    up(desired: DesiredResource[]): Promise<StepResult[]> {
        return this.deploy(desired, false);
    }

    /** Start an incremental deployment, for programs that register resources one at a time (mockProgram.ts). */
    startDeployment(options: { preview: boolean }): Deployment {
        return new Deployment(this, this.state, options.preview, createLimiter(this.options.parallel ?? 16));
    }

    async refresh(): Promise<StepResult[]> {
        const session = this.openSession();
        try {
            const limit = createLimiter(this.options.parallel ?? 16);
            return await Promise.all([...this.state.values()].map((r) => limit(() => this.refreshOne(session, r))));
        } finally {
            await session.close();
        }
    }

    async destroy(): Promise<StepResult[]> {
        const deployment = this.startDeployment({ preview: false });
        return deployment.finish();
    }

    /** @internal Providers for one operation; the dynamic host is started on first use and stopped at the end. */
    openSession(): ProviderSession {
        return new ProviderSession(this.options, this.project, (log) => this.hostLogs.push(log));
    }

    private async deploy(desired: DesiredResource[], preview: boolean): Promise<StepResult[]> {
        const deployment = this.startDeployment({ preview });
        const registered = new Map<string, Promise<StepResult | undefined>>();
        for (const resource of desired) {
            const urn = resource.urn ?? this.urnOf(resource.type, resource.name);
            const deps = (resource.dependsOn ?? []).map((dep) => {
                const step = registered.get(dep);
                if (step === undefined && !this.state.has(dep)) {
                    throw new Error(`${urn}: dependsOn "${dep}" is neither earlier in the desired list nor in state`);
                }
                return step;
            });
            registered.set(
                urn,
                Promise.all(deps).then((steps) =>
                    steps.some((s) => s?.error !== undefined) || deployment.failed
                        ? undefined // the engine stops scheduling steps once one failed
                        : deployment.register({ ...resource, urn }),
                ),
            );
        }
        const steps = (await Promise.all(registered.values())).filter((s): s is StepResult => s !== undefined);
        return [...steps, ...(await deployment.finish())];
    }

    private async refreshOne(session: ProviderSession, old: ResourceState): Promise<StepResult> {
        const started = performance.now();
        const base = { urn: old.urn, type: old.type, failures: [] };
        try {
            const { provider, acceptSecrets } = await session.providerFor(old.type);
            const send = acceptSecrets ? <T>(v: T) => v : stripSecrets;
            const read = await provider.read(old.urn, old.id, send(old.outputs), send(old.inputs));
            if (read.id === "") {
                this.state.delete(old.urn);
                return { ...base, op: "delete", id: old.id, outputs: {}, durationMs: performance.now() - started };
            }
            const outputs = markSecretOutputs(
                annotateSecrets(read.properties, old.outputs),
                old.additionalSecretOutputs,
            );
            const inputs = read.inputs ? annotateSecrets(read.inputs, old.inputs) : old.inputs;
            // The engine then diffs as an `up` of the unchanged program would, the refreshed state standing for the
            // old one and the recorded inputs for the program's (step.go, RefreshStep.Apply): that diff decides
            // whether the refresh shows drift, and its failure fails the refresh.
            const diff = await provider.diff(old.urn, read.id, send(outputs), send(old.inputs), send(inputs));
            const drifted = diff.changes === "unknown" ? !deepEqual(inputs, old.inputs) : diff.changes === "some";
            this.state.set(old.urn, { ...old, id: read.id, outputs, inputs });
            const op = drifted ? "update" : "same";
            return { ...base, op, id: read.id, outputs, durationMs: performance.now() - started };
        } catch (err) {
            return {
                ...base,
                op: "update",
                id: old.id,
                outputs: old.outputs,
                ...errorOf(err),
                durationMs: performance.now() - started,
            };
        }
    }
}

export class ProviderSession {
    private host?: Promise<ProviderHost>;
    private readonly providers = new Map<
        string,
        Promise<{ provider: ResourceProviderClient; acceptSecrets: boolean }>
    >();

    constructor(
        private readonly options: EngineOptions,
        private readonly project: string,
        private readonly onHostLog: (stderr: string) => void,
    ) {}

    /** Loads and configures the provider for a type once per session, as the engine does per plugin. */
    providerFor(type: string): Promise<{ provider: ResourceProviderClient; acceptSecrets: boolean }> {
        const key = isDynamicType(type) ? "pulumi-nodejs" : type;
        let loaded = this.providers.get(key);
        if (loaded === undefined) {
            loaded = (async () => {
                const provider: ResourceProviderClient = isDynamicType(type)
                    ? await this.startHost()
                    : simulatedProvider(this.options.simulate);
                const { acceptSecrets } = await provider.configure(this.options.config ?? {});
                return { provider, acceptSecrets };
            })();
            this.providers.set(key, loaded);
        }
        return loaded;
    }

    async close(): Promise<void> {
        if (this.host !== undefined) {
            const host = await this.host.catch(() => undefined);
            if (host !== undefined) {
                await host.stop();
                this.onHostLog(host.stderr());
            }
        }
    }

    private startHost(): Promise<ProviderHost> {
        this.host ??= (this.options.startHost ?? startProviderHost)({
            cwd: this.options.consumerDir,
            project: this.project,
            env: this.options.hostEnv,
        });
        return this.host;
    }
}

export class Deployment {
    private readonly session: ProviderSession;
    private readonly registered = new Set<string>();
    private readonly pendingDeletes: ResourceState[] = [];
    /** Deletes of replaced objects made before their replacement was created (deleteBeforeReplace). */
    private readonly deletedFirst: StepResult[] = [];
    /** The engine's step generator: checks and diffs one resource at a time. */
    private readonly planning = createLimiter(1);
    private readonly initialUrns: string[];
    failed = false;

    constructor(
        private readonly engine: Engine,
        private readonly state: Map<string, ResourceState>,
        readonly preview: boolean,
        private readonly limit: Limiter,
    ) {
        this.session = engine.openSession();
        this.initialUrns = [...state.keys()];
    }

    /**
     * Plans the step (check, diff) in the planning lane, one resource at a time in registration order as the engine's
     * step generator does, then applies it with up to `parallel` others. Undefined when the step was never planned
     * because an earlier one failed: the engine stops generating steps at the first failure, so a preview with two
     * invalid resources reports only the first.
     */
    register(desired: DesiredResource): Promise<StepResult | undefined> {
        const urn = desired.urn ?? this.engine.urnOf(desired.type, desired.name);
        if (this.registered.has(urn)) {
            throw new Error(`duplicate resource URN "${urn}": each resource needs a unique type and name`);
        }
        this.registered.add(urn);
        const failedStep = (err: unknown): Step => ({
            urn,
            type: desired.type,
            op: this.state.has(urn) ? "update" : "create",
            id: this.state.get(urn)?.id ?? "",
            outputs: {},
            failures: [],
            ...errorOf(err),
        });
        const settle = (step: Step, started: number): StepResult => {
            if (step.error !== undefined) {
                this.failed = true;
            }
            return { ...step, durationMs: performance.now() - started };
        };
        return this.planning(async () => {
            if (this.failed) {
                return undefined;
            }
            const started = performance.now();
            const planned = await this.plan({ ...desired, urn }).catch(failedStep);
            return "apply" in planned ? { ...planned, started } : settle(planned, started);
        }).then(async (planned) => {
            if (planned === undefined || !("apply" in planned)) {
                return planned;
            }
            return settle(await this.limit(planned.apply).catch(failedStep), planned.started);
        });
    }

    /**
     * Runs the deletes (unless a step failed, as the engine then stops) and ends the operation. Returns every delete
     * step, those a replacement made first included.
     */
    async finish(): Promise<StepResult[]> {
        try {
            if (this.failed) {
                return [...this.deletedFirst];
            }
            const unregistered = this.initialUrns
                .filter((urn) => !this.registered.has(urn))
                .map((urn) => this.state.get(urn))
                .filter((r): r is ResourceState => r !== undefined);
            const deletes = await this.deleteInReverseDependencyOrder([...this.pendingDeletes, ...unregistered]);
            return [...this.deletedFirst, ...deletes];
        } finally {
            await this.session.close();
        }
    }

    /** Check and diff: a finished step (preview, no change, check failure) or the write that applies it. */
    private async plan(desired: DesiredResource & { urn: string }): Promise<Planned> {
        const { urn, type } = desired;
        if (!this.preview && containsUnknowns(desired.inputs)) {
            throw new Error(`${urn}: inputs contain unknown values outside of a preview`);
        }
        const { provider, acceptSecrets } = await this.session.providerFor(type);
        const send = acceptSecrets ? <T>(v: T) => v : stripSecrets;
        const receive = (outs: PropertyMap, ins: PropertyMap) => (acceptSecrets ? outs : annotateSecrets(outs, ins));
        const old = this.state.get(urn);
        const base = { urn, type, failures: [] as CheckFailure[] };

        const check = async (olds: PropertyMap) => {
            const result = await provider.check(urn, send(olds), send(desired.inputs));
            return { inputs: receive(result.inputs, desired.inputs), failures: result.failures };
        };
        const checked = await check(old?.inputs ?? {});
        if (checked.failures.length > 0) {
            return {
                ...base,
                op: old ? "update" : "create",
                id: old?.id ?? "",
                outputs: {},
                failures: checked.failures,
                error: `resource ${urn} has check errors: ${checked.failures
                    .map((f) => `${f.property}: ${f.reason}`)
                    .join("; ")}`,
            };
        }
        const finalOutputs = (outs: PropertyMap, ins: PropertyMap) =>
            markSecretOutputs(receive(outs, ins), desired.additionalSecretOutputs ?? []);
        const save = (id: string, inputs: PropertyMap, outputs: PropertyMap) =>
            this.state.set(urn, {
                urn,
                type,
                name: desired.name,
                id,
                inputs,
                outputs,
                dependencies: desired.dependsOn ?? [],
                additionalSecretOutputs: desired.additionalSecretOutputs ?? [],
            });
        const create = async (inputs: PropertyMap) => {
            try {
                const created = await provider.create(urn, send(inputs));
                const outputs = finalOutputs(created.properties, inputs);
                save(created.id, inputs, outputs);
                return { id: created.id, outputs };
            } catch (err) {
                // A partial failure still created something: the engine records it so the next `up` updates it.
                if (err instanceof ProviderCallError && err.initFailure !== undefined && err.initFailure.id !== "") {
                    save(err.initFailure.id, inputs, finalOutputs(err.initFailure.properties, inputs));
                }
                throw err;
            }
        };

        if (old === undefined) {
            if (this.preview) {
                return { ...base, op: "create", id: "", outputs: checked.inputs };
            }
            return { apply: async () => ({ ...base, op: "create", ...(await create(checked.inputs)) }) };
        }

        const diff = await provider.diff(urn, old.id, send(old.outputs), send(checked.inputs), send(old.inputs));
        const changed = diff.changes === "unknown" ? !deepEqual(old.inputs, checked.inputs) : diff.changes === "some";
        if (diff.replaces.length > 0) {
            // Replacement recomputes defaults from scratch: Check again with no olds.
            const rechecked = await check({});
            if (rechecked.failures.length > 0) {
                return {
                    ...base,
                    op: "replace",
                    id: old.id,
                    outputs: {},
                    failures: rechecked.failures,
                    error: `resource ${urn} has check errors`,
                };
            }
            const deleteBeforeReplace = desired.deleteBeforeReplace ?? diff.deleteBeforeReplace;
            const replaceInfo = { replaces: diff.replaces, deleteBeforeReplace, oldId: old.id };
            if (this.preview) {
                // The engine's preview shows the replaced object's delete as a step of its own.
                if (deleteBeforeReplace) {
                    this.deletedFirst.push(await this.deleteOne(old));
                } else {
                    this.pendingDeletes.push(old);
                }
                return { ...base, op: "replace", id: "", outputs: rechecked.inputs, ...replaceInfo };
            }
            return {
                apply: async () => {
                    if (deleteBeforeReplace) {
                        const deleted = await this.deleteOne(old);
                        this.deletedFirst.push(deleted);
                        if (deleted.error !== undefined) {
                            throw new Error(deleted.error);
                        }
                    } else {
                        this.pendingDeletes.push(old);
                    }
                    return { ...base, op: "replace", ...(await create(rechecked.inputs)), ...replaceInfo };
                },
            };
        }
        if (!changed) {
            if (!this.preview) {
                save(old.id, checked.inputs, old.outputs);
            }
            return { ...base, op: "same", id: old.id, outputs: old.outputs };
        }
        if (this.preview) {
            return { ...base, op: "update", id: old.id, outputs: checked.inputs };
        }
        const update = async (): Promise<Step> => {
            let updated: PropertyMap;
            try {
                updated = await provider.update(urn, old.id, send(old.outputs), send(checked.inputs), send(old.inputs));
            } catch (err) {
                // As for create: a partial failure's properties become the state, so the next `up` retries the rest.
                if (err instanceof ProviderCallError && err.initFailure !== undefined) {
                    save(old.id, checked.inputs, finalOutputs(err.initFailure.properties, checked.inputs));
                }
                throw err;
            }
            const outputs = finalOutputs(updated, checked.inputs);
            save(old.id, checked.inputs, outputs);
            return { ...base, op: "update", id: old.id, outputs };
        };
        return { apply: update };
    }

    private async deleteInReverseDependencyOrder(condemned: ResourceState[]): Promise<StepResult[]> {
        const done = new Map<ResourceState, Promise<StepResult>>();
        const run = (resource: ResourceState): Promise<StepResult> => {
            let promise = done.get(resource);
            if (promise === undefined) {
                const dependents = condemned.filter((r) => r !== resource && r.dependencies.includes(resource.urn));
                promise = Promise.all(dependents.map(run)).then(() => this.limit(() => this.deleteOne(resource)));
                done.set(resource, promise);
            }
            return promise;
        };
        return Promise.all(condemned.map(run));
    }

    private async deleteOne(resource: ResourceState): Promise<StepResult> {
        const started = performance.now();
        const base = {
            urn: resource.urn,
            type: resource.type,
            op: "delete" as const,
            id: resource.id,
            outputs: {},
            failures: [],
        };
        if (this.preview) {
            return { ...base, durationMs: performance.now() - started };
        }
        try {
            const { provider, acceptSecrets } = await this.session.providerFor(resource.type);
            const send = acceptSecrets ? <T>(v: T) => v : stripSecrets;
            await provider.delete(resource.urn, resource.id, send(resource.outputs), send(resource.inputs));
            if (this.state.get(resource.urn) === resource) {
                this.state.delete(resource.urn);
            }
            return { ...base, durationMs: performance.now() - started };
        } catch (err) {
            this.failed = true;
            return { ...base, ...errorOf(err), durationMs: performance.now() - started };
        }
    }
}

type Step = Omit<StepResult, "durationMs">;

/** What planning decided: the step itself, or the write that makes it (run with up to `parallel` others). */
type Planned = Step | { apply: () => Promise<Step> };

function errorOf(err: unknown): { error: string } {
    return { error: err instanceof Error ? err.message : String(err) };
}

function deepEqual(a: unknown, b: unknown): boolean {
    if (a === b) {
        return true;
    }
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
        return false;
    }
    if (Array.isArray(a) !== Array.isArray(b)) {
        return false;
    }
    const aKeys = Object.keys(a);
    const bKeys = Object.keys(b);
    return (
        aKeys.length === bKeys.length &&
        aKeys.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
}
