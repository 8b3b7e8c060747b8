// `npm run demo`: start the embedded emulator and deploy the example `dev` stack to it, through the real Pulumi
// engine when the pinned Pulumi CLI is found, and through the engine-faithful harness otherwise (or with `--harness`).
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startEmulator } from "../../emulator";
import { findPulumiCli } from "../../harness/pulumiCli";
import { startS3Double } from "../../test/s3Double";
import { EXISTING_AWS_KEYS } from "../stack/existingAws";
import { deployWithCli } from "./cliDeploy";
import type { DemoTarget } from "./deploymentOutcome";
import { formatDeploymentTable } from "./deploymentTable";
import { deployThroughHarness } from "./harnessDeploy";
import { readStackConfig } from "./stackConfig";

const PROJECT = "genesys-contact-center";
const STACK = "dev";
const REGION = "us-east-1";

/** The AWS side the real-engine run takes as existing, as if another stack owned it (dev: AES256, no KMS key). */
const EXISTING_AWS = {
    [EXISTING_AWS_KEYS.bucket]: "genesys-recordings-dev",
    [EXISTING_AWS_KEYS.bucketRegion]: REGION,
    [EXISTING_AWS_KEYS.eventBusArn]: `arn:aws:events:${REGION}:123456789012:event-bus/genesys-events-dev`,
    [EXISTING_AWS_KEYS.platformRoleArn]: "arn:aws:iam::123456789012:role/genesys-platform-dev",
};

async function main(): Promise<number> {
    const cli = process.argv.includes("--harness") ? { missing: "--harness was given" } : findPulumiCli();
    const withCli = !("missing" in cli);
    console.log(
        withCli
            ? `Pulumi CLI ${cli.version} found: deploying the Genesys Cloud side of the dev stack with the real engine (\`pulumi up\`, Automation API, local file backend) to the embedded emulator; the AWS side is NOT deployed, its bucket ${EXISTING_AWS.recordingsBucket}, event bus and role are taken as existing resources from stack config, as when another stack owns them.`
            : `Deploying the dev stack through the test harness (the real dynamic-provider host driven over gRPC as the engine drives it; AWS resources simulated) to the embedded emulator, not the real Pulumi engine: ${cli.missing}.`,
    );
    const emulator = await startEmulator({ port: 0 });
    // The real-engine run's existing bucket, with the default encryption the storage target's pre-flight checks.
    const s3 = await startS3Double(
        withCli ? { [EXISTING_AWS.recordingsBucket]: { region: REGION, encryption: { algorithm: "AES256" } } } : {},
    );
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
                ...(withCli
                    ? Object.fromEntries(
                          Object.entries(EXISTING_AWS).map(([key, value]) => [`${PROJECT}:${key}`, value]),
                      )
                    : {}),
                // Replay the last hour of events into the new stream.
                [`${PROJECT}:replayStartDate`]: new Date(Date.now() - 3_600_000).toISOString(),
                [`${PROJECT}:webhookSecret`]: randomBytes(24).toString("hex"),
            },
            secretKeys: [`${PROJECT}:webhookSecret`],
            providerEnv: {
                AWS_ENDPOINT_URL_S3: s3.url,
                AWS_ACCESS_KEY_ID: "demo-access-key",
                AWS_SECRET_ACCESS_KEY: "demo-secret-key",
                AWS_REGION: REGION,
            },
        };
        const outcome = withCli ? await deployWithCli(target, cli) : await deployThroughHarness(target, s3);
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
