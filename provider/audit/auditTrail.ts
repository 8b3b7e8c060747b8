import type { CallOutcome } from "../client/apiClient";
import { GenesysApiError } from "../client/apiError";
import { AuditLog, warnOnStderr, type Warn } from "./auditLog";
import type { AuditOperation, AuditRecord } from "./auditRecord";
import type { AuditSettings } from "./auditSettings";
import { Notifier, type NotifierOptions } from "./notifier";
import { canonicalRequest, sha256Hex } from "./requestHash";
import { resourceIdentity } from "./resourceIdentity";

/** What the provider wrapper knows once an operation has ended. */
export interface OperationFacts {
    kind: string;
    operation: Exclude<AuditOperation, "notify">;
    /** The inputs (create, update) or the state (delete) the operation acted on. */
    props: Record<string, unknown>;
    secretFields: readonly string[];
    platformId: string | undefined;
    latencyMs: number;
    /** Every API call the operation finished. */
    calls: readonly CallOutcome[];
    /** Set when the operation failed. */
    error?: unknown;
}

export interface AuditTrailOptions {
    now?: () => Date;
    warn?: Warn;
    /** Retry and timeout settings of the notifier (tests shorten them). */
    notifier?: Omit<NotifierOptions, "url" | "secret">;
}

/** Shortest secret value scrubbed from texts; shorter ones would blank out ordinary words. */
const MIN_REDACTED_LENGTH = 4;

/**
 * Turns each finished operation into an audit line and, when a receiver is configured, a signed notification.
 * `record` never throws: an audit or notification problem warns and is recorded, and the operation's own result
 * stands.
 */
export class AuditTrail {
    readonly log: AuditLog;
    private readonly notifier?: Notifier;
    private readonly now: () => Date;
    private readonly warn: Warn;
    private warnedNotify = false;

    constructor(
        private readonly settings: AuditSettings,
        options: AuditTrailOptions = {},
    ) {
        this.warn = options.warn ?? warnOnStderr;
        this.now = options.now ?? (() => new Date());
        this.log = new AuditLog(settings.dir, this.warn);
        if (settings.notify) this.notifier = new Notifier({ ...options.notifier, ...settings.notify });
    }

    async record(facts: OperationFacts): Promise<AuditRecord | undefined> {
        try {
            const record = this.toRecord(facts);
            this.log.append(record);
            if (this.notifier) await this.notify(this.notifier, record);
            return record;
        } catch (err) {
            this.warn(
                `genesys-pulumi audit trail: could not record a ${facts.kind} ${facts.operation}: ${this.scrub(String((err as Error)?.message ?? err), [])}`,
            );
            return undefined;
        }
    }

    private toRecord(facts: OperationFacts): AuditRecord {
        const failed = facts.error !== undefined;
        // A failure is told by the call that failed (a 409 before the re-read that explains it), else by the last call.
        const decisive =
            (failed
                ? [...facts.calls].reverse().find((call) => call.status === undefined || call.status >= 400)
                : undefined) ?? facts.calls.at(-1);
        const apiError = facts.error instanceof GenesysApiError ? facts.error : undefined;
        const attempts = facts.calls.reduce((sum, call) => sum + call.attempts, 0);
        const record: AuditRecord = {
            time: this.now().toISOString(),
            kind: facts.kind,
            ...resourceIdentity(facts.props),
            platformId: facts.platformId ?? null,
            operation: facts.operation,
            outcome: failed ? "failure" : "success",
            httpStatus: (apiError?.status || undefined) ?? decisive?.status ?? null,
            attempts,
            retries: attempts - facts.calls.length,
            latencyMs: Math.round(facts.latencyMs),
            correlationId: apiError?.contextId ?? decisive?.correlationId ?? null,
            requestSha256: sha256Hex(canonicalRequest(facts.props, facts.secretFields)),
        };
        if (failed) record.error = this.scrub(messageOf(facts.error), secretValues(facts.props, facts.secretFields));
        return record;
    }

    private async notify(notifier: Notifier, record: AuditRecord): Promise<void> {
        const body = JSON.stringify(record);
        const delivery = await notifier.notify(body);
        if (delivery.ok) return;
        const error = delivery.error ?? "the notification failed";
        if (!this.warnedNotify) {
            this.warnedNotify = true;
            this.warn(
                `genesys-pulumi governance notification failed: ${error}; the deployment goes on and each failure is recorded in the audit log`,
            );
        }
        this.log.append({
            time: this.now().toISOString(),
            kind: record.kind,
            resourceName: record.resourceName,
            stack: record.stack,
            platformId: record.platformId,
            operation: "notify",
            outcome: "failure",
            httpStatus: delivery.status ?? null,
            attempts: delivery.attempts,
            retries: Math.max(delivery.attempts - 1, 0),
            latencyMs: delivery.latencyMs,
            correlationId: null,
            requestSha256: sha256Hex(body),
            error,
        });
    }

    private scrub(text: string, more: readonly string[]): string {
        let scrubbed = text;
        for (const secret of [...this.settings.redact, ...more]) {
            if (secret.length >= MIN_REDACTED_LENGTH) scrubbed = scrubbed.split(secret).join("[secret]");
        }
        return scrubbed;
    }
}

function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

function secretValues(props: Record<string, unknown>, secretFields: readonly string[]): string[] {
    return secretFields.map((field) => props[field]).filter((value): value is string => typeof value === "string");
}
