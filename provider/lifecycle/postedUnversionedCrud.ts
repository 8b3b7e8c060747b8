import type { ApiClient } from "../client/apiClient";
import type { KindDefinition } from "../kindProvider";
import { postedCreate } from "./postedObjectCrud";
import { updateUnversioned } from "./updateUnversioned";

/**
 * Create, read, update and delete for a kind whose objects the platform names (POST creates) and keeps without a
 * version: creates adopt their orphan after a lost response, and an update compares the live object with what the
 * stack last wrote before writing (see updateUnversioned). `compare` puts a body and a live object in one form:
 * the fields this kind writes, as the platform returns them.
 */
export function postedUnversionedCrud<
    I extends Record<string, unknown>,
    B extends { name: string },
    L extends { id: string },
>(
    api: {
        create(client: ApiClient, body: B): Promise<L>;
        findByName(client: ApiClient, name: string): Promise<L | undefined>;
        get(client: ApiClient, id: string): Promise<L | undefined>;
        put(client: ApiClient, id: string, body: B): Promise<L>;
        delete(client: ApiClient, id: string): Promise<void>;
    },
    toBody: (inputs: I) => B,
    compare: { label: string; written(body: B): object; live(live: L): Record<string, unknown> },
): Pick<KindDefinition<I, L>, "create" | "read" | "resolveUnconfirmed" | "update" | "delete" | "idOf"> {
    return {
        ...postedCreate(api, toBody),
        read: (client, id) => api.get(client, id),
        update(client, id, olds, inputs) {
            const body = toBody(inputs);
            return updateUnversioned({
                label: compare.label,
                id,
                known: compare.written(toBody(olds as I)),
                sent: compare.written(body),
                put: () => api.put(client, id, body),
                get: () => api.get(client, id),
                readAfterWriteMs: client.readAfterWriteMs,
                fieldsOf: compare.live,
            });
        },
        delete: (client, id) => api.delete(client, id),
        idOf: (live) => live.id,
    };
}
