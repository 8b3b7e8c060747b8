// Where the Pulumi CLI is found, for everything that runs the real engine: the demo, the bench and the tests.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { findRepoRoot } from "./consumerProject";

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
    const onPath = (process.env.PATH ?? "")
        .split(delimiter)
        .filter((dir) => dir !== "")
        .map((dir) => join(dir, "pulumi"))
        .find((binary) => existsSync(binary));
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
