import { isDeepStrictEqual } from "node:util";
import { containsUnknown } from "../validation/unknowns";

export interface InputDiff {
    changes: boolean;
    /** Inputs whose change the platform cannot apply in place. */
    replaces: string[];
}

/**
 * Compares the previous outputs with the new inputs on the kind's input keys only, so `__provider`
 * (which changes with every package upgrade) and computed outputs never cause a diff. An unknown new
 * value counts as a change: preview must show it as possible rather than hide it.
 */
export function diffInputs(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    inputKeys: readonly string[],
    replaceOn: readonly string[],
): InputDiff {
    const changed = inputKeys.filter(
        (key) => containsUnknown(news[key]) || !isDeepStrictEqual(normalise(olds[key]), normalise(news[key])),
    );
    const replaces = changed.filter((key) => replaceOn.includes(key));
    return { changes: changed.length > 0, replaces };
}

/** State round-trips through protobuf Structs, where a missing value and null are the same thing. */
function normalise(value: unknown): unknown {
    return value === null ? undefined : value;
}
