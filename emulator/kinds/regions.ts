import { type FieldError, notFound } from "../apiError";
import { isPlainObject } from "../jsonObject";
import type { Route } from "../kind";
import { pageList } from "../pagination";

export const REGIONS_PATH = "/api/v2/architecture/regions";
export const REGION_STATUSES = ["HEALTHY", "DEGRADED", "UNAVAILABLE"] as const;
export type RegionStatus = (typeof REGION_STATUSES)[number];

/** A region's health as `GET /api/v2/architecture/regions/{id}/health` reports it. */
export interface RegionHealth {
    id: string;
    status: RegionStatus;
    /** How often the region syncs routing configuration; failover strategies cap it (maxSyncIntervalSeconds). */
    syncIntervalSeconds: number;
    /** Current latency; a `latency_exceeded` trigger fires when it exceeds the strategy's evaluationTimeoutMs. */
    latencyMs: number;
}

/** How an operator describes a region: only the id is required. */
export type RegionConfig = Pick<RegionHealth, "id"> & Partial<Omit<RegionHealth, "id">>;

export const DEFAULT_SYNC_INTERVAL_SECONDS = 60;
export const DEFAULT_LATENCY_MS = 40;

/** Real Genesys Cloud region ids (the platform's region list), all healthy. */
export const DEFAULT_REGION_IDS = [
    "us-east-1",
    "us-west-2",
    "ca-central-1",
    "eu-west-1",
    "eu-west-2",
    "eu-central-1",
    "ap-southeast-2",
    "ap-northeast-1",
] as const;

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Checks region configs from code or the admin endpoint; lists every bad field at once and fills the defaults. */
export function checkRegionConfigs(
    raw: unknown,
): { ok: true; value: RegionHealth[] } | { ok: false; errors: FieldError[] } {
    if (!Array.isArray(raw)) {
        return {
            ok: false,
            errors: [
                {
                    fieldName: "regions",
                    errorCode: "invalid.value",
                    message: "regions must be a JSON array of {id, status?, syncIntervalSeconds?, latencyMs?}",
                },
            ],
        };
    }
    const errors: FieldError[] = [];
    const fail = (fieldName: string, message: string) => {
        errors.push({ fieldName, errorCode: "invalid.value", message: `${fieldName} ${message}` });
    };
    const seen = new Set<string>();
    const value: RegionHealth[] = [];
    for (const [index, item] of (raw as unknown[]).entries()) {
        const at = `regions[${index}]`;
        if (!isPlainObject(item)) {
            fail(at, "must be an object {id, status?, syncIntervalSeconds?, latencyMs?}");
            continue;
        }
        const {
            id,
            status = "HEALTHY",
            syncIntervalSeconds = DEFAULT_SYNC_INTERVAL_SECONDS,
            latencyMs = DEFAULT_LATENCY_MS,
        } = item;
        const before = errors.length;
        if (typeof id !== "string" || !ID_PATTERN.test(id))
            fail(`${at}.id`, "must be 1 to 64 letters, digits, '-' or '_', e.g. us-east-1");
        else if (seen.has(id)) fail(`${at}.id`, `repeats ${id}; list each region once`);
        if (!(REGION_STATUSES as readonly unknown[]).includes(status))
            fail(`${at}.status`, `must be one of ${REGION_STATUSES.join(", ")}`);
        if (!Number.isInteger(syncIntervalSeconds) || (syncIntervalSeconds as number) < 1)
            fail(`${at}.syncIntervalSeconds`, "must be an integer >= 1");
        if (!Number.isInteger(latencyMs) || (latencyMs as number) < 0)
            fail(`${at}.latencyMs`, "must be an integer >= 0");
        if (errors.length > before) continue;
        seen.add(id as string);
        value.push({
            id: id as string,
            status: status as RegionStatus,
            syncIntervalSeconds: syncIntervalSeconds as number,
            latencyMs: latencyMs as number,
        });
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

export function defaultRegions(): RegionHealth[] {
    return DEFAULT_REGION_IDS.map((id) => ({
        id,
        status: "HEALTHY",
        syncIntervalSeconds: DEFAULT_SYNC_INTERVAL_SECONDS,
        latencyMs: DEFAULT_LATENCY_MS,
    }));
}

export type RegionChangeListener = (
    before: ReadonlyMap<string, RegionHealth>,
    after: ReadonlyMap<string, RegionHealth>,
) => void;

/**
 * The org's regions and their health: operator-controlled world state, like faults (not persisted). Listeners hear
 * every change with the health before and after, which is how failover strategies switch regions.
 */
export class RegionTable {
    private byId: ReadonlyMap<string, RegionHealth>;
    private readonly listeners: RegionChangeListener[] = [];

    constructor(regions: readonly RegionHealth[]) {
        this.byId = toMap(regions);
    }

    list(): RegionHealth[] {
        return [...this.byId.values()].map((r) => ({ ...r }));
    }

    get(id: string): RegionHealth | undefined {
        const region = this.byId.get(id);
        return region && { ...region };
    }

    /** Replaces the whole set (regions left out no longer exist). */
    replace(regions: readonly RegionHealth[]): void {
        const before = this.byId;
        this.byId = toMap(regions);
        for (const listener of this.listeners) listener(before, this.byId);
    }

    onChange(listener: RegionChangeListener): void {
        this.listeners.push(listener);
    }
}

function toMap(regions: readonly RegionHealth[]): ReadonlyMap<string, RegionHealth> {
    return new Map(regions.map((r) => [r.id, { ...r }]));
}

/** The page-based region list and each region's health (scope architecture:region:read). */
export function regionRoutes(regions: RegionTable): Route[] {
    return [
        {
            method: "GET",
            pattern: REGIONS_PATH,
            scope: "architecture:region:read",
            handle: ({ query }) => ({
                status: 200,
                body: pageList(
                    regions.list().map(({ id }) => ({ id, name: id, healthUri: `${REGIONS_PATH}/${id}/health` })),
                    query,
                    REGIONS_PATH,
                ),
            }),
        },
        {
            method: "GET",
            pattern: `${REGIONS_PATH}/{id}/health`,
            scope: "architecture:region:read",
            handle: ({ params }) => {
                const region = regions.get(params.id);
                if (!region) throw notFound("Region", params.id);
                return { status: 200, body: region };
            },
        },
    ];
}
