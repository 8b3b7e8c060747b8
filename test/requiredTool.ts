/**
 * The policy for suites that need a tool from outside npm (a CLI, a Python server): run when it is there; when it
 * is not, skip with a loud line saying what and why, except under CI=true, where a missing tool is a failure.
 */
import { spawnSync } from "node:child_process";

/** Whether `command args` runs and exits 0 (a pyenv shim of a version without the tool exits non-zero). */
export function commandRuns(command: string, args: string[]): boolean {
    return spawnSync(command, args, { stdio: "ignore", timeout: 30_000 }).status === 0;
}

/**
 * The `skip` option for a suite that needs `tool`: false when it is found. When it is not, throws under CI=true
 * (the test file fails), and otherwise prints the loud line and returns the reason to skip.
 */
export function skipUnlessFound(tool: string, found: boolean, install: string): false | string {
    if (found) return false;
    const reason = `${tool} not found: install it with \`${install}\``;
    if (process.env.CI === "true") throw new Error(`${reason} (CI=true: a missing ${tool} fails the suite)`);
    process.stderr.write(`\n!!! SKIPPED: ${reason}; the tests that need it did not run !!!\n\n`);
    return reason;
}
