import * as path from "node:path";

export interface AuditSettings {
    /** Absolute directory of the audit files. */
    dir: string;
    notify?: { url: string; secret?: string };
    /** Secret values that must never reach an audit line (scrubbed from error texts). */
    redact: string[];
}

/** Where audit files go when `genesys:auditDir` is not set: beside the program (the host runs in its directory). */
export const DEFAULT_AUDIT_DIR = ".genesys-audit";

/**
 * Reads `genesys:auditDir`, `genesys:notifyUrl` and `genesys:notifySecret` (full keys through `get`, as
 * `configure` receives them). A relative directory is taken from the program's directory.
 */
export function auditSettings(
    get: (key: string) => string | undefined,
    env: NodeJS.ProcessEnv = process.env,
    cwd: string = process.cwd(),
): AuditSettings {
    const read = (key: string) => get(`genesys:${key}`)?.trim() || undefined;
    const url = read("notifyUrl");
    const secret = read("notifySecret");
    const clientSecret = read("clientSecret") ?? env.GENESYSCLOUD_OAUTHCLIENT_SECRET?.trim();
    return {
        dir: path.resolve(cwd, read("auditDir") ?? DEFAULT_AUDIT_DIR),
        notify: url === undefined ? undefined : { url, secret },
        redact: [clientSecret, secret].filter((value): value is string => !!value),
    };
}
