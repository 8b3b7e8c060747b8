import type { Models } from "purecloud-platform-client-v2";
import type { ApiClient } from "../client/apiClient";
import { deleteOrGone, readOrGone } from "../lifecycle/missingIsGone";

const INTEGRATIONS_PATH = "/api/v2/integrations";

/** The states a program may ask for; the platform's DELETED/RESTORED are its own business. */
export type IntendedState = "ENABLED" | "DISABLED";

/** An integration as read: `id` is always there once the platform holds it. */
export type Integration = Models.Integration & { id: string };

const item = (id: string) => `${INTEGRATIONS_PATH}/${encodeURIComponent(id)}`;
const configPath = (id: string) => `${item(id)}/config/current`;

/**
 * The integration endpoints of the Platform API v2 (`/api/v2/integrations`), the same for every integration type.
 * The configuration carries a `version` (a stale one is refused); the integration itself has none, and its state
 * changes only by PATCH.
 */
export const integrationApi = {
    /** A create where the platform chooses the id: not repeated after a lost response (see createAdoptingOrphan). */
    create: (client: ApiClient, typeId: string, name: string) =>
        client.post<Integration>(INTEGRATIONS_PATH, {
            name,
            integrationType: { id: typeId },
        } satisfies Models.CreateIntegrationRequest),
    get: (client: ApiClient, id: string) => readOrGone(() => client.get<Integration>(item(id))),
    config: (client: ApiClient, id: string) =>
        readOrGone(() => client.get<Models.IntegrationConfiguration>(configPath(id))),
    putConfig: (client: ApiClient, id: string, body: Models.IntegrationConfiguration) =>
        client.put<Models.IntegrationConfiguration>(configPath(id), body),
    setState: (client: ApiClient, id: string, intendedState: IntendedState) =>
        client.patch<Integration>(item(id), { intendedState } satisfies Models.Integration),
    delete: (client: ApiClient, id: string) => deleteOrGone(() => client.delete(item(id))),
    /** The list has no name filter: integrations of the type are listed and compared by name. */
    async findByName(client: ApiClient, typeId: string, name: string): Promise<Integration | undefined> {
        const all = await client.listPages<Integration>(INTEGRATIONS_PATH, { integrationType: typeId });
        return all.find((integration) => integration.name === name);
    },
};
