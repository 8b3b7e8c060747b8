import assert from "node:assert/strict";
import * as os from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import { DEFAULT_CLIENT_ID, startEmulator, type RunningEmulator } from "../emulator";
import { call, tokenFor } from "./emulatorClient";
import { createConsumerProject, findRepoRoot, type ConsumerProject } from "./harness/consumerProject";
import { runProgram } from "./harness/mockProgram";
import { makeSecret } from "./harness/secrets";

const SECRET = "serialization-test-secret-7f3a";

describe("the serialized __provider", () => {
    let emulator: RunningEmulator;
    let project: ConsumerProject;
    let providerText: string;

    before(async () => {
        emulator = await startEmulator({
            port: 0,
            clients: [{ clientId: "ci-client", clientSecret: SECRET, scopes: ["recording:read", "recording:write"] }],
        });
        project = createConsumerProject();
        const run = await runProgram(
            () => {
                new genesys.RecordingPolicy("voice", { mediaTypes: ["audio"], quality: "standard", retentionDays: 30 });
            },
            {
                backend: { kind: "inProcess", consumerDir: project.dir },
                config: {
                    "genesys:apiUrl": emulator.url,
                    "genesys:clientId": "ci-client",
                    "genesys:clientSecret": makeSecret(SECRET),
                    "genesys:auditDir": join(project.dir, ".genesys-audit"),
                },
            },
        );
        const policy = run.registrations.find((r) => r.type === "pulumi-nodejs:dynamic/genesys:RecordingPolicy");
        providerText = String(policy?.inputs.__provider);
    });
    after(async () => {
        await emulator.stop();
        project.cleanup();
    });

    it("deserializes in a consumer project and creates the policy through the real provider", async () => {
        const token = await tokenFor(emulator.url);
        const list = await call(emulator.url, token, "GET", "/api/v2/recording/policies");
        assert.equal(list.body.total, 1);
        assert.match(list.body.entities[0].name, /^voice-/);
    });

    it("names the implementation by package path and stays small", () => {
        assert.match(providerText, /require\("genesys-pulumi\/provider\/registry"\)\.load\("RecordingPolicy"\)/);
        // It travels in every message between engine and host and sits in the state once per resource.
        assert.ok(providerText.length < 200, `__provider is ${providerText.length} bytes`);
    });

    it("holds no machine path and no TypeScript source", () => {
        for (const path of [findRepoRoot(), project.dir, os.tmpdir(), os.homedir()])
            assert.ok(!providerText.includes(path), `contains ${path}`);
        assert.doesNotMatch(providerText, /\.ts\b/);
    });

    it("captures no configuration value", () => {
        for (const value of [SECRET, "ci-client", DEFAULT_CLIENT_ID, emulator.url])
            assert.ok(!providerText.includes(value), `contains ${value}`);
    });
});
