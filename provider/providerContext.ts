import { ApiClient, type ClientOptions } from "./client/apiClient";
import { type GenesysConfig, resolveConfig } from "./client/config";
import { AuditTrail } from "./audit/auditTrail";
import { auditSettings } from "./audit/auditSettings";
import { observeCall } from "./audit/callTracker";

/** What the dynamic-provider host hands to `configure`: the stack's whole configuration. */
export interface ConfigureRequest {
    config: { get(key: string): string | undefined };
}

let configGet: (key: string) => string | undefined = () => undefined;
let client: { config: GenesysConfig; tuning: ClientTuning; api: ApiClient } | undefined;
let trail: { key: string; trail: AuditTrail } | undefined;
/** Whether the client and trail were built from the configuration `configure` gave last. */
let current = { client: false, trail: false };

/**
 * The host calls `configure` once per distinct `__provider` (one per resource kind), always with the same
 * stack configuration. Configuration is read here, never carried in `__provider`, because that text is written
 * to the state file in plain text.
 */
export async function configure(req: ConfigureRequest): Promise<void> {
    configGet = (key) => req.config.get(key);
    current = { client: false, trail: false };
}

/**
 * One client per provider process, so every kind shares one OAuth token and one rate-limit budget.
 * Built on first use so a preview, which makes no API call, never needs credentials.
 */
export function apiClient(): ApiClient {
    // Configuration is read once per `configure`, not per operation: every kind's configure repeats the same
    // stack config, which must keep the client (and its token) it already built.
    if (!current.client || !client) {
        const config = resolveConfig(configGet);
        const tuning = clientTuning(configGet);
        if (!client || !sameConfig(client.config, config) || JSON.stringify(client.tuning) !== JSON.stringify(tuning)) {
            client = { config, tuning, api: new ApiClient(config, { ...tuning, onCall: observeCall }) };
        }
        current.client = true;
    }
    return client.api;
}

type ClientTuning = Pick<
    ClientOptions,
    "requestTimeoutMs" | "deadlineMs" | "minRetryDelayMs" | "readAfterWriteMs" | "rateLimitWindowMs"
>;

/** Optional stack config keys for the client's timings, in milliseconds (defaults in ApiClient). */
const TUNING_KEYS: Record<keyof ClientTuning, string> = {
    requestTimeoutMs: "genesys:requestTimeoutMs",
    deadlineMs: "genesys:retryDeadlineMs",
    minRetryDelayMs: "genesys:minRetryDelayMs",
    readAfterWriteMs: "genesys:readAfterWriteMs",
    // The platform's window is a minute; an emulator compressing time (the benchmark) says how long its window is.
    rateLimitWindowMs: "genesys:rateLimitWindowMs",
};

function clientTuning(get: (key: string) => string | undefined): ClientTuning {
    const tuning: ClientTuning = {};
    for (const [option, key] of Object.entries(TUNING_KEYS) as [keyof ClientTuning, string][]) {
        const raw = get(key)?.trim();
        if (raw === undefined || raw === "") continue;
        const value = Number(raw);
        if (!Number.isInteger(value) || value < 1) {
            throw new Error(
                `Invalid ${key} "${raw}": use a whole number of milliseconds, at least 1 (e.g. \`pulumi config set ${key} 5000\`)`,
            );
        }
        tuning[option] = value;
    }
    return tuning;
}

/** The process's audit trail, from `genesys:auditDir`, `genesys:notifyUrl` and `genesys:notifySecret`. */
export function auditTrail(): AuditTrail {
    if (!current.trail || !trail) {
        const settings = auditSettings(configGet);
        const key = JSON.stringify(settings);
        if (!trail || trail.key !== key) trail = { key, trail: new AuditTrail(settings) };
        current.trail = true;
    }
    return trail.trail;
}

function sameConfig(a: GenesysConfig, b: GenesysConfig): boolean {
    return (
        a.clientId === b.clientId &&
        a.clientSecret === b.clientSecret &&
        a.apiUrl === b.apiUrl &&
        a.loginUrl === b.loginUrl
    );
}
