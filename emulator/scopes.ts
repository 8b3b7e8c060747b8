/** Every OAuth scope of the API contract; the default client holds all of them. */
export const ALL_SCOPES = [
    "recording:read",
    "recording:write",
    "routing:strategy:read",
    "routing:strategy:write",
    "architecture:region:read",
    "platform:auditlog:read",
    "webhook:read",
    "webhook:write",
    "eventstream:read",
    "eventstream:write",
    "schema:read",
    "schema:write",
    "data:record:read",
    "data:record:write",
] as const;

export type Scope = (typeof ALL_SCOPES)[number];

export function isScope(value: string): value is Scope {
    return (ALL_SCOPES as readonly string[]).includes(value);
}
