import type { IncomingMessage } from "node:http";
import { ApiError } from "./apiError";

/** The platform refuses request bodies over 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

function tooLarge(): ApiError {
    return new ApiError(
        413,
        "request.entity.too.large",
        `The request body exceeds the ${MAX_BODY_BYTES}-byte limit; send a smaller body.`,
        {
            limit: String(MAX_BODY_BYTES),
        },
    );
}

/**
 * Reads the body up to MAX_BODY_BYTES. A declared or streamed size over the limit fails with 413 as soon
 * as it is known, without buffering the rest; the server then closes the connection instead of draining it.
 */
export function readBody(req: IncomingMessage): Promise<Buffer> {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return Promise.reject(tooLarge());
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const onData = (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                cleanup();
                req.pause();
                reject(tooLarge());
                return;
            }
            chunks.push(chunk);
        };
        const onEnd = () => {
            cleanup();
            resolve(Buffer.concat(chunks));
        };
        const onError = (err: Error) => {
            cleanup();
            reject(err);
        };
        const cleanup = () => {
            req.off("data", onData);
            req.off("end", onEnd);
            req.off("error", onError);
        };
        req.on("data", onData);
        req.on("end", onEnd);
        req.on("error", onError);
    });
}

/** Deeper than any body of the contract; far below what recursive validation and JSON encoding survive. */
export const MAX_BODY_DEPTH = 64;

/** Keys that would alter the prototype of the objects a body is read into, refused wherever they appear. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** How deeply the JSON text nests objects and arrays, counted without recursion (brackets inside strings ignored). */
function nestingDepth(text: string): number {
    let depth = 0;
    let deepest = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inString) {
            if (c === "\\") i++;
            else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === "{" || c === "[") deepest = Math.max(deepest, ++depth);
        else if (c === "}" || c === "]") depth--;
    }
    return deepest;
}

/** The path of the first prototype key in a parsed body, if any. */
function prototypeKeyPath(body: unknown): string | undefined {
    const pending: { value: unknown; path: string }[] = [{ value: body, path: "" }];
    while (pending.length > 0) {
        const { value, path } = pending.pop() as { value: unknown; path: string };
        if (typeof value !== "object" || value === null) continue;
        for (const key of Object.keys(value)) {
            const at = Array.isArray(value) ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;
            if (!Array.isArray(value) && PROTOTYPE_KEYS.has(key)) return at;
            pending.push({ value: (value as Record<string, unknown>)[key], path: at });
        }
    }
    return undefined;
}

/**
 * Parses a JSON request body. An empty or malformed one is a 400 naming the body, as is one nested deeper than
 * MAX_BODY_DEPTH (recursive handlers would exhaust the stack) or holding `__proto__`, `constructor` or
 * `prototype` as a key anywhere.
 */
export function parseJsonBody(raw: Buffer): unknown {
    const text = raw.toString("utf8");
    if (text.trim() === "") {
        throw new ApiError(400, "bad.request", "The request body is empty; send a JSON object.", {}, [
            { fieldName: "body", errorCode: "required", message: "body is required" },
        ]);
    }
    if (nestingDepth(text) > MAX_BODY_DEPTH) {
        throw new ApiError(
            400,
            "bad.request",
            `The request body nests deeper than ${MAX_BODY_DEPTH} levels; flatten it.`,
            {},
            [
                {
                    fieldName: "body",
                    errorCode: "too.deep",
                    message: `body must not nest deeper than ${MAX_BODY_DEPTH} levels`,
                },
            ],
        );
    }
    let body: unknown;
    try {
        body = JSON.parse(text);
    } catch {
        // The parser's message quotes the body, which may hold a secret, so it is not repeated.
        throw new ApiError(400, "bad.request", "The request body is not valid JSON; send a JSON object.", {}, [
            { fieldName: "body", errorCode: "invalid.json", message: "body must be valid JSON" },
        ]);
    }
    const prototypeKey = prototypeKeyPath(body);
    if (prototypeKey !== undefined) {
        throw new ApiError(
            400,
            "bad.request",
            `The request body holds the key ${prototypeKey}; __proto__, constructor and prototype are refused as keys.`,
            {},
            [
                {
                    fieldName: prototypeKey,
                    errorCode: "invalid.key",
                    message: `${prototypeKey} must not be used as a key`,
                },
            ],
        );
    }
    return body;
}
