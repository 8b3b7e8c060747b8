import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readStackConfig } from "./stackConfig";

describe("readStackConfig", () => {
    const withStackFile = (yaml: string, run: (dir: string) => void) => {
        const dir = mkdtempSync(join(tmpdir(), "stack-config-"));
        try {
            writeFileSync(join(dir, "Pulumi.test.yaml"), yaml);
            run(dir);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    };

    it("keeps strings and JSON-encodes lists, as pulumi config stores them", () => {
        withStackFile(
            'config:\n  genesys:region: eu-west-1\n  app:regions:\n    - a\n    - b\n  app:days: "30"\n',
            (dir) => {
                assert.deepEqual(readStackConfig(dir, "test"), {
                    "genesys:region": "eu-west-1",
                    "app:regions": '["a","b"]',
                    "app:days": "30",
                });
            },
        );
    });

    it("refuses an encrypted value, naming the key", () => {
        withStackFile("config:\n  genesys:clientSecret:\n    secure: v1:abc\n", (dir) => {
            assert.throws(() => readStackConfig(dir, "test"), /genesys:clientSecret is encrypted/);
        });
    });

    it("reads every committed stack file without a plain-text secret", () => {
        const projectDir = join(__dirname, "../../..");
        for (const stack of ["dev", "staging", "prod"]) {
            const config = readStackConfig(projectDir, stack);
            assert.equal(config["genesys:clientSecret"], undefined, `${stack} has no client secret in plain text`);
            assert.equal(
                config["genesys-contact-center:webhookSecret"],
                undefined,
                `${stack} has no webhook secret in plain text`,
            );
        }
    });
});
