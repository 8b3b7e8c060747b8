import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findRepoRoot } from "../harness/consumerProject";

/** The README with its line breaks as spaces, so a figure reads the same wherever the paragraph wraps. */
const README = readFileSync(join(findRepoRoot(), "README.md"), "utf8").replace(/\s+/g, " ");

/**
 * The number the README quotes where `pattern`'s first group stands ("13 600" reads as 13600). The suites compare
 * it with the constants they run with, so the README cannot drift from what the tests do.
 */
export function readmeFigure(pattern: RegExp): number {
    return Number(readmeWord(pattern).replace(/[\s,]/g, ""));
}

/** The text the README has where `pattern`'s first group stands (a name it quotes, say). */
export function readmeWord(pattern: RegExp): string {
    const match = pattern.exec(README);
    assert.ok(match, `README.md has text matching ${pattern}`);
    return match[1];
}
