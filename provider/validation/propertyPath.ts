import { isUnknown } from "./unknowns";

/** Formats a path the way Pulumi prints property paths: `webhookUrls[0]`, `regions[1].priority`, `data.status`. */
export function formatPath(path: readonly PropertyKey[]): string {
    let out = "";
    for (const key of path) {
        if (typeof key === "number") out += `[${key}]`;
        // An empty key would vanish from the path (and the failure would seem to name its parent).
        else if (key === "") out += '[""]';
        else out += out === "" ? String(key) : `.${String(key)}`;
    }
    return out;
}

/** The value at `path` (own properties only), and whether an unknown was met on the way down. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): { value: unknown; unknown: boolean } {
    let current: unknown = root;
    for (const key of path) {
        if (isUnknown(current)) return { value: undefined, unknown: true };
        if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) {
            return { value: undefined, unknown: false };
        }
        current = (current as Record<PropertyKey, unknown>)[key];
    }
    return { value: current, unknown: isUnknown(current) };
}
