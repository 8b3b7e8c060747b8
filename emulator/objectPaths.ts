/** Dot-path access into plain JSON objects, used for write-only fields such as "configuration.secretAccessKey". */
import { isPlainObject, type JsonObject } from "./jsonObject";

export function getPath(target: JsonObject, dotPath: string): unknown {
    let current: unknown = target;
    for (const key of dotPath.split(".")) {
        if (!isPlainObject(current)) return undefined;
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
        if (!isPlainObject(next)) return;
        current = next;
    }
    current[keys[keys.length - 1]] = value;
}

export function deletePath(target: JsonObject, dotPath: string): void {
    const keys = dotPath.split(".");
    let current: unknown = target;
    for (const key of keys.slice(0, -1)) {
        if (!isPlainObject(current)) return;
        current = current[key];
    }
    if (isPlainObject(current)) delete current[keys[keys.length - 1]];
}
