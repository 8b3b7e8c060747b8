/** Dot-path access into plain JSON objects, used for write-only fields such as "configuration.secretAccessKey". */
type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function getPath(target: JsonObject, dotPath: string): unknown {
    let current: unknown = target;
    for (const key of dotPath.split(".")) {
        if (!isObject(current)) return undefined;
        current = current[key];
    }
    return current;
}

/** Sets a value, creating intermediate objects; does nothing if a non-object sits on the path. */
export function setPath(target: JsonObject, dotPath: string, value: unknown): void {
    const keys = dotPath.split(".");
    let current: JsonObject = target;
    for (const key of keys.slice(0, -1)) {
        if (current[key] === undefined) current[key] = {};
        const next = current[key];
        if (!isObject(next)) return;
        current = next;
    }
    current[keys[keys.length - 1]] = value;
}

export function deletePath(target: JsonObject, dotPath: string): void {
    const keys = dotPath.split(".");
    let current: unknown = target;
    for (const key of keys.slice(0, -1)) {
        if (!isObject(current)) return;
        current = current[key];
    }
    if (isObject(current)) delete current[keys[keys.length - 1]];
}
