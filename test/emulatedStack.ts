/**
 * A stack deployed the way `pulumi up` deploys it, minus the CLI: the program runs under Pulumi's mocks, every
 * Genesys resource goes through the real dynamic-provider host (driven over gRPC by the harness engine), and the
 * platform is the embedded emulator. Tests use it to exercise a resource kind end to end.
 */
import { join } from "node:path";
import { createConsumerProject, type ConsumerProject } from "../harness/consumerProject";
import { Engine, type EngineOptions } from "../harness/engine";
import { runProgram, type ProgramRun } from "../harness/mockProgram";
import { makeSecret, type PropertyMap } from "../harness/secrets";
import {
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    startEmulator,
    type EmulatorOptions,
    type RunningEmulator,
} from "../emulator";
import { platformView, type PlatformView } from "./platformView";

export interface EmulatedStack {
    emulator: RunningEmulator;
    engine: Engine;
    project: ConsumerProject;
    /** `pulumi up` (or `pulumi preview` with `{ preview: true }`) of the program. */
    run(program: () => unknown, options?: { preview?: boolean }): Promise<ProgramRun>;
    /** What the platform holds, read straight from the emulator's API. */
    platform: PlatformView;
    /** Stops the emulator and starts it again on the same port and options (with `dataDir`, the state survives). */
    restartEmulator(): Promise<void>;
    stop(): Promise<void>;
}

export interface EmulatedStackOptions {
    emulator?: EmulatorOptions;
    /** Stack config on top of the emulator's URL and default client; a key set to undefined is left out. */
    config?: PropertyMap;
    stack?: string;
    /** The project's name (default `genesys-contact-center`): with the stack, it seeds auto-generated names. */
    project?: string;
    /** Environment of the dynamic-provider host (e.g. GENESYSCLOUD_* fallbacks, AWS endpoints). */
    hostEnv?: Record<string, string>;
    /** How the engine starts the dynamic-provider host (default: the real host process per operation). */
    startHost?: EngineOptions["startHost"];
}

export async function startEmulatedStack(options: EmulatedStackOptions = {}): Promise<EmulatedStack> {
    let emulator = await startEmulator({ port: 0, ...options.emulator });
    const project = createConsumerProject();
    const engine = new Engine({
        consumerDir: project.dir,
        project: options.project ?? "genesys-contact-center",
        stack: options.stack ?? "test",
        config: withoutUndefined({
            "genesys:apiUrl": emulator.url,
            "genesys:clientId": DEFAULT_CLIENT_ID,
            "genesys:clientSecret": makeSecret(DEFAULT_CLIENT_SECRET),
            // In the consumer project, which is removed with it, wherever the provider runs.
            "genesys:auditDir": join(project.dir, ".genesys-audit"),
            ...options.config,
        }),
        hostEnv: options.hostEnv,
        startHost: options.startHost,
    });
    return {
        get emulator() {
            return emulator;
        },
        engine,
        project,
        run: (program, runOptions = {}) =>
            runProgram(program, { backend: { kind: "engine", engine }, preview: runOptions.preview }),
        platform: platformView(() => emulator.url),
        async restartEmulator() {
            await emulator.stop();
            emulator = await startEmulator({ ...options.emulator, port: emulator.port });
        },
        async stop() {
            await emulator.stop();
            project.cleanup();
        },
    };
}

function withoutUndefined(map: PropertyMap): PropertyMap {
    return Object.fromEntries(Object.entries(map).filter(([, value]) => value !== undefined));
}
