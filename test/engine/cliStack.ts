/**
 * A stack deployed by the real Pulumi CLI: Automation API inline programs (the Node.js language host cannot be built
 * here, and an inline program needs none), a local file backend and passphrase secrets in a temporary directory, no
 * network, and the embedded emulator as the platform. The engine, its plan, diff, state and secrets handling are the
 * real ones; the engine starts the real dynamic-provider host through `pulumi-resource-pulumi-nodejs`.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import {
    type ConfigMap,
    type EngineEvent,
    LocalWorkspace,
    type OutputMap,
    PulumiCommand,
    type PulumiFn,
    type Stack,
    type StepEventMetadata,
} from "@pulumi/pulumi/automation";
import { after, before } from "node:test";
import {
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    type EmulatorOptions,
    type RunningEmulator,
    startEmulator,
} from "../../emulator";
import { createConsumerProject, type ConsumerProject } from "../../harness/consumerProject";
import { platformPaths } from "../platformInventory";
import { platformView, type PlatformView } from "../platformView";
import type { PulumiCli } from "./pulumiCli";

const run = promisify(execFile);

export const PASSPHRASE = "genesys-pulumi-engine-tests";

/** One resource step the engine reported (a preview's planned step, or an update's executed one). */
export interface CliStep {
    /** The resource's name (the URN's last part). */
    name: string;
    /** `genesys:RecordingPolicy` for our resources. */
    type: string;
    op: string;
    /** Whether the resource has a new state (a refresh of an object deleted outside Pulumi has none). */
    hasNew: boolean;
    /** The new state's inputs and outputs as events carry them (secrets hidden); a preview plans inputs only. */
    newInputs?: Record<string, unknown>;
    newOutputs?: Record<string, unknown>;
}

export interface CliRun {
    /** The command exited 0. */
    ok: boolean;
    /** Everything the CLI printed (stdout and stderr), as a user sees it. */
    output: string;
    /** The steps as the engine announced them (a preview's are all it plans). */
    steps: CliStep[];
    /** The steps as they ended: a refresh reports `update` for drift, `delete` for an object gone, `same` otherwise. */
    results: CliStep[];
    /** Names of the resources whose step failed. */
    failed: string[];
    /** The engine's diagnostics (errors, warnings), with the resource they concern. */
    diagnostics: { name?: string; severity: string; message: string }[];
    /** Operations counted by the summary, e.g. `{ create: 2, same: 1 }`. */
    changes: Record<string, number>;
    outputs: OutputMap;
}

export interface CliStackOptions {
    cli: PulumiCli;
    emulator: RunningEmulator;
    stackName?: string;
    projectName?: string;
    /** Stack config beside the emulator's URL and default client (a `secret: true` value is encrypted). */
    config?: ConfigMap;
    /** Environment of the CLI, hence of the provider process. */
    env?: Record<string, string>;
    /**
     * The package the program's `@pulumi/pulumi` resolves to, whose dynamic-provider host the engine starts (default
     * the pinned one; `pulumi-host-floor` is the lowest the peer range allows).
     */
    hostPackage?: string;
}

export interface CliStack {
    readonly name: string;
    readonly stack: Stack;
    readonly project: ConsumerProject;
    readonly platform: PlatformView;
    preview(
        program: PulumiFn,
        options?: { expectNoChanges?: boolean; plan?: string; parallel?: number },
    ): Promise<CliRun>;
    up(program: PulumiFn, options?: { plan?: string; parallel?: number; expectNoChanges?: boolean }): Promise<CliRun>;
    /** `program` runs it (`--run-program`): the provider is configured from today's stack config, not the state's. */
    refresh(options?: { expectNoChanges?: boolean; program?: PulumiFn }): Promise<CliRun>;
    destroy(options?: { program?: PulumiFn; parallel?: number }): Promise<CliRun>;
    /** Runs the CLI on this stack with any arguments (e.g. `stack export --show-secrets`); never throws. */
    cli(args: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }>;
    /** The backend's state file of the stack, as it is on disk. */
    stateFile(): string;
    /** The stack's resources in the state (`pulumi stack export`), without the stack and provider resources. */
    resources(): Promise<StateResource[]>;
    /** The resource of that name the state holds (not one pending deletion); the test fails without one. */
    stated(name: string): Promise<StateResource>;
    /** The platform paths of every object the state holds, sorted, to compare with the platform's inventory. */
    held(): Promise<string[]>;
    /** Removes the stack's temporary directory (the emulator is the caller's). */
    remove(): void;
}

export interface StateResource {
    name: string;
    type: string;
    id: string;
    inputs: Record<string, any>;
    outputs: Record<string, any>;
    initErrors?: string[];
    delete?: boolean;
    pendingReplacement?: boolean;
}

export async function startCliStack(options: CliStackOptions): Promise<CliStack> {
    const name = options.stackName ?? "test";
    const projectName = options.projectName ?? "genesys-engine-tests";
    // The engine starts provider plugins in the program's directory (`main`), where the launcher resolves
    // `@pulumi/pulumi` and the host resolves `genesys-pulumi`: a user's project after `npm install`.
    const project = createConsumerProject();
    const hostPackage = options.hostPackage ?? "@pulumi/pulumi";
    const pulumiPackage = dirname(require.resolve(`${hostPackage}/package.json`, { paths: [project.repoRoot] }));
    mkdirSync(join(project.dir, "node_modules", "@pulumi"));
    symlinkSync(pulumiPackage, join(project.dir, "node_modules", "@pulumi", "pulumi"), "dir");
    const backend = join(project.dir, ".state");
    mkdirSync(backend);
    const env: Record<string, string> = {
        PULUMI_BACKEND_URL: `file://${backend}`,
        PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_HOME: join(project.dir, ".pulumi-home"),
        ...options.env,
    };
    const pulumiCommand = await PulumiCommand.get({ root: options.cli.root, skipVersionCheck: true });
    const stack = await LocalWorkspace.createOrSelectStack(
        { stackName: name, projectName, program: async () => undefined },
        {
            workDir: project.dir,
            projectSettings: { name: projectName, runtime: "nodejs", main: project.dir },
            envVars: env,
            pulumiCommand,
        },
    );
    await stack.setAllConfig({
        "genesys:apiUrl": { value: options.emulator.url },
        "genesys:clientId": { value: DEFAULT_CLIENT_ID },
        "genesys:clientSecret": { value: DEFAULT_CLIENT_SECRET, secret: true },
        "genesys:auditDir": { value: join(project.dir, ".genesys-audit") },
        ...options.config,
    });

    // Automation API runs the workspace's program for `refresh` and `destroy` (theirs take none of their own).
    const workspace = stack.workspace as LocalWorkspace;
    const withProgram = async <T>(program: PulumiFn | undefined, operation: () => Promise<T>): Promise<T> => {
        const idle = workspace.program;
        workspace.program = program ?? idle;
        try {
            return await operation();
        } finally {
            workspace.program = idle;
        }
    };

    const observed = async (
        operation: (
            onEvent: (event: EngineEvent) => void,
        ) => Promise<{ stdout: string; stderr: string; outputs?: OutputMap }>,
    ): Promise<CliRun> => {
        const events: EngineEvent[] = [];
        try {
            const result = await operation((event) => events.push(event));
            return summarize(true, `${result.stdout}\n${result.stderr}`, events, result.outputs ?? {});
        } catch (err) {
            return summarize(false, commandOutput(err), events, {});
        }
    };

    const resources = async (): Promise<StateResource[]> => {
        const deployment = await stack.exportStack();
        return ((deployment.deployment.resources ?? []) as any[])
            .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"))
            .map((r) => ({
                name: String(r.urn).split("::").pop() as string,
                type: r.type,
                id: r.id,
                inputs: r.inputs ?? {},
                outputs: r.outputs ?? {},
                initErrors: r.initErrors,
                delete: r.delete,
                pendingReplacement: r.pendingReplacement,
            }));
    };
    return {
        name,
        stack,
        project,
        platform: platformView(() => options.emulator.url),
        preview: (program, opts = {}) =>
            observed((onEvent) => stack.preview({ ...opts, program, onEvent, diff: true })),
        up: (program, opts = {}) => observed((onEvent) => stack.up({ ...opts, program, onEvent, diff: true })),
        refresh: ({ program, ...opts } = {}) =>
            observed((onEvent) =>
                withProgram(program, () => stack.refresh({ ...opts, onEvent, runProgram: !!program })),
            ),
        destroy: ({ program, ...opts } = {}) =>
            observed((onEvent) =>
                withProgram(program, () => stack.destroy({ ...opts, onEvent, runProgram: !!program })),
            ),
        async cli(args) {
            try {
                const { stdout, stderr } = await run(
                    pulumiCommand.command,
                    [...args, "--stack", name, "--non-interactive"],
                    {
                        cwd: project.dir,
                        env: { ...process.env, ...env },
                        maxBuffer: 64 * 1024 * 1024,
                    },
                );
                return { ok: true, stdout, stderr };
            } catch (err) {
                const failed = err as { stdout?: string; stderr?: string };
                return { ok: false, stdout: failed.stdout ?? "", stderr: failed.stderr ?? String(err) };
            }
        },
        stateFile: () => readFileSync(join(backend, ".pulumi", "stacks", projectName, `${name}.json`), "utf8"),
        resources,
        async stated(name) {
            const found = (await resources()).find((r) => r.name === name && !r.delete);
            assert.ok(found, `${name} is in the state`);
            return found;
        },
        async held() {
            return (await resources()).flatMap(platformPaths).sort();
        },
        remove: () => project.cleanup(),
    };
}

/** The sorted names of the resources whose step is `op`. */
export const namesWith = (op: string, steps: CliStep[]) =>
    steps
        .filter((s) => s.op === op)
        .map((s) => s.name)
        .sort();

/**
 * An emulator and a stack on it for one suite: started before its tests, removed after them. Read the fields inside
 * tests and hooks (they are set once `before` has run).
 */
export function cliStackPerSuite(
    cli: PulumiCli,
    options: { emulator?: EmulatorOptions } & Omit<CliStackOptions, "cli" | "emulator"> = {},
): { emulator: RunningEmulator; stack: CliStack } {
    const { emulator: emulatorOptions, ...stackOptions } = options;
    const suite = {} as { emulator: RunningEmulator; stack: CliStack };
    before(async () => {
        suite.emulator = await startEmulator({ port: 0, ...emulatorOptions });
        suite.stack = await startCliStack({ ...stackOptions, cli, emulator: suite.emulator });
    });
    after(async () => {
        suite.stack?.remove();
        await suite.emulator?.stop();
    });
    return suite;
}

function summarize(ok: boolean, output: string, events: EngineEvent[], outputs: OutputMap): CliRun {
    const nameOf = (urn: string) => urn.split("::").pop() as string;
    const steps: CliStep[] = [];
    const failed: string[] = [];
    const diagnostics: CliRun["diagnostics"] = [];
    let changes: Record<string, number> = {};
    const results: CliStep[] = [];
    const stepOf = (metadata: StepEventMetadata): CliStep => ({
        name: nameOf(metadata.urn),
        type: metadata.type.replace("pulumi-nodejs:dynamic/", ""),
        op: metadata.op,
        hasNew: metadata.new !== undefined,
        newInputs: metadata.new?.inputs,
        newOutputs: metadata.new?.outputs,
    });
    for (const event of events) {
        const pre = event.resourcePreEvent?.metadata;
        if (pre && !pre.type.startsWith("pulumi:")) steps.push(stepOf(pre));
        const done = event.resOutputsEvent?.metadata;
        if (done && !done.type.startsWith("pulumi:")) results.push(stepOf(done));
        const failure = event.resOpFailedEvent?.metadata;
        if (failure) failed.push(nameOf(failure.urn));
        const diagnostic = event.diagnosticEvent;
        if (diagnostic) {
            diagnostics.push({
                name: diagnostic.urn ? nameOf(diagnostic.urn) : undefined,
                severity: diagnostic.severity,
                message: diagnostic.message,
            });
        }
        const summary = event.summaryEvent;
        if (summary) changes = summary.resourceChanges as Record<string, number>;
    }
    return { ok, output, steps, results, failed, diagnostics, changes, outputs };
}

/** What a failed command printed: Automation API wraps it in a CommandError holding the process's result. */
function commandOutput(err: unknown): string {
    const result = (
        err as { commandResult?: { stdout?: string; stderr?: string; err?: { stdout?: string; stderr?: string } } }
    ).commandResult;
    if (!result) return String(err);
    return [result.err?.stdout ?? result.stdout, result.err?.stderr ?? result.stderr].filter(Boolean).join("\n");
}
