import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type EngineEvent, LocalWorkspace, PulumiCommand } from "@pulumi/pulumi/automation";
import type { PulumiCli } from "../../harness/pulumiCli";
import { contactCenterOnExistingAws } from "../stack/program";
import type { DemoTarget, DeploymentOutcome } from "./deploymentOutcome";
import type { DeploymentRow } from "./deploymentTable";

/**
 * The real engine: `pulumi up` of the Genesys side through the Automation API (an inline program, which needs no
 * language host), with a local file backend and passphrase secrets in a temporary directory, then `pulumi preview`
 * of the unchanged program, which must show no changes. The AWS side is not deployed: the program takes its names
 * and ARNs from the stack config (`target.config`), as when another stack owns them. The engine starts the
 * dynamic-provider host in the project directory, where `@pulumi/pulumi` and `genesys-pulumi` resolve; credentials
 * reach the provider through the environment fallbacks. Nothing is written to the project's stack files.
 */
export async function deployWithCli(target: DemoTarget, cli: PulumiCli): Promise<DeploymentOutcome> {
    const scratch = mkdtempSync(join(tmpdir(), "genesys-demo-"));
    const backend = join(scratch, "state");
    const workDir = join(scratch, "workspace");
    mkdirSync(backend);
    mkdirSync(workDir);
    try {
        const stack = await LocalWorkspace.createOrSelectStack(
            { stackName: target.stack, projectName: target.project, program: async () => contactCenterOnExistingAws() },
            {
                workDir,
                projectSettings: { name: target.project, runtime: "nodejs", main: target.projectDir },
                envVars: {
                    PULUMI_BACKEND_URL: `file://${backend}`,
                    PULUMI_CONFIG_PASSPHRASE: "genesys-pulumi-demo",
                    PULUMI_SKIP_UPDATE_CHECK: "true",
                    PULUMI_HOME: join(scratch, "pulumi-home"),
                    GENESYSCLOUD_OAUTHCLIENT_ID: target.clientId,
                    GENESYSCLOUD_OAUTHCLIENT_SECRET: target.clientSecret,
                    ...target.providerEnv,
                },
                pulumiCommand: await PulumiCommand.get({ root: cli.root, skipVersionCheck: true }),
            },
        );
        await stack.setAllConfig({
            ...Object.fromEntries(
                Object.entries(target.config).map(([key, value]) => [
                    key,
                    { value, secret: target.secretKeys.includes(key) },
                ]),
            ),
            "genesys:apiUrl": { value: target.apiUrl },
        });
        const started = new Map<string, number>();
        const rows: DeploymentRow[] = [];
        const onEvent = (event: EngineEvent) => {
            const pre = event.resourcePreEvent?.metadata;
            if (pre) started.set(pre.urn, Date.now());
            const done = event.resOutputsEvent?.metadata;
            if (done && !done.type.startsWith("pulumi:")) {
                rows.push({
                    resource: done.urn.split("::").pop() ?? done.urn,
                    type: done.type,
                    id: String(done.new?.id ?? ""),
                    operation: done.op,
                    durationMs: Date.now() - (started.get(done.urn) ?? Date.now()),
                });
            }
        };
        const up = await stack.up({ onEvent });
        const preview = await stack.preview();
        const changes = Object.entries(preview.changeSummary)
            .filter(([op]) => op !== "same")
            .reduce((sum, [, count]) => sum + (count ?? 0), 0);
        return {
            rows,
            outputs: Object.fromEntries(
                Object.entries(up.outputs).map(([key, output]) => [key, output.secret ? "[secret]" : output.value]),
            ),
            changesOnSecondPreview: changes,
        };
    } finally {
        rmSync(scratch, { recursive: true, force: true });
    }
}
