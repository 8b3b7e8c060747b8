import * as pulumi from "@pulumi/pulumi";
import { DynamicResource, resourceProps } from "./dynamicResource";

import type { RegionStatus } from "../provider/kinds/failoverStrategy/api";
import type { HealthMatrix } from "../provider/kinds/failoverStrategy/regionPreflight";
import type { FailoverTrigger, StrategyRegion } from "../provider/kinds/failoverStrategy/schema";

export type { FailoverTrigger, RegionStatus };

export interface FailoverRegion {
    /** A region of the org, e.g. "us-east-1" (`GET /api/v2/architecture/regions`). */
    regionId: pulumi.Input<string>;
    /** Positive and unique within the strategy; 1 serves first, higher numbers take over in turn. */
    priority: pulumi.Input<number>;
    /** Share of traffic, 0 to 100. */
    weight: pulumi.Input<number>;
    /** When this region hands over: on any status but HEALTHY, or when its latency exceeds evaluationTimeoutMs. */
    failoverTrigger: pulumi.Input<FailoverTrigger>;
}

export interface FailoverStrategyArgs {
    /** Platform name; defaults to the resource name plus a random suffix. */
    name?: pulumi.Input<string>;
    description?: pulumi.Input<string>;
    /** Defaults to true; a disabled strategy never switches regions. */
    enabled?: pulumi.Input<boolean>;
    /** Two or more regions, each listed once. */
    regions: pulumi.Input<pulumi.Input<FailoverRegion>[]>;
    /** 1 to 30000; defaults to 5000. */
    evaluationTimeoutMs?: pulumi.Input<number>;
    /**
     * Checked before every create and update: each region must sync routing configuration at least this often
     * (seconds; defaults to 300). Not sent to the platform.
     */
    maxSyncIntervalSeconds?: pulumi.Input<number>;
}

/** A Genesys Cloud architecture failover routing strategy (`/api/v2/routing/strategies`, client-chosen id). */
export class FailoverStrategy extends DynamicResource {
    declare readonly name: pulumi.Output<string>;
    declare readonly description: pulumi.Output<string | undefined>;
    declare readonly enabled: pulumi.Output<boolean>;
    declare readonly regions: pulumi.Output<StrategyRegion[]>;
    declare readonly evaluationTimeoutMs: pulumi.Output<number>;
    declare readonly maxSyncIntervalSeconds: pulumi.Output<number>;
    /** The platform id (also the resource's `id`). */
    declare readonly strategyId: pulumi.Output<string>;
    /** The platform version, +1 on each write. */
    declare readonly version: pulumi.Output<number>;
    /** Each region's status when the strategy was last deployed or refreshed; NOT_FOUND if the org lost the region. */
    declare readonly healthMatrix: pulumi.Output<HealthMatrix>;

    constructor(name: string, args: FailoverStrategyArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            "FailoverStrategy",
            name,
            resourceProps(name, args, [
                "name",
                "description",
                "enabled",
                "regions",
                "evaluationTimeoutMs",
                "maxSyncIntervalSeconds",
                "strategyId",
                "version",
                "healthMatrix",
            ]),
            opts,
        );
    }
}

// The audit log's shapes are the provider's; the SDK only re-exports them (types, no code crosses over).
import type { FailoverAuditLog } from "../provider/kinds/failoverStrategy/auditLog";
export type { FailoverAuditEntry, FailoverAuditLog } from "../provider/kinds/failoverStrategy/auditLog";

export interface FailoverAuditLogOptions {
    /** Entries per request, 1 to 100 (default 100). */
    pageSize?: number;
}

type AuditLogModule = typeof import("../provider/kinds/failoverStrategy/auditLog");

/**
 * A failover strategy's audit log and its switch success rate, read when the program runs (also during preview,
 * once the id is known), with the same credentials the provider uses: `genesys:*` stack config, else the
 * GENESYSCLOUD_* environment variables. The calls are made by the provider package; this function does no I/O itself.
 *
 * @example
 * export const switchSuccessRate = genesys.getFailoverAuditLog(strategy.id).switchSuccessRate;
 */
export function getFailoverAuditLog(
    strategyId: pulumi.Input<string>,
    options: FailoverAuditLogOptions = {},
): pulumi.Output<FailoverAuditLog> {
    return pulumi.output(strategyId).apply((id): Promise<FailoverAuditLog> => {
        const auditLog: AuditLogModule = require("genesys-pulumi/provider/kinds/failoverStrategy/auditLog");
        return auditLog.getFailoverAuditLog(id, { ...options, getConfig: (key) => pulumi.runtime.getConfig(key) });
    });
}
