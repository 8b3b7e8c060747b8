import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findRepoRoot } from "./harness/consumerProject";

/** The README with its line breaks as spaces, so a figure reads the same wherever the paragraph wraps. */
const README = readFileSync(join(findRepoRoot(), "README.md"), "utf8").replace(/\s+/g, " ");

/**
 * The number the README quotes where `pattern`'s first group stands ("13 600" reads as 13600). The suites compare
 * it with the constants they run with, so the README cannot drift from what the tests do.
 */
export function readmeFigure(pattern: RegExp): number {
    const match = pattern.exec(README);
    assert.ok(match, `README.md has a figure matching ${pattern}`);
    return Number(match[1].replace(/[\s,]/g, ""));
}
