/** What the provider did to the platform object; `notify` records a governance notification that failed. */
export type AuditOperation = "create" | "update" | "delete" | "notify";

/**
 * One line of the audit log. Every field is always present (null when unknown) so a line can be read without
 * guessing; `error` appears on failures only. Nothing here may hold a secret: the request is kept as a hash of
 * its canonical form with the secrets removed, and error messages are scrubbed of every known secret value.
 */
export interface AuditRecord {
    /** UTC, ISO 8601 with milliseconds. */
    time: string;
    /** The resource kind as the program names it: `RecordingPolicy`, `DataRecordSet`, … */
    kind: string;
    /** The Pulumi resource name given in the program. */
    resourceName: string | null;
    stack: string | null;
    platformId: string | null;
    operation: AuditOperation;
    outcome: "success" | "failure";
    /** The final HTTP status of the operation's last platform call (or of its failing one). */
    httpStatus: number | null;
    /** HTTP attempts the operation made, retries included. */
    attempts: number;
    /** Attempts beyond the first of each call. */
    retries: number;
    latencyMs: number;
    /** The platform's ININ-Correlation-Id of that call, to quote to Genesys support. */
    correlationId: string | null;
    /** SHA-256 (hex) of the canonical request: keys sorted, secrets and internal keys removed. */
    requestSha256: string;
    error?: string;
}

const FILE_PATTERN = /^audit-(\d{4})(\d{2})(\d{2})\.jsonl$/;

/** Audit files rotate by UTC day: `audit-YYYYMMDD.jsonl`, named after the day of the records they hold. */
export function auditFileName(time: string): string {
    const day = /^(\d{4})-(\d{2})-(\d{2})T/.exec(time);
    if (!day) throw new Error(`audit record time "${time}" is not an ISO 8601 UTC timestamp`);
    return `audit-${day[1]}${day[2]}${day[3]}.jsonl`;
}

/** The UTC day (`YYYY-MM-DD`) an audit file holds, or undefined when the name is not an audit file's. */
export function auditFileDay(fileName: string): string | undefined {
    const match = FILE_PATTERN.exec(fileName);
    return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}
