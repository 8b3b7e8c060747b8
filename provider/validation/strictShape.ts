import { z } from "zod";
import { platformId } from "./fieldRules";

/**
 * An object that refuses keys it does not declare, saying which keys it takes: a misspelt field would otherwise be
 * dropped silently here, and show as a change on every run.
 */
export function strictShape<S extends z.core.$ZodLooseShape>(what: string, shape: S) {
    const keys = Object.keys(shape).join(", ");
    return z.strictObject(shape, {
        error: (issue) =>
            issue.code === "unrecognized_keys"
                ? `has unknown field(s) ${issue.keys.join(", ")}: ${what} takes ${keys}`
                : `must be ${what} {${keys}}`,
    });
}

/** A reference to another platform object by its id, as the platform's models take it: `{ id }`. */
export function reference(what: string) {
    return strictShape(what, { id: platformId });
}
