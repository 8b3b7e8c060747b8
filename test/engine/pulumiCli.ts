// Where the real-engine tests find the Pulumi CLI, and what they do without one: skip loudly, or fail under CI.
import { after, afterEach, describe, it } from "node:test";
import { findPulumiCli, type PulumiCli } from "../../harness/pulumiCli";

export type { PulumiCli };

/**
 * `describe` for a suite that drives the real CLI, printing how many of its tests ran. Without the CLI it prints one
 * loud line saying what it skipped and why, and registers the suite as skipped; with `CI=true` that is a failure
 * instead.
 */
export function describeWithPulumiCli(name: string, suite: (cli: PulumiCli) => void): void {
    const cli = findPulumiCli();
    if (!("missing" in cli)) {
        describe(name, () => {
            // Said in the log, so a CI run shows how much ran on the real engine.
            let ran = 0;
            afterEach(() => {
                ran++;
            });
            after(() => console.log(`real engine (Pulumi CLI ${cli.version}): ${ran} tests ran in "${name}"`));
            suite(cli);
        });
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
