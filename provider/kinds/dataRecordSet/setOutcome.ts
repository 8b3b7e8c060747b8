import { PartialFailure } from "../../lifecycle/partialFailure";

/** Failures spelled out in one error message; the rest are counted. */
export const MAX_LISTED_FAILURES = 20;

/** One line of a set's error: which member failed and why (`record "a-1": …`). */
export function memberFailure(noun: string, key: string, err: unknown): string {
    return `${noun} ${JSON.stringify(key)}: ${err instanceof Error ? err.message : String(err)}`;
}

/** The first failures, and how many more there are. */
export function listedFailures(failures: readonly string[]): string {
    const more = failures.length > MAX_LISTED_FAILURES ? `; …and ${failures.length - MAX_LISTED_FAILURES} more` : "";
    return `${failures.slice(0, MAX_LISTED_FAILURES).join("; ")}${more}`;
}

/** What a set's create or update did: the outputs of what applied, and the members that failed. */
export interface SetOutcome {
    /** `record` or `row`, in messages. */
    noun: string;
    creating: boolean;
    id: string;
    outs: Record<string, unknown>;
    /** The `__provider` input, which the host adds to a create's or update's result but not to a failure's. */
    provider: unknown;
    failures: readonly string[];
    attempted: number;
    anyApplied: boolean;
}

/**
 * The outputs when every change applied. Otherwise throws: a PartialFailure carrying the outputs of what did
 * apply, or (a create where nothing applied) a plain error, so no empty set enters the stack.
 */
export function outputsOrFailure(outcome: SetOutcome): Record<string, unknown> {
    const { noun, failures } = outcome;
    if (failures.length === 0) return outcome.outs;
    const summary = `${failures.length} of ${outcome.attempted} ${noun} changes failed: ${listedFailures(failures)}`;
    if (!outcome.anyApplied && outcome.creating) throw new Error(summary);
    throw new PartialFailure(
        `${summary} (the other changes were applied and are kept in the stack; \`pulumi up\` retries the failed ones)`,
        outcome.id,
        // Without `__provider` the state left behind could never be refreshed, updated or deleted again.
        { ...outcome.outs, __provider: outcome.provider },
        failures.slice(0, MAX_LISTED_FAILURES),
    );
}
