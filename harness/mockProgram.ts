// Runs a Pulumi program (an async function) in-process under `pulumi.runtime.setMocks` and collects every resource
// registration as the engine would receive it.
//
// Findings (SDK 3.248) this module relies on:
// - Mocks do see secret-ness: `MockResourceArgs.inputs` holds secrets as wrapped values. But that object went through
//   `deserializeProperties`, which lifts a nested secret up to the enclosing top-level property. The engine receives
//   the serialized RegisterResourceRequest instead, so the harness reads `req.getObject()` directly: secrets and
//   unknowns (the sentinel string, in preview) stay exactly where the program put them.
// - `MockResourceArgs` carries neither dependencies nor resource options, and the mock monitor ignores
//   `additionalSecretOutputs`; the harness therefore handles `registerResource` itself on the monitor instance that
//   `setMocks` installed (the only typed way to get the mock feature flags, e.g. supportsSecrets, set).
// - Resetting between runs: `setMocks` calls `resetOptions`, which drops the monitor, the stack resource, feature
//   flags and package refs; config lives elsewhere in the store and is replaced with `runtime.setAllConfig` on every
//   run. `runtime._reset` exists but is internal and only resets options, so it is not needed. Sequential runs in
//   one process are therefore fine; concurrent runs are not (the runtime state is process-global).
// - In-flight registrations are awaited with the SDK's internal `waitForRPCs` (not in its .d.ts), as its own
//   `disconnect()` does.
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Config as DynamicConfig } from "@pulumi/pulumi/cmd/dynamic-provider/config";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { specialResourceSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { Struct, type JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import requireFromString = require("require-from-string");
import type { Engine, StepResult } from "./engine";
import { isDynamicType, makeUrn } from "./providerProtocol";
import {
    annotateSecrets,
    isSecret,
    markSecretOutputs,
    secretKeys,
    stripSecrets,
    unwrapSecret,
    type PropertyMap,
} from "./secrets";
import { defaultSimulate, type SimulateFn } from "./simulatedResources";

const settingsInternals = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };
const debuggableInternals = require("@pulumi/pulumi/runtime/debuggable") as { leakedPromises(): unknown };

const stackType = "pulumi:pulumi:Stack";

/** The answer to a registration the engine never planned, as an earlier step failed: not an error of its own. */
const notPlanned = new Error("not planned: an earlier step failed");

export interface Registration {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    parent: string;
    /** As sent to the engine: secrets wrapped where the program marked them, unknowns as the sentinel string. */
    inputs: PropertyMap;
    /** Top-level input names that are or contain secrets. */
    secretInputs: string[];
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    additionalSecretOutputs: string[];
    deleteBeforeReplace?: boolean;
}

export type ProgramBackend =
    /** Dynamic providers run in this process, deserialized as the host would from the consumer project. */
    | { kind: "inProcess"; consumerDir: string; simulate?: SimulateFn }
    /** Every custom resource goes through the engine (dynamic ones to the real host), with state kept there. */
    | { kind: "engine"; engine: Engine };

export interface RunProgramOptions {
    backend: ProgramBackend;
    preview?: boolean;
    /** Stack config, namespaced keys, secrets wrapped. Defaults to the engine's config for the engine backend. */
    config?: PropertyMap;
    project?: string;
    stack?: string;
    /** Answers invokes (e.g. `aws.getCallerIdentity`); by default an invoke fails naming its token. */
    call?: (args: pulumi.runtime.MockCallArgs) => Record<string, unknown>;
}

export interface ProgramRun {
    registrations: Registration[];
    /** The stack's exports as the engine stores them: secrets wrapped. */
    exports: PropertyMap;
    /** Engine backend: one step per custom resource, then any deletes. In-process: empty. */
    steps: StepResult[];
}

interface RegisterOutcome {
    id?: string;
    state: PropertyMap;
}

export async function runProgram(program: () => unknown, options: RunProgramOptions): Promise<ProgramRun> {
    const { backend } = options;
    const preview = options.preview ?? false;
    const project = backend.kind === "engine" ? backend.engine.project : (options.project ?? "project");
    const stack = backend.kind === "engine" ? backend.engine.stack : (options.stack ?? "stack");
    const config = options.config ?? (backend.kind === "engine" ? backend.engine.config : {});

    await pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                throw new Error(`resource reads are not supported by the harness (${args.type} ${args.name})`);
            },
            call: (args) => {
                if (options.call === undefined) {
                    throw new Error(`invoke ${args.token} is not simulated; pass runProgram({ call })`);
                }
                return options.call(args);
            },
        },
        project,
        stack,
        preview,
    );
    pulumi.runtime.setAllConfig(
        programConfig(config),
        Object.keys(config).filter((k) => isSecret(config[k])),
    );

    const registrations: Registration[] = [];
    const steps: StepResult[] = [];
    const errors: string[] = [];
    // The first error ends the run, as the engine does: a resource that depended on a failed one never settles its
    // outputs (the SDK rejects its registration without resolving them), so the stack's own outputs never resolve and
    // waiting for the program would hang. The real language host simply exits once the engine stops answering.
    let programFailed!: () => void;
    const failure = new Promise<void>((resolve) => (programFailed = resolve));
    const fail = (message: string) => {
        if (message.includes(notPlanned.message)) {
            return; // the SDK's rejection of a registration never planned, not a failure of its own
        }
        errors.push(message);
        programFailed();
    };
    const inFlight = new Set<Promise<unknown>>();
    let exports: PropertyMap = {};
    const deployment = backend.kind === "engine" ? backend.engine.startDeployment({ preview }) : undefined;
    const inProcess =
        backend.kind === "inProcess"
            ? new InProcessResources(backend.consumerDir, backend.simulate ?? defaultSimulate, config, project, preview)
            : undefined;

    const register = async (registration: Registration): Promise<RegisterOutcome> => {
        if (!registration.custom) {
            return { state: {} };
        }
        const inputs = downgradeResourceReferences(registration.inputs) as PropertyMap;
        if (deployment !== undefined) {
            const step = await deployment.register({
                type: registration.type,
                name: registration.name,
                urn: registration.urn,
                inputs,
                dependsOn: registration.dependencies,
                deleteBeforeReplace: registration.deleteBeforeReplace,
                additionalSecretOutputs: registration.additionalSecretOutputs,
            });
            if (step === undefined) {
                throw notPlanned;
            }
            steps.push(step);
            if (step.error !== undefined) {
                throw new Error(step.error);
            }
            return { id: step.id || undefined, state: step.outputs };
        }
        return (inProcess as InProcessResources).register({ ...registration, inputs });
    };

    const installed = pulumi.runtime.getMonitor();
    if (!(installed instanceof MockMonitor)) {
        throw new Error("runProgram: setMocks did not install a MockMonitor; is a second @pulumi/pulumi loaded?");
    }
    const monitor: MockMonitor = installed;
    monitor.registerResource = async (req: resproto.RegisterResourceRequest, callback) => {
        try {
            const registration = toRegistration(req, stack, project);
            registrations.push(registration);
            const registering = register(registration);
            inFlight.add(registering);
            const outcome = await registering.finally(() => inFlight.delete(registering));
            monitor.resources.set(registration.urn, {
                urn: registration.urn,
                id: outcome.id ?? null,
                state: outcome.state,
            });
            const response = new resproto.RegisterResourceResponse();
            response.setUrn(registration.urn);
            response.setId(outcome.id ?? "");
            response.setObject(Struct.fromJavaScript(outcome.state as Record<string, JavaScriptValue>));
            callback(null, response);
        } catch (err) {
            if (err !== notPlanned) {
                fail(`${req.getType()} ${req.getName()}: ${err instanceof Error ? err.message : String(err)}`);
            }
            callback(err, undefined);
        }
    };
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req: resproto.RegisterResourceOutputsRequest, callback) => {
        if (req.getUrn() === makeUrn(stack, project, stackType, `${project}-${stack}`)) {
            exports = (req.getOutputs()?.toJavaScript() ?? {}) as PropertyMap;
        }
        registerOutputs(req, callback);
    };

    const stopCatching = catchProgramRejections((err) => fail(err instanceof Error ? err.message : String(err)));
    const completed = (async () => {
        await pulumi.runtime.runInPulumiStack(async () => program());
        await settingsInternals.waitForRPCs();
    })();
    try {
        await Promise.race([completed, failure]);
    } catch (err) {
        fail(err instanceof Error ? err.message : String(err));
    } finally {
        if (errors.length > 0) {
            completed.catch(() => undefined);
            // Steps already sent to the engine finish, as in a real deployment; then the rejections the failure sets
            // off inside the SDK (pure promise chains) are let through while this run still owns them.
            while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
            await new Promise((resolve) => setImmediate(resolve));
            // The failed resource's dependents never settle; the language host exits without reporting them as leaks
            // (it has logged the error), so they are dropped here rather than fail the test process at exit.
            debuggableInternals.leakedPromises();
        }
        if (deployment !== undefined) {
            steps.push(...(await deployment.finish()));
        }
        stopCatching();
    }
    if (errors.length > 0) {
        throw new Error(`program failed:\n${[...new Set(errors)].join("\n")}`);
    }
    return { registrations, exports, steps };
}

/**
 * A failed registration also rejects the resource's own output promises, which nobody awaits: the SDK relies on
 * the language host, which owns the process's `unhandledRejection` handling, to report them as program errors.
 * The harness plays that host for the duration of a run, then hands the process back to whoever owned it.
 */
function catchProgramRejections(onError: (err: unknown) => void): () => void {
    const previous = process.listeners("unhandledRejection");
    process.removeAllListeners("unhandledRejection");
    process.on("unhandledRejection", onError);
    return () => {
        process.removeListener("unhandledRejection", onError);
        for (const listener of previous) process.on("unhandledRejection", listener);
    };
}

/** The engine's URN rule: a parent's type qualifies the child's, except the root stack's. */
function toRegistration(req: resproto.RegisterResourceRequest, stack: string, project: string): Registration {
    const parent = req.getParent();
    let type = req.getType();
    if (parent !== "") {
        const parentType = parent.split("::")[2];
        if (parentType !== stackType) {
            type = `${parentType}$${type}`;
        }
    }
    const inputs = (req.getObject()?.toJavaScript() ?? {}) as PropertyMap;
    const propertyDependencies: Record<string, string[]> = {};
    for (const [key, deps] of req.getPropertydependenciesMap().entries()) {
        propertyDependencies[key] = deps.getUrnsList();
    }
    return {
        urn: makeUrn(stack, project, type, req.getName()),
        type: req.getType(),
        name: req.getName(),
        custom: req.getCustom(),
        parent,
        inputs,
        secretInputs: secretKeys(inputs),
        dependencies: req.getDependenciesList(),
        propertyDependencies,
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        ...(req.getDeletebeforereplacedefined() ? { deleteBeforeReplace: req.getDeletebeforereplace() } : {}),
    };
}

/** Providers that do not accept resource references (the dynamic host) receive the referenced id (or URN). */
function downgradeResourceReferences(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(downgradeResourceReferences);
    }
    if (typeof value === "object" && value !== null) {
        const map = value as PropertyMap;
        if (map[specialSigKey] === specialResourceSig) {
            return typeof map.id === "string" && map.id !== "" ? map.id : map.urn;
        }
        return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, downgradeResourceReferences(v)]));
    }
    return value;
}

/** pulumi.Config holds strings: secrets unwrapped (their keys listed separately), non-strings as JSON. */
function programConfig(config: PropertyMap): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) {
        const plain = unwrapSecret(value);
        result[key] = typeof plain === "string" ? plain : JSON.stringify(plain);
    }
    return result;
}

/**
 * The in-process backend: what the host does for a first `pulumi up` (Check with no olds, then Create), without a
 * subprocess. `__provider` is deserialized with require-from-string using the consumer project's module paths,
 * exactly the paths the host gets from its CWD, and each distinct provider is configured once, like in the host.
 */
class InProcessResources {
    private readonly providers = new Map<string, Promise<dynamic.ResourceProvider>>();

    constructor(
        private readonly consumerDir: string,
        private readonly simulate: SimulateFn,
        private readonly config: PropertyMap,
        private readonly project: string,
        private readonly preview: boolean,
    ) {}

    async register(registration: Registration): Promise<RegisterOutcome> {
        if (!isDynamicType(registration.type)) {
            if (this.preview) {
                return { state: registration.inputs };
            }
            const { id, outputs } = this.simulate(registration.type, registration.name, registration.inputs);
            return { id, state: markSecretOutputs(outputs, registration.additionalSecretOutputs) };
        }
        // The host answers Configure with acceptSecrets=false, so the engine strips secrets before every call.
        const news = stripSecrets(registration.inputs);
        const providerString = news.__provider;
        if (typeof providerString !== "string") {
            throw new Error(`${registration.urn}: dynamic resource without a serialized __provider input`);
        }
        const provider = await this.load(providerString);
        let checked: PropertyMap = news;
        if (provider.check) {
            const result = await provider.check({}, news);
            if (result.failures && result.failures.length > 0) {
                throw new Error(
                    `resource ${registration.urn} has check errors: ${result.failures
                        .map((f) => `${f.property}: ${f.reason}`)
                        .join("; ")}`,
                );
            }
            checked = { ...(result.inputs ?? news), __provider: providerString };
        }
        const inputs = annotateSecrets(checked, registration.inputs);
        if (this.preview) {
            return { state: inputs };
        }
        const created = await provider.create(stripSecrets(inputs));
        const outputs = annotateSecrets({ ...(created.outs ?? {}), __provider: providerString }, inputs);
        return { id: created.id, state: markSecretOutputs(outputs, registration.additionalSecretOutputs) };
    }

    private load(providerString: string): Promise<dynamic.ResourceProvider> {
        let provider = this.providers.get(providerString);
        if (provider === undefined) {
            provider = (async () => {
                const module = requireFromString(providerString, path.join(this.consumerDir, "__provider.js")) as {
                    handler(): dynamic.ResourceProvider;
                };
                const loaded = module.handler();
                if (loaded.configure) {
                    const raw = Object.fromEntries(Object.entries(this.config).map(([k, v]) => [k, unwrapSecret(v)]));
                    await loaded.configure({ config: new DynamicConfig(raw, this.project) });
                }
                return loaded;
            })();
            this.providers.set(providerString, provider);
        }
        return provider;
    }
}
