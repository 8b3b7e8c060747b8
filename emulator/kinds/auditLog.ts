import type { Collection } from "../collection";
import type { KindContext, Route } from "../kind";
import { tokenList } from "../pagination";

export const AUDIT_LOG_PATH = "/api/v2/platform/auditlogs";

/**
 * One audit-log entry, shaped after Genesys Cloud's platform audit events. The contract only fixes the list's
 * envelope, so the entry is the emulator's own (and documented here):
 * - `action` "Create" | "Update" | "Delete" (level USER): a write of the entity through the API, always SUCCESS;
 *   `context.version` is the version the write produced ("" for a delete).
 * - `action` "Failover" (level SYSTEM): a failover strategy switched its active region after a health change.
 *   `status` SUCCESS when another region took over, FAILURE when none could; `context` holds `fromRegionId`,
 *   `toRegionId` ("" when none took over, or none was active before) and `trigger` (the tripped region's
 *   failoverTrigger, or "recovery" when the switch is back to a region that recovered). A strategy's switch success rate
 *   is its SUCCESS Failover entries over all its Failover entries.
 */
export interface AuditEntry {
    id: string;
    /** ISO 8601; entries are listed oldest first. */
    eventDate: string;
    serviceName: "Routing";
    level: "USER" | "SYSTEM";
    entityType: "ROUTING_STRATEGY";
    entity: { id: string; name: string };
    action: "Create" | "Update" | "Delete" | "Failover";
    status: "SUCCESS" | "FAILURE";
    context: Record<string, string>;
}

export type NewAuditEntry = Omit<AuditEntry, "id" | "eventDate" | "serviceName" | "entityType">;

/** The append-only audit log, persisted like any collection so it survives a restart with dataDir. */
export class AuditLog {
    private readonly entries: Collection;

    constructor(context: KindContext) {
        this.entries = context.collection({
            name: "auditLogs",
            label: "Audit log entry",
            selfUri: (id) => `${AUDIT_LOG_PATH}/${id}`,
        });
    }

    append(entry: NewAuditEntry): void {
        this.entries.create({ serviceName: "Routing", entityType: "ROUTING_STRATEGY", ...entry });
    }

    /** Oldest first; optionally only those about one entity. */
    list(entityId?: string): AuditEntry[] {
        return this.entries
            .list()
            .map(
                ({ id, dateCreated, version: _version, dateModified: _modified, selfUri: _self, ...fields }) =>
                    ({ id, eventDate: dateCreated, ...fields }) as AuditEntry,
            )
            .filter((entry) => entityId === undefined || entry.entity.id === entityId);
    }
}

/**
 * `GET /api/v2/platform/auditlogs?pageSize=&filterEntityId=` → `{entities, nextPage}`: `nextPage` is the path of the
 * next page (query included), "" on the last one. Entries only ever append, so the cursor in it never skips or repeats.
 */
export function auditLogRoutes(log: AuditLog): Route[] {
    return [
        {
            method: "GET",
            pattern: AUDIT_LOG_PATH,
            scope: "platform:auditlog:read",
            handle: ({ query }) => {
                const entityId = query.get("filterEntityId") || undefined;
                const page = tokenList(log.list(entityId), query);
                const keep = {
                    ...(query.get("pageSize") ? { pageSize: query.get("pageSize") as string } : {}),
                    ...(entityId ? { filterEntityId: entityId } : {}),
                };
                const nextPage = page.nextPageToken
                    ? `${AUDIT_LOG_PATH}?${new URLSearchParams({ ...keep, pageToken: page.nextPageToken })}`
                    : "";
                return { status: 200, body: { entities: page.entities, nextPage } };
            },
        },
    ];
}
