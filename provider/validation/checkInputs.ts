import type { z } from "zod";
import { inspectInputShape } from "./inputShape";
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
/** How much of a value is looked at for credentials before it is cut: enough to reach past what is shown. */
const SCANNED_VALUE = 256;

/** `scheme://user:password@` and `scheme://token@`: credentials a bad URL may carry, never to be echoed. */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]{0,31}:\/\/)[^/\s"@]*@/gi;
/** The same cut short by the scan, its `@` unseen: hidden too, since what follows `//` may be a password. */
const CUT_URL_CREDENTIALS = /([a-z][a-z0-9+.-]{0,31}:\/\/)[^/\s"@]*$/i;

function describeValue(value: unknown): string {
    if (value === undefined) return "nothing";
    let text: string;
    try {
        text = JSON.stringify(value) ?? String(value);
    } catch {
        text = String(value);
    }
    const scanned = text.slice(0, SCANNED_VALUE).replace(URL_CREDENTIALS, "$1***@");
    const shown = (text.length > SCANNED_VALUE ? scanned.replace(CUT_URL_CREDENTIALS, "$1***") : scanned).slice(
        0,
        MAX_SHOWN_VALUE,
    );
    return text.length > MAX_SHOWN_VALUE ? `${shown}…` : shown;
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
    // Runaway nesting is refused before anything walks the inputs recursively; prototype keys are reported
    // beside the other failures, so one preview still lists every mistake.
    const shape = inspectInputShape(news);
    if (!shape.walkable) return shape.failures;
    const failures: CheckFailure[] = [...shape.failures];
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
    // A refused prototype key is the one failure worth reading at its path: others there only echo it.
    const underRefusedKey = (property: string) =>
        shape.failures.some(
            (s) =>
                property === s.property ||
                property.startsWith(`${s.property}.`) ||
                property.startsWith(`${s.property}[`),
        );
    return [
        ...shape.failures,
        ...failures.slice(shape.failures.length).filter((f) => !underRefusedKey(f.property)),
    ].map((failure) => withoutEchoedSecret(failure, secretFields));
}

/**
 * The engine prints a failure as `property <p> value {<inputs[p]>} has a problem: <reason>`, looking `p` up as a
 * top-level input key and printing its value as it is, secret or not. A secret input's failure is therefore named in
 * the bracket form of the same property path (`["secretAccessKey"]`), which names it as clearly and is no input key.
 */
function withoutEchoedSecret(failure: CheckFailure, secretFields: readonly string[]): CheckFailure {
    return secretFields.includes(failure.property)
        ? { ...failure, property: `[${JSON.stringify(failure.property)}]` }
        : failure;
}
