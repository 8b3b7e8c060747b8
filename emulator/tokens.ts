import { randomBytes, timingSafeEqual } from "node:crypto";
import { ALL_PERMISSIONS, isPermission, type Permission } from "./platform/permissions";
import { isScope, ALL_SCOPES } from "./scopes";

/** An OAuth client the emulator accepts for the client-credentials grant. */
export interface ClientConfig {
    clientId: string;
    clientSecret: string;
    /** The API contract's scopes this client holds. */
    scopes: string[];
}

export interface IssuedToken {
    clientId: string;
    scopes: ReadonlySet<string>;
    expiresAt: number;
}

/** Rejects client configurations that could never work, naming the field and the fix. */
export function checkClientConfig(client: ClientConfig): void {
    if (typeof client.clientId !== "string" || client.clientId === "") {
        throw new TypeError("clients[].clientId must be a non-empty string");
    }
    if (typeof client.clientSecret !== "string" || client.clientSecret === "") {
        throw new TypeError(`clients[].clientSecret of client ${client.clientId} must be a non-empty string`);
    }
    const unknown = client.scopes.filter((s) => !isScope(s));
    if (unknown.length > 0) {
        throw new TypeError(
            `client ${client.clientId} has unknown scopes ${unknown.join(", ")}; valid scopes: ${ALL_SCOPES.join(", ")}`,
        );
    }
}

/** Throws a TypeError naming every entry that is not a known permission, and the valid ones. */
export function checkPermissionList(what: string, permissions: unknown): asserts permissions is Permission[] {
    if (!Array.isArray(permissions)) throw new TypeError(`${what} must be an array of permission names`);
    const unknown = permissions.filter((p) => typeof p !== "string" || !isPermission(p));
    if (unknown.length > 0) {
        throw new TypeError(
            `${what} has unknown permissions ${unknown.map((p) => JSON.stringify(p)).join(", ")}; valid permissions: ${ALL_PERMISSIONS.join(", ")}`,
        );
    }
}

function sameSecret(a: string, b: string): boolean {
    const left = Buffer.from(a);
    const right = Buffer.from(b);
    return left.length === right.length && timingSafeEqual(left, right);
}

/** Client registry plus the bearer tokens issued to those clients. Tokens live in memory only. */
export class TokenStore {
    private readonly clients = new Map<string, ClientConfig>();
    private readonly tokens = new Map<string, IssuedToken>();
    /** Looked up on every call, not fixed in the token: a role change applies to tokens already issued. */
    private readonly withheld = new Map<string, ReadonlySet<Permission>>();

    constructor(
        clients: ClientConfig[],
        private readonly now: () => number,
    ) {
        for (const client of clients) {
            checkClientConfig(client);
            this.clients.set(client.clientId, client);
            this.withheld.set(client.clientId, new Set());
        }
    }

    /** Whether the client's roles grant the permission. */
    holds(clientId: string, permission: Permission): boolean {
        return !this.withheld.get(clientId)?.has(permission);
    }

    /** Each client's withheld permissions. */
    withheldPermissions(): Record<string, Permission[]> {
        return Object.fromEntries([...this.withheld].map(([clientId, set]) => [clientId, [...set]]));
    }

    /** Replaces what one client's roles do not grant; throws a TypeError for an unknown client or permission. */
    setWithheldPermissions(clientId: string, permissions: unknown): void {
        if (!this.clients.has(clientId)) {
            throw new TypeError(
                `unknown client ${JSON.stringify(clientId)}; clients: ${[...this.clients.keys()].join(", ")}`,
            );
        }
        checkPermissionList(`withheld permissions of client ${clientId}`, permissions);
        this.withheld.set(clientId, new Set(permissions));
    }

    /** The client for these credentials, or undefined for an unknown client or a wrong secret (callers must not say which). */
    authenticate(clientId: string, clientSecret: string): ClientConfig | undefined {
        const client = this.clients.get(clientId);
        return client && sameSecret(client.clientSecret, clientSecret) ? client : undefined;
    }

    issue(client: ClientConfig, ttlSeconds: number): string {
        this.dropExpired();
        const token = randomBytes(32).toString("base64url");
        this.tokens.set(token, {
            clientId: client.clientId,
            scopes: new Set(client.scopes),
            expiresAt: this.now() + ttlSeconds * 1000,
        });
        return token;
    }

    /** The live token, or undefined when it is unknown, expired or revoked. */
    lookup(token: string): IssuedToken | undefined {
        const issued = this.tokens.get(token);
        if (!issued) return undefined;
        if (issued.expiresAt <= this.now()) {
            this.tokens.delete(token);
            return undefined;
        }
        return issued;
    }

    revokeAll(): void {
        this.tokens.clear();
    }

    private dropExpired(): void {
        const now = this.now();
        for (const [token, issued] of this.tokens) {
            if (issued.expiresAt <= now) this.tokens.delete(token);
        }
    }
}
