// `npm run demo`: start the embedded emulator and deploy the example `dev` stack to it, through the real
// Pulumi CLI when one is on the PATH and through the engine-faithful harness otherwise.
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startEmulator } from "../../emulator";
import { startS3Double } from "../../test/s3Double";
import { deployWithCli, pulumiCliAvailable } from "./cliDeploy";
import { formatDeploymentTable } from "./deploymentTable";
import type { DemoTarget } from "./deploymentOutcome";
import { deployThroughHarness } from "./harnessDeploy";
import { readStackConfig } from "./stackConfig";

const PROJECT = "genesys-contact-center";
const STACK = "dev";

async function main(): Promise<number> {
    const withCli = pulumiCliAvailable();
    console.log(
        withCli
            ? "Pulumi CLI found: deploying the dev stack with `pulumi up` (Automation API, local file backend) to the embedded emulator."
            : "Pulumi CLI not found on the PATH: deploying the dev stack through the test harness instead (the real dynamic-provider host driven over gRPC as the engine drives it; AWS resources simulated) to the embedded emulator.",
    );
    const emulator = await startEmulator({ port: 0 });
    const s3 = await startS3Double();
    try {
        console.log(`Emulator: ${emulator.url}`);
        const projectDir = resolve(__dirname, "../../..");
        const target: DemoTarget = {
            projectDir,
            project: PROJECT,
            stack: STACK,
            apiUrl: emulator.url,
            clientId: DEFAULT_CLIENT_ID,
            clientSecret: DEFAULT_CLIENT_SECRET,
            config: {
                ...readStackConfig(projectDir, STACK),
                // Replay the last hour of events into the new stream.
                [`${PROJECT}:replayStartDate`]: new Date(Date.now() - 3_600_000).toISOString(),
                [`${PROJECT}:webhookSecret`]: randomBytes(24).toString("hex"),
            },
            secretKeys: [`${PROJECT}:webhookSecret`],
            providerEnv: {
                AWS_ENDPOINT_URL_S3: s3.url,
                AWS_ACCESS_KEY_ID: "demo-access-key",
                AWS_SECRET_ACCESS_KEY: "demo-secret-key",
                AWS_REGION: "us-east-1",
            },
        };
        const outcome = withCli ? await deployWithCli(target) : await deployThroughHarness(target, s3);
        console.log("");
        console.log(formatDeploymentTable(outcome.rows));
        console.log("");
        console.log("Stack outputs:");
        for (const [key, value] of Object.entries(outcome.outputs)) console.log(`  ${key}: ${JSON.stringify(value)}`);
        console.log("");
        if (outcome.changesOnSecondPreview > 0) {
            console.log(
                `A preview of the unchanged program shows ${outcome.changesOnSecondPreview} change(s): the deployment did not converge.`,
            );
            return 1;
        }
        console.log("A preview of the unchanged program shows no changes.");
        return 0;
    } finally {
        await Promise.all([emulator.stop(), s3.stop()]);
    }
}

main().then(
    (code) => process.exit(code),
    (err) => {
        console.error(err instanceof Error ? err.message : err);
        process.exit(1);
    },
);
