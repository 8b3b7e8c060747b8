/** A JSON object as request bodies and stored objects are handled: members by name, values still to be checked. */
export type JsonObject = Record<string, unknown>;

/** An object that is neither null nor an array: what a JSON body, a nested configuration or a record must be. */
export function isPlainObject(value: unknown): value is JsonObject {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
