import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";

const root = join(__dirname, "../..");
const bins = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { bin: Record<string, string> }).bin;

describe("the package's commands", () => {
    for (const [name, file] of Object.entries(bins)) {
        it(`${name} is an executable Node script, as npx runs it`, () => {
            const path = join(root, file);
            accessSync(path, constants.X_OK);
            assert.match(readFileSync(path, "utf8").split("\n")[0], /^#!\/usr\/bin\/env node$/);
            const help = spawnSync(path, ["--help"], { encoding: "utf8", timeout: 20_000 });
            assert.equal(help.status, 0, help.stderr);
            assert.match(help.stdout, new RegExp(name));
        });
    }
});
