import { ApiClient } from "../../client/apiClient";
import { resolveConfig } from "../../client/config";
import { MAX_PAGE_SIZE } from "../../client/pagination";

const AUDIT_LOG = "/api/v2/platform/auditlogs";

/**
 * One audit-log entry about a strategy. `action` "Create" | "Update" | "Delete" are writes; "Failover" entries are the
 * strategy switching its active region, `status` SUCCESS or FAILURE, with `context.fromRegionId`/`toRegionId`/`trigger`.
 */
export interface FailoverAuditEntry {
    id: string;
    eventDate: string;
    action: string;
    status: string;
    entity: { id: string; name: string };
    context?: Record<string, string>;
    [field: string]: unknown;
}

export interface SwitchSummary {
    /** Failover entries: every switch of the active region the platform attempted. */
    switchCount: number;
    successfulSwitches: number;
    /** successfulSwitches / switchCount, from 0 to 1; absent when the strategy never switched. */
    switchSuccessRate?: number;
}

export interface FailoverAuditLog extends SwitchSummary {
    strategyId: string;
    /** Oldest first, every page followed. */
    entries: FailoverAuditEntry[];
}

export interface AuditLogOptions {
    /** Entries per request, 1 to 100 (default 100: fewest requests). */
    pageSize?: number;
}

export function switchSummary(entries: readonly FailoverAuditEntry[]): SwitchSummary {
    const switches = entries.filter((entry) => entry.action === "Failover");
    const successfulSwitches = switches.filter((entry) => entry.status === "SUCCESS").length;
    return {
        switchCount: switches.length,
        successfulSwitches,
        switchSuccessRate: switches.length === 0 ? undefined : successfulSwitches / switches.length,
    };
}

function checkPageSize(pageSize: number): number {
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new Error(
            `getFailoverAuditLog: pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE} (got ${String(pageSize)})`,
        );
    }
    return pageSize;
}

/** Follows the audit log's `nextPage` links to the end for one strategy. */
export async function fetchFailoverAuditLog(
    client: ApiClient,
    strategyId: string,
    options: AuditLogOptions = {},
): Promise<FailoverAuditLog> {
    if (typeof strategyId !== "string" || strategyId === "") {
        throw new Error("getFailoverAuditLog: strategyId must be a failover strategy's id, e.g. `strategy.id`");
    }
    const pageSize = checkPageSize(options.pageSize ?? MAX_PAGE_SIZE);
    const entries = await client.listLinkedPages<FailoverAuditEntry>(AUDIT_LOG, {
        pageSize,
        filterEntityId: strategyId,
    });
    return { strategyId, entries, ...switchSummary(entries) };
}

/**
 * What `getFailoverAuditLog` in the SDK runs inside the user's program: credentials and endpoint are read like the
 * provider reads them (`genesys:*` stack config through `getConfig`, else GENESYSCLOUD_* environment variables).
 */
export async function getFailoverAuditLog(
    strategyId: string,
    options: AuditLogOptions & { getConfig: (key: string) => string | undefined },
): Promise<FailoverAuditLog> {
    const { getConfig, ...rest } = options;
    return fetchFailoverAuditLog(new ApiClient(resolveConfig(getConfig)), strategyId, rest);
}
