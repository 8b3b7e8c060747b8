import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";
import { makeSecret } from "../harness/secrets";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startEmulator } from "../emulator";

const program = () => {
    new genesys.RecordingPolicy("voice", { mediaTypes: ["audio"], quality: "standard", retentionDays: 30 });
};

describe("provider configuration through the host", () => {
    const stacks: EmulatedStack[] = [];
    after(() => Promise.all(stacks.map((s) => s.stop())));

    it("names both ways to set a missing credential", async () => {
        const stack = await startEmulatedStack({ config: { "genesys:clientSecret": undefined } });
        stacks.push(stack);
        await assert.rejects(
            stack.run(program),
            /pulumi config set --secret genesys:clientSecret.*GENESYSCLOUD_OAUTHCLIENT_SECRET/s,
        );
    });

    it("previews without credentials: check makes no API call", async () => {
        const stack = await startEmulatedStack({ config: { "genesys:clientSecret": undefined } });
        stacks.push(stack);
        const run = await stack.run(program, { preview: true });
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["create"],
        );
        assert.equal(stack.emulator.stats().requests, 0);
    });

    it("says the credentials were refused without echoing the secret", async () => {
        const stack = await startEmulatedStack({
            config: { "genesys:clientSecret": makeSecret("wrong-secret-value-123") },
        });
        stacks.push(stack);
        await assert.rejects(stack.run(program), (err: Error) => {
            assert.match(err.message, /refused|invalid_client/i);
            assert.ok(!err.message.includes("wrong-secret-value-123"));
            return true;
        });
        assert.ok(!stack.engine.hostStderr().includes("wrong-secret-value-123"));
    });

    it("names the scope a client lacks", async () => {
        const stack = await startEmulatedStack({
            emulator: {
                clients: [{ clientId: "reader", clientSecret: "reader-secret-0123456789", scopes: ["recording:read"] }],
            },
            config: { "genesys:clientId": "reader", "genesys:clientSecret": makeSecret("reader-secret-0123456789") },
        });
        stacks.push(stack);
        await assert.rejects(stack.run(program), /403.*recording:write/s);
    });

    it("falls back to the environment variables", async () => {
        const emulator = await startEmulator({ port: 0 });
        const stack = await startEmulatedStack({
            config: { "genesys:clientId": undefined, "genesys:clientSecret": undefined, "genesys:apiUrl": undefined },
            hostEnv: {
                GENESYSCLOUD_OAUTHCLIENT_ID: DEFAULT_CLIENT_ID,
                GENESYSCLOUD_OAUTHCLIENT_SECRET: DEFAULT_CLIENT_SECRET,
                GENESYSCLOUD_API_URL: emulator.url,
            },
        });
        stacks.push(stack);
        const run = await stack.run(program);
        assert.deepEqual(
            run.steps.map((s) => s.op),
            ["create"],
        );
        assert.equal(emulator.stats().tokensIssued, 1, "the policy went to the emulator named by the environment");
        assert.equal(stack.emulator.stats().requests, 0);
        await emulator.stop();
    });
});
