import type { IncomingMessage } from "node:http";
import { ApiError } from "./apiError";

/** The platform refuses request bodies over 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

function tooLarge(): ApiError {
  return new ApiError(413, "request.entity.too.large", `The request body exceeds the ${MAX_BODY_BYTES}-byte limit; send a smaller body.`, {
    limit: String(MAX_BODY_BYTES),
  });
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

/** Parses a JSON request body; an empty or malformed one is a 400 naming the body. */
export function parseJsonBody(raw: Buffer): unknown {
  const text = raw.toString("utf8");
  if (text.trim() === "") {
    throw new ApiError(400, "bad.request", "The request body is empty; send a JSON object.", {}, [
      { fieldName: "body", errorCode: "required", message: "body is required" },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch {
    // The parser's message quotes the body, which may hold a secret, so it is not repeated.
    throw new ApiError(400, "bad.request", "The request body is not valid JSON; send a JSON object.", {}, [
      { fieldName: "body", errorCode: "invalid.json", message: "body must be valid JSON" },
    ]);
  }
}
