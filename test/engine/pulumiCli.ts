// Where the real-engine tests find the Pulumi CLI, and what they do without one: skip loudly, or fail under CI.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { findRepoRoot } from "../harness/consumerProject";

export interface PulumiCli {
    /** The installation root Automation API's `PulumiCommand.get({ root })` takes: the CLI is `<root>/bin/pulumi`. */
    root: string;
    version: string;
}

/** The version of @pulumi/pulumi this package is built against: the CLI must match it. */
export function pinnedPulumiVersion(repoRoot = findRepoRoot()): string {
    const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    return manifest.devDependencies["@pulumi/pulumi"];
}

/** `.pulumi/bin/pulumi` (built by `npm run pulumi:build`), else a `pulumi` on the PATH, at the pinned version. */
export function findPulumiCli(): PulumiCli | { missing: string } {
    const repoRoot = findRepoRoot();
    const wanted = `v${pinnedPulumiVersion(repoRoot)}`;
    const built = join(repoRoot, ".pulumi", "bin", "pulumi");
    const onPath = spawnSync("sh", ["-c", "command -v pulumi"], { encoding: "utf8" }).stdout.trim();
    const seen: string[] = [];
    for (const binary of [built, onPath]) {
        if (!binary || !existsSync(binary)) continue;
        const version = spawnSync(binary, ["version"], { encoding: "utf8" }).stdout?.trim();
        if (version === wanted) return { root: dirname(dirname(binary)), version };
        seen.push(`${binary} is ${version || "not runnable"}`);
    }
    return {
        missing:
            `no Pulumi CLI ${wanted} (${seen.length > 0 ? seen.join("; ") : "none in .pulumi/bin or on the PATH"}): ` +
            "run `npm run pulumi:build` (needs Go 1.25+) or put pulumi " +
            `${wanted} on the PATH`,
    };
}

/**
 * `describe` for a suite that drives the real CLI. Without the CLI it prints one loud line saying what it skipped
 * and why, and registers the suite as skipped; with `CI=true` that is a failure instead.
 */
export function describeWithPulumiCli(name: string, suite: (cli: PulumiCli) => void): void {
    const cli = findPulumiCli();
    if (!("missing" in cli)) {
        describe(name, () => suite(cli));
        return;
    }
    if (process.env.CI === "true") {
        it(`${name} (real Pulumi engine)`, () => {
            throw new Error(`CI=true and the real-engine suite cannot run: ${cli.missing}`);
        });
        return;
    }
    console.error(`!!! SKIPPED the real-engine suite "${name}": ${cli.missing}`);
    describe(name, { skip: cli.missing }, () => undefined);
}
