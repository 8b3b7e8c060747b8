import { badRequest, type FieldError } from "../apiError";
import { isPlainObject, type JsonObject } from "../jsonObject";
import { expectedVersion, kindCollection } from "../crudRoutes";
import type { KindModule } from "../kind";
import { pageList } from "../pagination";
import { BodyChecker, type Validation } from "../validation";
import { AuditLog, auditLogRoutes } from "./auditLog";
import { FAILOVER_TRIGGERS, type StrategyRegion, switchFor } from "./failoverSwitching";
import { regionRoutes } from "./regions";

export const MIN_REGIONS = 2;
export const MAX_EVALUATION_TIMEOUT_MS = 30000;

/** `routingConfig`: nested, so checked here field by field with dotted field names (`routingConfig.regions[1].weight`). */
function checkRoutingConfig(check: BodyChecker, raw: unknown, knownRegion?: (id: string) => boolean): void {
    const fail = (fieldName: string, errorCode: string, message: string) =>
        check.fail(fieldName, errorCode, `${fieldName} ${message}`);
    if (!isPlainObject(raw)) {
        fail(
            "routingConfig",
            raw === undefined || raw === null ? "required" : "invalid.value",
            "must be an object {evaluationTimeoutMs, regions}",
        );
        return;
    }
    const before = check.errors.length;
    const timeout = raw.evaluationTimeoutMs;
    if (!Number.isInteger(timeout) || (timeout as number) < 1 || (timeout as number) > MAX_EVALUATION_TIMEOUT_MS) {
        fail(
            "routingConfig.evaluationTimeoutMs",
            "invalid.value",
            `must be an integer between 1 and ${MAX_EVALUATION_TIMEOUT_MS}`,
        );
    }
    const regions = raw.regions;
    if (!Array.isArray(regions) || regions.length < MIN_REGIONS) {
        fail(
            "routingConfig.regions",
            "invalid.value",
            `must list at least ${MIN_REGIONS} regions {regionId, priority, weight, failoverTrigger}`,
        );
        return;
    }
    const priorities = new Map<unknown, number>();
    const ids = new Map<unknown, number>();
    const kept: StrategyRegion[] = [];
    for (const [index, region] of (regions as unknown[]).entries()) {
        const at = `routingConfig.regions[${index}]`;
        if (!isPlainObject(region)) {
            fail(at, "invalid.value", "must be an object {regionId, priority, weight, failoverTrigger}");
            continue;
        }
        const { regionId, priority, weight, failoverTrigger } = region;
        if (typeof regionId !== "string" || regionId.trim() === "")
            fail(`${at}.regionId`, "required", "must be a region id, e.g. us-east-1");
        else if (ids.has(regionId))
            fail(`${at}.regionId`, "duplicate.value", `repeats ${regionId} (already at index ${ids.get(regionId)})`);
        else if (knownRegion && !knownRegion(regionId))
            fail(
                `${at}.regionId`,
                "invalid.value",
                `${regionId} is not a region of this org; list them with GET /api/v2/architecture/regions`,
            );
        if (typeof regionId === "string") ids.set(regionId, ids.get(regionId) ?? index);
        if (!Number.isInteger(priority) || (priority as number) < 1)
            fail(`${at}.priority`, "invalid.value", "must be a positive integer");
        else if (priorities.has(priority))
            fail(
                `${at}.priority`,
                "duplicate.value",
                `repeats ${priority} (already at index ${priorities.get(priority)}); priorities must be unique`,
            );
        else priorities.set(priority, index);
        if (!Number.isInteger(weight) || (weight as number) < 0 || (weight as number) > 100)
            fail(`${at}.weight`, "invalid.value", "must be an integer between 0 and 100");
        if (!(FAILOVER_TRIGGERS as readonly unknown[]).includes(failoverTrigger))
            fail(`${at}.failoverTrigger`, "invalid.value", `must be one of ${FAILOVER_TRIGGERS.join(", ")}`);
        kept.push({ regionId, priority, weight, failoverTrigger } as StrategyRegion);
    }
    if (check.errors.length === before) check.value.routingConfig = { evaluationTimeoutMs: timeout, regions: kept };
}

/** Structural validation; the routes also pass `knownRegion`, so a region the org lacks is a 400 too. */
export function validateFailoverStrategy(body: unknown, knownRegion?: (id: string) => boolean): Validation {
    const check = new BodyChecker(body);
    check.string("name", { maxLength: 200 });
    check.string("description", { required: false, maxLength: 1000 });
    check.oneOf("type", ["custom"]);
    check.boolean("enabled");
    checkRoutingConfig(check, isPlainObject(body) ? body.routingConfig : undefined, knownRegion);
    return check.result();
}

interface StoredStrategy {
    enabled: boolean;
    routingConfig: { evaluationTimeoutMs: number; regions: StrategyRegion[] };
}

/**
 * Failover strategies: client-chosen ids (`PUT` upserts), page-based list. The kind also serves what failover relies
 * on: the org's regions with their health, and the audit log. Every write appends an audit entry; every region health
 * change that moves an enabled strategy's active region appends a Failover entry (see auditLog.ts).
 */
export const failoverStrategies: KindModule = {
    name: "failoverStrategies",
    label: "Failover strategy",
    basePath: "/api/v2/routing/strategies",
    writeOnlyFields: [],
    validate: (body) => validateFailoverStrategy(body),
    routes(context) {
        const collection = kindCollection(failoverStrategies, context);
        const regions = context.regions;
        const audit = new AuditLog(context);
        const subject = failoverStrategies.label.toLowerCase();
        const itemPattern = `${failoverStrategies.basePath}/{id}`;
        const entity = (s: JsonObject) => ({ id: String(s.id), name: String(s.name) });

        regions.onChange((before, after) => {
            for (const strategy of collection.list()) {
                // Stored bodies passed validateFailoverStrategy.
                const { enabled, routingConfig } = strategy as unknown as StoredStrategy;
                if (!enabled) continue;
                const event = switchFor(routingConfig.regions, routingConfig.evaluationTimeoutMs, before, after);
                if (!event) continue;
                audit.append({
                    level: "SYSTEM",
                    entity: entity(strategy),
                    action: "Failover",
                    status: event.succeeded ? "SUCCESS" : "FAILURE",
                    context: { fromRegionId: event.fromRegionId, toRegionId: event.toRegionId, trigger: event.trigger },
                });
            }
        });

        return [
            ...regionRoutes(regions),
            ...auditLogRoutes(audit),
            {
                method: "GET",
                pattern: failoverStrategies.basePath,
                scope: "routing:strategy:read",
                handle: ({ query }) => {
                    const name = query.get("name");
                    const filters: Record<string, string> = name === null ? {} : { name };
                    return {
                        status: 200,
                        body: pageList(collection.list(filters), query, failoverStrategies.basePath, filters),
                    };
                },
            },
            {
                method: "GET",
                pattern: itemPattern,
                scope: "routing:strategy:read",
                handle: ({ params }) => ({ status: 200, body: collection.get(params.id) }),
            },
            {
                method: "PUT",
                pattern: itemPattern,
                scope: "routing:strategy:write",
                handle: ({ params, body }) => {
                    const checked = validateFailoverStrategy(body, (id) => regions.get(id) !== undefined);
                    const version = expectedVersion(body);
                    const errors: FieldError[] = [
                        ...(checked.ok ? [] : checked.errors),
                        ...(version.error ? [version.error] : []),
                    ];
                    if (errors.length > 0 || !checked.ok) throw badRequest(errors, subject);
                    // A version claims the object exists: updating a deleted strategy is a 404, never a silent re-create.
                    const written =
                        version.version === undefined
                            ? collection.put(params.id, checked.value)
                            : { object: collection.update(params.id, checked.value, version.version), created: false };
                    audit.append({
                        level: "USER",
                        entity: entity(written.object),
                        action: written.created ? "Create" : "Update",
                        status: "SUCCESS",
                        context: { version: String(written.object.version) },
                    });
                    return { status: 200, body: written.object };
                },
            },
            {
                method: "DELETE",
                pattern: itemPattern,
                scope: "routing:strategy:write",
                handle: ({ params }) => {
                    // Listed rather than read, so the readAfterWrite404Ms fault cannot make a delete of a fresh strategy a no-op.
                    const existing = collection.list().find((s) => s.id === params.id);
                    collection.delete(params.id);
                    if (existing)
                        audit.append({
                            level: "USER",
                            entity: entity(existing),
                            action: "Delete",
                            status: "SUCCESS",
                            context: { version: "" },
                        });
                    return { status: 204 };
                },
            },
        ];
    },
};
