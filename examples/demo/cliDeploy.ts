import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalWorkspace, type EngineEvent } from "@pulumi/pulumi/automation";
import type { DeploymentRow } from "./deploymentTable";
import type { DemoTarget, DeploymentOutcome } from "./deploymentOutcome";

export function pulumiCliAvailable(): boolean {
    return spawnSync("pulumi", ["version"], { stdio: "ignore" }).status === 0;
}

/**
 * The real thing: `pulumi up` through the Automation API, with a local file backend in a temporary directory
 * and a passphrase secrets provider, then `pulumi preview`, which must show no changes. Credentials reach the
 * provider through the environment fallbacks; the run-time config (the emulator's URL, a replay date, the
 * webhook secret) is set with `pulumi config set` and the stack file is restored afterwards, as committed.
 */
export async function deployWithCli(target: DemoTarget): Promise<DeploymentOutcome> {
    const backendDir = mkdtempSync(join(tmpdir(), "genesys-demo-state-"));
    const stackFile = join(target.projectDir, `Pulumi.${target.stack}.yaml`);
    const committedStackFile = readFileSync(stackFile, "utf8");
    try {
        const stack = await LocalWorkspace.createOrSelectStack(
            { stackName: target.stack, workDir: target.projectDir },
            {
                envVars: {
                    PULUMI_BACKEND_URL: `file://${backendDir}`,
                    PULUMI_CONFIG_PASSPHRASE: "genesys-pulumi-demo",
                    GENESYSCLOUD_OAUTHCLIENT_ID: target.clientId,
                    GENESYSCLOUD_OAUTHCLIENT_SECRET: target.clientSecret,
                    ...target.providerEnv,
                },
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
            if (done && done.type !== "pulumi:pulumi:Stack") {
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
        writeFileSync(stackFile, committedStackFile);
        rmSync(backendDir, { recursive: true, force: true });
    }
}
