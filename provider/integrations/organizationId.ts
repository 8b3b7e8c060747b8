import type { Models } from "purecloud-platform-client-v2";
import type { ApiClient } from "../client/apiClient";

const known = new WeakMap<ApiClient, Promise<string>>();

/**
 * The id of the org the OAuth client belongs to (`GET /api/v2/organizations/me`): it names the EventBridge partner
 * event source and is the external id Genesys Cloud presents when it assumes an IAM role. It never changes for a
 * client, so it is asked once per client.
 */
export function organizationId(client: ApiClient): Promise<string> {
    let id = known.get(client);
    if (id === undefined) {
        id = client.get<Models.Organization>("/api/v2/organizations/me").then((org) => {
            if (typeof org.id !== "string") throw new Error("GET /api/v2/organizations/me returned no id");
            return org.id;
        });
        // A failed lookup is asked again next time rather than remembered.
        id.catch(() => known.delete(client));
        known.set(client, id);
    }
    return id;
}
