import { ApiClient } from "./client/apiClient";
import { GenesysConfig, resolveConfig } from "./client/config";

/** What the dynamic-provider host hands to `configure`: the stack's whole configuration. */
export interface ConfigureRequest {
    config: { get(key: string): string | undefined };
}

let configGet: (key: string) => string | undefined = () => undefined;
let client: { config: GenesysConfig; api: ApiClient } | undefined;

/**
 * The host calls `configure` once per distinct `__provider` (one per resource kind), always with the same
 * stack configuration. Configuration is read here, never captured in `__provider`, because whatever that
 * closure captures is written to the state file in plain text.
 */
export async function configure(req: ConfigureRequest): Promise<void> {
    configGet = (key) => req.config.get(key);
}

/**
 * One client per provider process, so every kind shares one OAuth token and one rate-limit budget.
 * Built on first use so a preview, which makes no API call, never needs credentials.
 */
export function apiClient(): ApiClient {
    const config = resolveConfig(configGet);
    if (!client || !sameConfig(client.config, config)) client = { config, api: new ApiClient(config) };
    return client.api;
}

function sameConfig(a: GenesysConfig, b: GenesysConfig): boolean {
    return a.clientId === b.clientId && a.clientSecret === b.clientSecret && a.apiUrl === b.apiUrl && a.loginUrl === b.loginUrl;
}
