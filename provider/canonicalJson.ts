/**
 * JSON with object keys sorted at every depth and undefined members left out (an undefined array item is `null`,
 * as `JSON.stringify` writes it): equal values, equal text, so their hashes are equal too.
 */
export function canonicalJson(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
    if (value !== null && typeof value === "object") {
        const entries = Object.entries(value as Record<string, unknown>)
            .filter(([, member]) => member !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(",")}}`;
    }
    return JSON.stringify(value) ?? "null";
}
