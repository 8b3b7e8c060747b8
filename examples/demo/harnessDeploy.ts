import type { S3Double } from "../../test/s3Double";
import { Engine } from "../../harness/engine";
import { runProgram } from "../../harness/mockProgram";
import { makeSecret, type PropertyMap } from "../../harness/secrets";
import { contactCenter } from "../stack/program";
import type { DemoTarget, DeploymentOutcome } from "./deploymentOutcome";
import { simulatedAws } from "./simulatedAws";

/**
 * Deploys the example program without the Pulumi CLI: the program runs under Pulumi's mocks, every Genesys
 * resource goes through the real dynamic-provider host driven over gRPC as the engine drives it, and AWS
 * resources are simulated (buckets in an S3 double, so the storage target's pre-flight is real). Then a
 * preview of the unchanged program, which must show no changes.
 */
export async function deployThroughHarness(target: DemoTarget, s3: S3Double): Promise<DeploymentOutcome> {
    const config: PropertyMap = {
        ...Object.fromEntries(
            Object.entries(target.config).map(([key, value]) => [
                key,
                target.secretKeys.includes(key) ? makeSecret(value) : value,
            ]),
        ),
        "genesys:apiUrl": target.apiUrl,
        "genesys:clientId": target.clientId,
        "genesys:clientSecret": makeSecret(target.clientSecret),
    };
    const engine = new Engine({
        consumerDir: target.projectDir,
        project: target.project,
        stack: target.stack,
        config,
        simulate: simulatedAws(s3),
        hostEnv: target.providerEnv,
    });
    const up = await runProgram(() => contactCenter(), { backend: { kind: "engine", engine } });
    const preview = await runProgram(() => contactCenter(), { backend: { kind: "engine", engine }, preview: true });
    return {
        rows: up.steps.map((step) => ({
            resource: step.urn.split("::").pop() ?? step.urn,
            type: step.type,
            id: step.id,
            operation: step.op,
            durationMs: step.durationMs,
        })),
        outputs: up.exports,
        changesOnSecondPreview: preview.steps.filter((step) => step.op !== "same").length,
    };
}
