// A client secret rotated after the last `pulumi up`, the old one refused by the platform, through the real CLI:
// `pulumi refresh` and `pulumi destroy` configure the provider from the stack config the state recorded, not from
// today's, so they fail until an update records the new secret or `--run-program` brings it in. The error must say so.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import * as genesys from "genesys-pulumi";
import { ALL_SCOPES, startEmulator, type RunningEmulator } from "../../emulator";
import { platformInventory } from "../platformInventory";
import { type CliRun, type CliStack, startCliStack } from "./cliStack";
import { describeWithPulumiCli } from "./pulumiCli";

const CLIENT_ID = "rotating-client";
const SECRETS = ["first-client-secret", "second-client-secret", "third-client-secret"];

const program = async () => {
    new genesys.RecordingPolicy("voice", { mediaTypes: ["audio"], quality: "standard", retentionDays: 30 });
};

describeWithPulumiCli("a client secret rotated after the last update, through the real Pulumi engine", (cli) => {
    let emulator: RunningEmulator;
    let stack: CliStack;
    const dataDir = mkdtempSync(join(tmpdir(), "genesys-rotation-"));
    const startWith = (secret: string, port = 0) =>
        startEmulator({
            port,
            dataDir,
            clients: [{ clientId: CLIENT_ID, clientSecret: secret, scopes: [...ALL_SCOPES] }],
        });

    /** The platform accepts only `secret` from now on; the user sets it in the stack config, as a user does. */
    const rotate = async (secret: string) => {
        const port = emulator.port;
        await emulator.stop();
        emulator = await startWith(secret, port);
        const set = await stack.cli(["config", "set", "--secret", "genesys:clientSecret", secret]);
        assert.ok(set.ok, set.stderr);
    };
    const refusedWithAdvice = (run: CliRun) => {
        assert.equal(run.ok, false, run.output);
        assert.match(run.output, /refused the OAuth client credentials for client id rotating-client/);
        assert.match(run.output, /came from the stack config genesys:clientId \/ genesys:clientSecret/);
        assert.match(run.output, /run `pulumi up` to record the new secret/);
        assert.match(run.output, /`pulumi refresh --run-program` \/ `pulumi destroy --run-program`/);
        for (const secret of SECRETS) assert.ok(!run.output.includes(secret), `the output shows ${secret}`);
    };

    before(async () => {
        emulator = await startWith(SECRETS[0]);
        stack = await startCliStack({
            cli,
            emulator,
            config: {
                "genesys:clientId": { value: CLIENT_ID },
                "genesys:clientSecret": { value: SECRETS[0], secret: true },
            },
        });
        const up = await stack.up(program);
        assert.ok(up.ok, up.output);
    });
    after(async () => {
        stack?.remove();
        await emulator?.stop();
        rmSync(dataDir, { recursive: true, force: true });
    });

    it("refresh uses the recorded secret and says what to run; the environment cannot replace it; --run-program works", async () => {
        await rotate(SECRETS[1]);
        refusedWithAdvice(await stack.refresh());

        // The recorded stack config wins over the environment, as it does for every operation.
        const workspace = stack.stack.workspace as { envVars: Record<string, string> };
        workspace.envVars.GENESYSCLOUD_OAUTHCLIENT_SECRET = SECRETS[1];
        try {
            refusedWithAdvice(await stack.refresh());
        } finally {
            delete workspace.envVars.GENESYSCLOUD_OAUTHCLIENT_SECRET;
        }

        const refreshed = await stack.refresh({ program, expectNoChanges: true });
        assert.ok(refreshed.ok, refreshed.output);
        // It recorded the new secret: a plain refresh works again.
        const plain = await stack.refresh({ expectNoChanges: true });
        assert.ok(plain.ok, plain.output);
    });

    it("destroy uses the recorded secret and says what to run; after `pulumi up` it deletes everything", async () => {
        await rotate(SECRETS[2]);
        const refused = await stack.destroy();
        refusedWithAdvice(refused);
        assert.equal((await platformInventory(stack.platform)).length, 1, "the refused destroy deleted nothing");
        assert.equal((await stack.resources()).length, 1);

        const up = await stack.up(program, { expectNoChanges: true });
        assert.ok(up.ok, up.output);
        const destroyed = await stack.destroy();
        assert.ok(destroyed.ok, destroyed.output);
        assert.deepEqual(await platformInventory(stack.platform), []);
        assert.deepEqual(await stack.resources(), []);
    });
});
