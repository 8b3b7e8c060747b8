import type { z } from "zod";
import { inputShapeFailures } from "./inputShape";
import { containsUnknown } from "./unknowns";
import { formatPath, valueAt } from "./propertyPath";

export interface CheckFailure {
    property: string;
    reason: string;
}

/**
 * A rule that spans several inputs. Kept as a table beside the field schema (as AWS CDK does) so each
 * rule states what it reads: it is skipped while any of those inputs is unknown or invalid on its own,
 * because a preview must not fail on values that are not resolved yet.
 */
export interface CrossFieldRule<I> {
    /** Top-level inputs the rule reads. */
    reads: readonly (keyof I & string)[];
    /** Returns failures (property + reason), or none. `olds` are the previous inputs, if any. */
    check(inputs: I, olds: Partial<I> | undefined): CheckFailure[];
}

const MAX_SHOWN_VALUE = 60;

function describeValue(value: unknown): string {
    if (value === undefined) return "nothing";
    let text: string;
    try {
        text = JSON.stringify(value) ?? String(value);
    } catch {
        text = String(value);
    }
    return text.length > MAX_SHOWN_VALUE ? `${text.slice(0, MAX_SHOWN_VALUE)}…` : text;
}

/**
 * Validates raw inputs: every failure at once, each named by its property path, none for values that are
 * unknown during preview. Never throws, whatever the input holds.
 */
export function checkInputs<I>(
    schema: z.ZodType<I>,
    rules: readonly CrossFieldRule<I>[],
    news: Record<string, unknown>,
    olds?: Record<string, unknown>,
    secretFields: readonly string[] = [],
): CheckFailure[] {
    // Prototype keys and runaway nesting are refused before anything walks the inputs recursively.
    const shape = inputShapeFailures(news);
    if (shape.length > 0) return shape;
    const failures: CheckFailure[] = [];
    const invalidTopLevel = new Set<string>();
    const parsed = schema.safeParse(news);
    if (!parsed.success) {
        for (const issue of parsed.error.issues) {
            const { value, unknown } = valueAt(news, issue.path);
            if (unknown || containsUnknown(value)) continue;
            const property = formatPath(issue.path) || "(inputs)";
            const shown = secretFields.includes(String(issue.path[0])) ? "" : ` (got ${describeValue(value)})`;
            failures.push({ property, reason: `${property} ${issue.message}${shown}` });
            invalidTopLevel.add(String(issue.path[0]));
        }
    }
    for (const rule of rules) {
        const blocked = rule.reads.some((key) => containsUnknown(news[key]) || invalidTopLevel.has(key));
        if (blocked) continue;
        failures.push(...rule.check(news as I, olds as Partial<I> | undefined));
    }
    return failures;
}
