import { randomUUID } from "node:crypto";

/** One rejected field, as the platform reports it in `details`. */
export interface FieldError {
    fieldName: string;
    errorCode: string;
    /** Human sentence naming the field and the fix; joined into the top-level message. */
    message: string;
}

/** The platform's error body, sent on every 4xx/5xx of the API surface. */
export interface ErrorBody {
    message: string;
    code: string;
    status: number;
    messageParams: Record<string, string>;
    contextId: string;
    details: { errorCode: string; fieldName: string }[];
    errors: unknown[];
}

/** Thrown by handlers and the request pipeline; turned into an ErrorBody by the server. */
export class ApiError extends Error {
    constructor(
        readonly status: number,
        readonly code: string,
        message: string,
        readonly messageParams: Record<string, string> = {},
        readonly fieldErrors: FieldError[] = [],
        /** Extra response headers, e.g. Retry-After on a 429. */
        readonly headers: Record<string, string> = {},
    ) {
        super(message);
    }

    toBody(contextId: string): ErrorBody {
        return {
            message: this.message,
            code: this.code,
            status: this.status,
            messageParams: this.messageParams,
            contextId,
            details: this.fieldErrors.map((e) => ({ errorCode: e.errorCode, fieldName: e.fieldName })),
            errors: [],
        };
    }
}

export function newContextId(): string {
    return randomUUID();
}

export function notFound(what: string, id: string): ApiError {
    return new ApiError(404, "not.found", `${what} ${id} was not found.`, { id });
}

export function badRequest(fieldErrors: FieldError[], subject: string): ApiError {
    const message = `Invalid ${subject}: ${fieldErrors.map((e) => e.message).join("; ")}`;
    return new ApiError(400, "bad.request", message, {}, fieldErrors);
}
