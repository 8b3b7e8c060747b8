import * as http from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import * as path from "node:path";
import type { AddressInfo } from "node:net";
import type { AdminControls } from "./adminEndpoints";
import type { KindContext } from "./kind";
import { Collections } from "./collection";
import { checkFaultsPatch, defaultFaults, DEFAULT_RATE_LIMIT_PER_MINUTE, type Faults } from "./faults";
import { KINDS } from "./kinds";
import { PLATFORM_MODULES } from "./platform";
import { checkRegionConfigs, defaultRegions, type RegionConfig, type RegionHealth, RegionTable } from "./kinds/regions";
import { type Random, seededRandom } from "./prng";
import { RateLimiter } from "./rateLimiter";
import { type ReplayOptions, ReplaySettings } from "./replaySequence";
import { Router } from "./router";
import { ALL_SCOPES } from "./scopes";
import { createRequestListener } from "./server";
import { StatsRecorder } from "./stats";
import { type ClientConfig, TokenStore } from "./tokens";
import { Uploads } from "./uploads";

export type { ClientConfig } from "./tokens";
export type { EmulatorStats } from "./stats";
export type { Faults } from "./faults";
export type { ReplayOptions } from "./replaySequence";
export type { RegionConfig, RegionHealth } from "./kinds/regions";
export { ALL_SCOPES } from "./scopes";
export { ALL_PERMISSIONS } from "./platform/permissions";

/** The built-in client: holds every scope of the contract. */
export const DEFAULT_CLIENT_ID = "genesys-emulator";
export const DEFAULT_CLIENT_SECRET = "genesys-emulator-secret";
export const DEFAULT_TOKEN_TTL_SECONDS = 86400;

export interface EmulatorOptions {
    /** 0 (default) picks a free port. The emulator always binds 127.0.0.1. */
    port?: number;
    /** Persist every collection here (atomic writes) so a restart loses nothing. Tokens are not persisted. */
    dataDir?: string;
    /** Clients in addition to the default one. */
    clients?: ClientConfig[];
    /**
     * Per client id, platform permissions its roles do not grant (default: every client holds every permission
     * the real paths require). Changeable at run time with `PUT /__emulator/permissions`.
     */
    withheldPermissions?: Record<string, string[]>;
    /** Requests per token per minute (default 300); same as faults.rateLimitPerMinute. */
    rateLimitPerMinute?: number;
    /** Length of the rate-limit window (default 60 000 ms, the platform's minute); benchmarks compress time with it. */
    rateLimitWindowMs?: number;
    tokenTtlSeconds?: number;
    faults?: Partial<Faults>;
    /** Receives one line per request (never secrets). Silent when omitted. */
    log?: (line: string) => void;
    /** Clock in epoch ms for token expiry, rate windows, timestamps and read-after-write; tests inject one. */
    now?: () => number;
    /** Waits out the latencyMs fault (default: a real timer); tests inject one to see the latency applied. */
    sleep?: (ms: number) => Promise<void>;
    /** Sequence data of event-stream replays (length, gaps); also settable at run time via `/__emulator/replay`. */
    replay?: Partial<ReplayOptions>;
    /** The org's regions and their health (default: a handful of real region ids, all HEALTHY); also `/__emulator/regions`. */
    regions?: RegionConfig[];
}

/** A started emulator: its address, the operator controls (the same the `/__emulator/*` endpoints serve), and stop. */
export interface RunningEmulator extends AdminControls {
    /** Base URL, e.g. http://127.0.0.1:43121; serves /oauth/token and /api/v2. */
    url: string;
    port: number;
    stop(): Promise<void>;
}

function checkFaultsOrThrow(patch: Partial<Faults>): Partial<Faults> {
    const checked = checkFaultsPatch(patch);
    if (!checked.ok) throw new TypeError(`invalid emulator faults: ${checked.errors.map((e) => e.message).join("; ")}`);
    return checked.value;
}

function checkRegionsOrThrow(configs: unknown): RegionHealth[] {
    const checked = checkRegionConfigs(configs);
    if (!checked.ok)
        throw new TypeError(`invalid emulator regions: ${checked.errors.map((e) => e.message).join("; ")}`);
    return checked.value;
}

function checkOptions(options: EmulatorOptions): void {
    const port = options.port ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new TypeError(`port must be an integer 0..65535 (0 = any free port), got ${port}`);
    const ttl = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
    if (!Number.isInteger(ttl) || ttl < 1)
        throw new TypeError(`tokenTtlSeconds must be a positive integer, got ${ttl}`);
    const windowMs = options.rateLimitWindowMs;
    if (windowMs !== undefined && !(Number.isInteger(windowMs) && windowMs >= 1))
        throw new TypeError(`rateLimitWindowMs must be a positive integer of milliseconds, got ${windowMs}`);
    const ids = [DEFAULT_CLIENT_ID, ...(options.clients ?? []).map((c) => c.clientId)];
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
    if (repeated !== undefined)
        throw new TypeError(
            `client id ${repeated} is configured twice; client ids must be unique (and not ${DEFAULT_CLIENT_ID})`,
        );
}

/** Starts the embedded Genesys Cloud emulator on 127.0.0.1. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
    checkOptions(options);
    const now = options.now ?? Date.now;
    const log = options.log ?? (() => undefined);
    let faults: Faults = {
        ...defaultFaults(),
        ...checkFaultsOrThrow({ rateLimitPerMinute: options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE }),
        ...checkFaultsOrThrow(options.faults ?? {}),
    };
    let random: Random = seededRandom(faults.seed);

    const clients: ClientConfig[] = [
        { clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET, scopes: [...ALL_SCOPES] },
        ...(options.clients ?? []),
    ];
    const tokens = new TokenStore(clients, now);
    for (const [clientId, permissions] of Object.entries(options.withheldPermissions ?? {})) {
        tokens.setWithheldPermissions(clientId, permissions);
    }
    const stats = new StatsRecorder();
    const collections = new Collections({
        now,
        readAfterWrite404Ms: () => faults.readAfterWrite404Ms,
        dataDir: options.dataDir && path.resolve(options.dataDir),
    });
    const replay = new ReplaySettings(options.replay);
    const regions = new RegionTable(
        options.regions === undefined ? defaultRegions() : checkRegionsOrThrow(options.regions),
    );
    const uploads = new Uploads();
    const context: KindContext = { collection: (o) => collections.get(o), now, replay, regions, uploads };
    const router = new Router([
        ...KINDS.flatMap((kind) => kind.routes(context)),
        ...PLATFORM_MODULES.flatMap((module) => module.routes(context)),
    ]);

    const controls: AdminControls = {
        faults: () => ({ ...faults }),
        setFaults: (patch) => {
            const checked = checkFaultsOrThrow(patch);
            faults = { ...faults, ...checked };
            if (checked.seed !== undefined) random = seededRandom(checked.seed);
            log(`${new Date().toISOString()} faults set ${JSON.stringify(checked)}`);
        },
        revokeTokens: () => {
            tokens.revokeAll();
            log(`${new Date().toISOString()} all tokens revoked`);
        },
        stats: () => stats.snapshot(),
        replay: () => replay.current(),
        setReplay: (patch) => {
            const current = replay.set(patch);
            log(`${new Date().toISOString()} replay set ${JSON.stringify(current)}`);
        },
        regions: () => regions.list(),
        setRegions: (configs) => {
            regions.replace(checkRegionsOrThrow(configs));
            log(`${new Date().toISOString()} regions set ${JSON.stringify(regions.list())}`);
        },
        withheldPermissions: () => tokens.withheldPermissions(),
        setWithheldPermissions: (clientId, permissions) => {
            tokens.setWithheldPermissions(clientId, permissions);
            log(`${new Date().toISOString()} permissions withheld from ${clientId}: ${JSON.stringify(permissions)}`);
        },
    };

    const server = http.createServer(
        createRequestListener({
            router,
            tokens,
            limiter: new RateLimiter(now, options.rateLimitWindowMs),
            stats,
            admin: controls,
            uploads,
            faults: () => faults,
            random: () => random(),
            tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
            log,
            sleep: options.sleep ?? ((ms) => delay(ms)),
        }),
    );
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port ?? 0, "127.0.0.1", () => {
            server.off("error", reject);
            resolve();
        });
    });
    const port = (server.address() as AddressInfo).port;

    return {
        url: `http://127.0.0.1:${port}`,
        port,
        ...controls,
        stop: () =>
            new Promise<void>((resolve, reject) => {
                server.close((err) => (err ? reject(err) : resolve()));
                server.closeAllConnections();
            }),
    };
}
