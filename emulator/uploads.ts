import type { IncomingMessage } from "node:http";
import { ApiError } from "./apiError";
import type { ApiResult } from "./kind";
import { readBody } from "./requestBody";

/** Where files go that the platform has the client upload to a pre-signed URL (`uploadURI`), outside `/api/v2`. */
export const UPLOAD_PREFIX = "/uploads/v2/";

/** One upload as its handler sees it: the id from the URL, the URL's query (its signature), headers and raw bytes. */
export interface Upload {
    id: string;
    query: URLSearchParams;
    contentType: string | undefined;
    body: Buffer;
}

export type UploadHandler = (upload: Upload) => ApiResult;

/**
 * The emulator's stand-in for the object store behind pre-signed upload URLs: `PUT /uploads/v2/{area}/{id}?…`.
 * Like a pre-signed URL it takes no bearer token; the handler checks the signature the URL carries.
 */
export class Uploads {
    private readonly handlers = new Map<string, UploadHandler>();

    /** `area` is one path segment, e.g. "datatable-imports"; the URL of an upload is `uri(origin, area, id, query)`. */
    register(area: string, handler: UploadHandler): void {
        if (this.handlers.has(area)) throw new Error(`two modules register the upload area ${area}`);
        this.handlers.set(area, handler);
    }

    static uri(origin: string, area: string, id: string, query: Record<string, string>): string {
        return `${origin}${UPLOAD_PREFIX}${area}/${id}?${new URLSearchParams(query)}`;
    }

    async serve(req: IncomingMessage, rawPath: string, query: URLSearchParams): Promise<ApiResult> {
        const [area, id, ...rest] = rawPath.slice(UPLOAD_PREFIX.length).split("/");
        const handler = this.handlers.get(area);
        if (!handler || !id || rest.length > 0 || !/^[A-Za-z0-9_-]{1,128}$/.test(id)) {
            throw new ApiError(404, "not.found", `No upload location at ${rawPath}.`, { path: rawPath });
        }
        if (req.method !== "PUT") {
            throw new ApiError(405, "method.not.allowed", "Upload the file with PUT.", { allowed: "PUT" }, [], {
                Allow: "PUT",
            });
        }
        const body = await readBody(req);
        return handler({ id, query, contentType: req.headers["content-type"], body });
    }
}
