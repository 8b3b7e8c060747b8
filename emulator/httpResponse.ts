import type { ServerResponse } from "node:http";

/** Writes a JSON response (or an empty one when body is undefined) with the given extra headers. */
export function sendJson(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
): void {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.statusCode = status;
    if (body === undefined) {
        res.end();
        return;
    }
    const text = JSON.stringify(body);
    res.setHeader("Content-Type", "application/json; charset=UTF-8");
    res.setHeader("Content-Length", Buffer.byteLength(text));
    res.end(text);
}
