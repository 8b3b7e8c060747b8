/**
 * The official Genesys Cloud SDK (purecloud-platform-client-v2, unmodified) pointed at a fresh emulator, as an
 * independent client of the emulator's real Platform API paths. Test support only.
 */
import * as platformClient from "purecloud-platform-client-v2";
import type { Models } from "purecloud-platform-client-v2";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, type RunningEmulator, startEmulator } from "../../emulator";

export { platformClient };

export interface SdkSession {
    emulator: RunningEmulator;
    architect: InstanceType<typeof platformClient.ArchitectApi>;
    integrations: InstanceType<typeof platformClient.IntegrationsApi>;
    organization: InstanceType<typeof platformClient.OrganizationApi>;
}

/**
 * Starts an emulator and logs the SDK's client in with the client-credentials grant. The SDK's gateway setting
 * sends both the login (`/oauth/token`) and the API calls to the emulator's address instead of a region's hosts.
 */
export async function sdkSession(t: { after: (fn: () => Promise<void>) => void }): Promise<SdkSession> {
    const emulator = await startEmulator();
    t.after(() => emulator.stop());
    const client = platformClient.ApiClient;
    const url = new URL(emulator.url);
    client.setGateway({ host: url.hostname, protocol: "http", port: Number(url.port) });
    const auth = await client.loginClientCredentialsGrant(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
    if (!auth.accessToken) throw new Error("the SDK's login returned no access token");
    return {
        emulator,
        architect: new platformClient.ArchitectApi(client),
        integrations: new platformClient.IntegrationsApi(client),
        organization: new platformClient.OrganizationApi(client),
    };
}

/** The platform's error body the SDK rejects with, for a call that must fail. */
export async function refusal(call: Promise<unknown>): Promise<Models.ErrorBody> {
    try {
        await call;
    } catch (error) {
        return error as Models.ErrorBody;
    }
    throw new Error("the call succeeded but was expected to be refused");
}
