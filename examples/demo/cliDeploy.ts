import type { EngineEvent } from "@pulumi/pulumi/automation";
import { createInlineStack } from "../../harness/inlineStack";
import type { PulumiCli } from "../../harness/pulumiCli";
import { contactCenterOnExistingAws } from "../stack/program";
import type { DemoTarget, DeploymentOutcome } from "./deploymentOutcome";
import type { DeploymentRow } from "./deploymentTable";

/**
 * The real engine: `pulumi up` of the Genesys side through the Automation API (an inline program, which needs no
 * language host), with a local file backend and passphrase secrets in a temporary directory, then `pulumi preview`
 * of the unchanged program, which must show no changes. The AWS side is not deployed: the program takes its names
 * and ARNs from the stack config (`target.config`), as when another stack owns them. Credentials reach the provider
 * through the environment fallbacks. Nothing is written to the project's stack files.
 */
export async function deployWithCli(target: DemoTarget, cli: PulumiCli): Promise<DeploymentOutcome> {
    const { stack, remove } = await createInlineStack({
        cli,
        project: target.project,
        stack: target.stack,
        program: async () => contactCenterOnExistingAws(),
        programDir: target.projectDir,
        env: {
            GENESYSCLOUD_OAUTHCLIENT_ID: target.clientId,
            GENESYSCLOUD_OAUTHCLIENT_SECRET: target.clientSecret,
            ...target.providerEnv,
        },
    });
    try {
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
        remove();
    }
}
