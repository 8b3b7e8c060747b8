/** One field-level problem reported by Genesys Cloud in an error body's `details`. */
export interface ErrorDetail {
    errorCode?: string;
    fieldName?: string;
}

export interface GenesysApiErrorInit {
    method: string;
    /** The request path as sent (ids already encoded), without the query string. */
    path: string;
    /** HTTP status; 0 when no response arrived (network error or timeout). */
    status: number;
    code?: string;
    /** The platform's `message`, or a description of the network failure. */
    reason: string;
    contextId?: string;
    details?: ErrorDetail[];
    missingScope?: string;
    /** Platform permissions (`domain:entity:action`) a 403 names as lacking from the OAuth client's roles. */
    missingPermissions?: MissingPermissions;
    ambiguous: boolean;
    /** How long the platform asked us to wait before retrying (429 Retry-After / inin-ratelimit-reset). */
    retryAfterMs?: number;
}

/**
 * A failed Genesys Cloud call, carrying everything a caller needs to decide what to do next. The message is
 * self-contained because Pulumi shows it verbatim to the user; it never includes request bodies or credentials.
 */
export class GenesysApiError extends Error {
    readonly method: string;
    readonly path: string;
    readonly status: number;
    readonly code?: string;
    readonly contextId?: string;
    readonly details: ErrorDetail[];
    readonly missingScope?: string;
    readonly missingPermissions?: MissingPermissions;
    /** True when the platform may have applied the request (no response, timeout, 5xx on a write). */
    readonly ambiguous: boolean;
    readonly retryAfterMs?: number;
    /** HTTP attempts made for the call that failed, kept current by whoever sends and retries. */
    attempts = 1;

    constructor(init: GenesysApiErrorInit, message: string = describe(init)) {
        super(message);
        this.name = "GenesysApiError";
        this.method = init.method;
        this.path = init.path;
        this.status = init.status;
        this.code = init.code;
        this.contextId = init.contextId;
        this.details = init.details ?? [];
        this.missingScope = init.missingScope;
        this.missingPermissions = init.missingPermissions;
        this.ambiguous = init.ambiguous;
        this.retryAfterMs = init.retryAfterMs;
    }

    /** Records why the client stopped retrying, so the user sees it was not a first-attempt failure. */
    gaveUp(why: string): this {
        this.message += ` (gave up after ${this.attempts} attempts: ${why})`;
        return this;
    }
}

function describe(init: GenesysApiErrorInit): string {
    const outcome = init.status === 0 ? "no response" : [init.status, init.code].filter(Boolean).join(" ");
    let text = `${init.method} ${init.path} failed: ${outcome} — ${init.reason}`;
    if (init.contextId) text += ` (contextId ${init.contextId})`;
    const fields = (init.details ?? []).filter((d) => d.fieldName || d.errorCode);
    if (fields.length > 0) {
        text += `; fields: ${fields.map((d) => (d.errorCode ? `${d.fieldName ?? "?"} (${d.errorCode})` : d.fieldName)).join(", ")}`;
    }
    if (init.status === 401) {
        text +=
            "; the platform refused a freshly fetched token too: check that the OAuth client is active and not revoked";
    }
    if (init.status === 403) {
        text += init.missingScope
            ? `; the OAuth client lacks the scope ${init.missingScope}: add it to the client's role`
            : init.missingPermissions
              ? permissionAdvice(init.missingPermissions)
              : "; the OAuth client lacks a permission or scope for this call: check the client's roles";
    }
    if (init.ambiguous) {
        text += "; the platform may have applied this request: look for the object before trying again";
    }
    return text;
}

/** What a 403 says the OAuth client's roles lack: all of `permissions`, or (`anyOf`) at least one of them. */
export interface MissingPermissions {
    permissions: string[];
    anyOf: boolean;
}

function permissionAdvice({ permissions, anyOf }: MissingPermissions): string {
    const what =
        permissions.length === 1
            ? `the permission ${permissions[0]}`
            : anyOf
              ? `all of the permissions ${permissions.join(", ")} (one of them is enough)`
              : `the permissions ${permissions.join(", ")}`;
    const grant = anyOf && permissions.length > 1 ? "one of them" : permissions.length === 1 ? "it" : "them";
    return (
        `; the roles of the OAuth client (genesys:clientId) lack ${what}: in Genesys Cloud, add ${grant} to a role ` +
        "(Admin > Roles / Permissions) and assign that role to the OAuth client (Admin > OAuth > the client > Roles), then run again"
    );
}

/** Genesys error bodies as documented in the API contract; every field optional because proxies send other shapes. */
export interface ErrorBody {
    message?: unknown;
    code?: unknown;
    contextId?: unknown;
    messageParams?: unknown;
    details?: unknown;
    error?: unknown;
    error_description?: unknown;
    description?: unknown;
}

export function parseErrorBody(text: string): ErrorBody {
    try {
        const parsed: unknown = JSON.parse(text);
        return typeof parsed === "object" && parsed !== null ? (parsed as ErrorBody) : {};
    } catch {
        return {};
    }
}

export function errorDetails(body: ErrorBody): ErrorDetail[] {
    if (!Array.isArray(body.details)) return [];
    return body.details
        .filter((d): d is Record<string, unknown> => typeof d === "object" && d !== null)
        .map((d) => ({ errorCode: asString(d.errorCode), fieldName: asString(d.fieldName) }));
}

// All OAuth scopes in the contract end in :read or :write (e.g. routing:strategy:write).
const SCOPE_PATTERN = /\b[a-z][a-zA-Z]*(?::[a-z][a-zA-Z]*)*:(?:read|write)\b/;

/** The scope a 403 names, looked up in messageParams first (structured), then in the message text. */
export function missingScopeOf(body: ErrorBody): string | undefined {
    const params =
        typeof body.messageParams === "object" && body.messageParams !== null ? Object.values(body.messageParams) : [];
    for (const candidate of [...params, body.message]) {
        const match = typeof candidate === "string" ? SCOPE_PATTERN.exec(candidate) : null;
        if (match) return match[0];
    }
    return undefined;
}

// Platform permissions are domain:entity:action, e.g. architect:datatable:add or architect:datatableRow:view.
const PERMISSION_PATTERN = /\b[a-z][a-zA-Z]*:[a-z][a-zA-Z]*:[a-z][a-zA-Z]*\b/g;

/**
 * The permissions a platform 403 (`missing.permissions`, or `missing.any.permissions` when any one would do)
 * names, from messageParams first (structured), then from the message's `[a, b]` list.
 */
export function missingPermissionsOf(body: ErrorBody): MissingPermissions | undefined {
    const anyOf = body.code === "missing.any.permissions";
    if (!anyOf && body.code !== "missing.permissions") return undefined;
    const params =
        typeof body.messageParams === "object" && body.messageParams !== null ? Object.values(body.messageParams) : [];
    for (const candidate of [...params, body.message]) {
        const found = typeof candidate === "string" ? candidate.match(PERMISSION_PATTERN) : null;
        if (found) return { permissions: [...new Set(found)], anyOf };
    }
    return undefined;
}

export function asString(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" ? value : undefined;
}
