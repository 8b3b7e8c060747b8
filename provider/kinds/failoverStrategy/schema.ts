import { z } from "zod";
import { flag, oneOf, text, wholeNumber } from "../../validation/fieldRules";
import { isUnknown } from "../../validation/unknowns";

export const FAILOVER_TRIGGERS = ["health_degraded", "latency_exceeded"] as const;
export type FailoverTrigger = (typeof FAILOVER_TRIGGERS)[number];
export const MIN_REGIONS = 2;

/**
 * Whole numbers inside a region. Zod 4's `.int()` aborts the enclosing array's refinements, which would hide a
 * repeated priority or region beside a fractional one; `multipleOf(1)` does not, so one preview lists every mistake.
 */
function regionWholeNumber(reason: string, min: number, max?: number) {
    const base = z.number({ error: reason }).min(min, { error: reason }).multipleOf(1, { error: reason });
    return max === undefined ? base : base.max(max, { error: reason });
}

const REGION_FIELDS = "regionId, priority, weight, failoverTrigger";

// Strict: a misspelt field would otherwise be ignored here yet show as a change on every run.
const region = z.strictObject(
    {
        // Also a path segment of the health pre-flight, so only what a region id holds.
        regionId: z.string({ error: "must be a region id" }).regex(/^[A-Za-z0-9_-]{1,64}$/, {
            error: "must be a region id such as us-east-1 (letters, digits, - or _)",
        }),
        priority: regionWholeNumber("must be a positive whole number (1 is tried first)", 1),
        weight: regionWholeNumber("must be a whole number of percent from 0 to 100", 0, 100),
        failoverTrigger: oneOf(FAILOVER_TRIGGERS),
    },
    {
        error: (issue) =>
            issue.code === "unrecognized_keys"
                ? `has unknown field(s) ${issue.keys.join(", ")}: a region takes only ${REGION_FIELDS}`
                : `must be an object {${REGION_FIELDS}}`,
    },
);

/** A value seen twice among the regions is reported at its second place, so each mistake has its own path. */
function reportRepeats(regions: unknown[], key: "regionId" | "priority", ctx: z.RefinementCtx, hint: string): void {
    const seen = new Map<unknown, number>();
    regions.forEach((item, index) => {
        const value = typeof item === "object" && item !== null ? (item as Record<string, unknown>)[key] : undefined;
        if ((typeof value !== "string" && typeof value !== "number") || isUnknown(value)) return;
        const first = seen.get(value);
        if (first === undefined) seen.set(value, index);
        else
            ctx.addIssue({
                code: "custom",
                path: [index, key],
                message: `repeats ${JSON.stringify(value)} (already at regions[${first}]); ${hint}`,
            });
    });
}

const regions = z
    .array(region, { error: "must be a list of regions {regionId, priority, weight, failoverTrigger}" })
    .min(MIN_REGIONS, {
        error: `must list at least ${MIN_REGIONS} regions: a strategy fails over from one region to another`,
    })
    .superRefine(
        (items, ctx) => {
            reportRepeats(items, "regionId", ctx, "list each region once");
            reportRepeats(items, "priority", ctx, "give each region its own priority");
        },
        // Report repeats beside invalid items, so one preview lists every mistake.
        { when: (payload) => Array.isArray(payload.value) },
    );

export const failoverStrategyInputs = z.object({
    name: text(200),
    description: text(1000).optional(),
    enabled: flag,
    regions,
    evaluationTimeoutMs: wholeNumber(1, 30000, "milliseconds"),
    /** Checked against each region's health on create/update (pre-flight); never sent to the platform. */
    maxSyncIntervalSeconds: wholeNumber(1, 86400, "seconds"),
});

export type FailoverStrategyInputs = z.infer<typeof failoverStrategyInputs>;
export type StrategyRegion = FailoverStrategyInputs["regions"][number];

export const failoverStrategyDefaults: Partial<FailoverStrategyInputs> = {
    enabled: true,
    evaluationTimeoutMs: 5000,
    maxSyncIntervalSeconds: 300,
};
