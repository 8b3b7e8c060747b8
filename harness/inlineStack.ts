// A stack the real Pulumi engine deploys from an inline program (Automation API; no language host needed), with a
// local file backend and passphrase secrets in a temporary directory: what the demo and the bench run.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalWorkspace, PulumiCommand, type PulumiFn, type Stack } from "@pulumi/pulumi/automation";
import { findRepoRoot } from "./consumerProject";
import type { PulumiCli } from "./pulumiCli";

export interface InlineStackOptions {
    cli: PulumiCli;
    project: string;
    stack: string;
    program: PulumiFn;
    /**
     * The program's directory, where the engine starts the dynamic-provider host: `@pulumi/pulumi` and
     * `genesys-pulumi` must resolve from it, and relative paths in inputs are read from it. This repository by default.
     */
    programDir?: string;
    /** Environment of the CLI, hence of the provider process. */
    env?: Record<string, string>;
}

export interface InlineStack {
    readonly stack: Stack;
    /** Removes the state, the workspace and the CLI's home (the stack's objects on the platform stay). */
    remove(): void;
}

export async function createInlineStack(options: InlineStackOptions): Promise<InlineStack> {
    const scratch = mkdtempSync(join(tmpdir(), `${options.project}-`));
    const backend = join(scratch, "state");
    const workDir = join(scratch, "workspace");
    mkdirSync(backend);
    mkdirSync(workDir);
    try {
        const stack = await LocalWorkspace.createOrSelectStack(
            { stackName: options.stack, projectName: options.project, program: options.program },
            {
                workDir,
                projectSettings: {
                    name: options.project,
                    runtime: "nodejs",
                    main: options.programDir ?? findRepoRoot(),
                },
                envVars: {
                    PULUMI_BACKEND_URL: `file://${backend}`,
                    PULUMI_CONFIG_PASSPHRASE: `${options.project}-passphrase`,
                    PULUMI_SKIP_UPDATE_CHECK: "true",
                    PULUMI_HOME: join(scratch, "pulumi-home"),
                    ...options.env,
                },
                pulumiCommand: await PulumiCommand.get({ root: options.cli.root, skipVersionCheck: true }),
            },
        );
        return { stack, remove: () => rmSync(scratch, { recursive: true, force: true }) };
    } catch (err) {
        rmSync(scratch, { recursive: true, force: true });
        throw err;
    }
}
