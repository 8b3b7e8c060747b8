import { isDeepStrictEqual } from "node:util";

/** Whether the live object holds every field of the body we sent (absent and undefined being the same). */
export function bodyMatches(sent: Record<string, unknown>, live: Record<string, unknown>): boolean {
    return Object.entries(sent).every(([key, value]) => isDeepStrictEqual(value ?? undefined, live[key] ?? undefined));
}
