import { isDeepStrictEqual } from "node:util";

/** JSON's view of a value: an undefined property is no property (what the platform received and returns). */
function asSent(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(asSent);
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(
            Object.entries(value)
                .filter(([, v]) => v !== undefined && v !== null)
                .map(([k, v]) => [k, asSent(v)]),
        );
    }
    return value ?? undefined;
}

/** Whether the live object holds every field of the body we sent (absent, null and undefined being the same, at any depth). */
export function bodyMatches(sent: Record<string, unknown>, live: Record<string, unknown>): boolean {
    return Object.entries(sent).every(([key, value]) => isDeepStrictEqual(asSent(value), asSent(live[key])));
}
