/**
 * A stack deployed the way `pulumi up` deploys it, minus the CLI: the program runs under Pulumi's mocks, every
 * Genesys resource goes through the real dynamic-provider host (driven over gRPC by the harness engine), and the
 * platform is the embedded emulator. Tests use it to exercise a resource kind end to end.
 */
import { createConsumerProject, type ConsumerProject } from "./harness/consumerProject";
import { Engine } from "./harness/engine";
import { runProgram, type ProgramRun } from "./harness/mockProgram";
import { makeSecret, type PropertyMap } from "./harness/secrets";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startEmulator, type EmulatorOptions, type RunningEmulator } from "../emulator";
import { call, tokenFor } from "../emulator/testClient";

export interface EmulatedStack {
    emulator: RunningEmulator;
    engine: Engine;
    project: ConsumerProject;
    /** `pulumi up` (or `pulumi preview` with `{ preview: true }`) of the program. */
    run(program: () => unknown, options?: { preview?: boolean }): Promise<ProgramRun>;
    /** What the platform holds, read straight from the emulator's API. */
    platform: { get(path: string): Promise<{ status: number; body: any }>; put(path: string, body: unknown): Promise<{ status: number; body: any }>; remove(path: string): Promise<number> };
    stop(): Promise<void>;
}

export interface EmulatedStackOptions {
    emulator?: EmulatorOptions;
    /** Stack config on top of the emulator's URL and default client; a key set to undefined is left out. */
    config?: PropertyMap;
    stack?: string;
    /** Environment of the dynamic-provider host (e.g. GENESYSCLOUD_* fallbacks, AWS endpoints). */
    hostEnv?: Record<string, string>;
}

export async function startEmulatedStack(options: EmulatedStackOptions = {}): Promise<EmulatedStack> {
    const emulator = await startEmulator({ port: 0, ...options.emulator });
    const project = createConsumerProject();
    const engine = new Engine({
        consumerDir: project.dir,
        project: "genesys-contact-center",
        stack: options.stack ?? "test",
        config: withoutUndefined({
            "genesys:apiUrl": emulator.url,
            "genesys:clientId": DEFAULT_CLIENT_ID,
            "genesys:clientSecret": makeSecret(DEFAULT_CLIENT_SECRET),
            ...options.config,
        }),
        hostEnv: options.hostEnv,
    });
    let token: string | undefined;
    const authorized = async () => (token ??= await tokenFor(emulator.url));
    return {
        emulator,
        engine,
        project,
        run: (program, runOptions = {}) => runProgram(program, { backend: { kind: "engine", engine }, preview: runOptions.preview }),
        platform: {
            get: async (path) => call(emulator.url, await authorized(), "GET", path),
            put: async (path, body) => call(emulator.url, await authorized(), "PUT", path, body),
            remove: async (path) => (await call(emulator.url, await authorized(), "DELETE", path)).status,
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
