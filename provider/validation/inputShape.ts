import type { CheckFailure } from "./checkInputs";
import { formatPath } from "./propertyPath";

/**
 * Keys that change what a JavaScript object inherits rather than what it holds: Pulumi's own property decoding
 * assigns `__proto__` as a prototype, and a `constructor` or `prototype` entry shadows inherited members, so
 * such a value would be silently lost or misread on the way to the platform.
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Deeper than any resource's inputs need; far below what recursive validation and JSON encoding survive. */
export const MAX_INPUT_DEPTH = 64;

/**
 * Problems with the shape of the inputs themselves, found before any field is validated: prototype keys anywhere,
 * and nesting deeper than MAX_INPUT_DEPTH (one failure per such branch). Iterative, so no input can exhaust
 * the stack. `walkable` is false when something nests too deep: validation that recurses must then not run.
 * A prototype key alone leaves the inputs walkable, so its failure is reported beside every other one.
 */
export function inspectInputShape(inputs: Record<string, unknown>): { failures: CheckFailure[]; walkable: boolean } {
    const failures: CheckFailure[] = [];
    let walkable = true;
    const pending: { value: unknown; path: PropertyKey[] }[] = [{ value: inputs, path: [] }];
    while (pending.length > 0) {
        const { value, path } = pending.pop() as { value: unknown; path: PropertyKey[] };
        if (value === null || typeof value !== "object") continue;
        if (path.length >= MAX_INPUT_DEPTH) {
            walkable = false;
            const property = formatPath(path);
            failures.push({
                property,
                reason: `${property} nests values more than ${MAX_INPUT_DEPTH} levels deep; flatten it`,
            });
            continue;
        }
        if (Array.isArray(value)) {
            for (const [index, item] of value.entries()) pending.push({ value: item, path: [...path, index] });
            continue;
        }
        for (const key of Object.keys(value)) {
            if (PROTOTYPE_KEYS.has(key)) failures.push(prototypeKey([...path, key]));
            else pending.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
        }
    }
    return { failures, walkable };
}

function prototypeKey(path: PropertyKey[]): CheckFailure {
    const property = formatPath(path);
    return {
        property,
        reason: `${property}: the key "${String(path[path.length - 1])}" is refused (it would alter JavaScript objects' prototypes rather than set a value); rename it`,
    };
}
