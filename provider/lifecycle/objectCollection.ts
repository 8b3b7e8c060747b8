import type { ApiClient } from "../client/apiClient";
import { deleteOrGone, readOrGone } from "./missingIsGone";

/** What every platform object carries (the platform's conventions). */
export interface PlatformObject {
    id: string;
    version: number;
    name: string;
}

/**
 * The calls every collection of the contract answers the same way: objects at `{path}/{id}`, read (404 means
 * gone), written with an optional `version` (a stale one is a 409; some real objects have none), deleted (404
 * means already gone), created by POST where the platform chooses the id, and listed page by page with a name
 * filter. Kinds add their own calls beside these.
 */
export function objectCollection<B extends object, L extends { name?: string }>(path: string) {
    const item = (id: string) => `${path}/${encodeURIComponent(id)}`;
    return {
        /** A create where the platform chooses the id: not repeated after a lost response (see createAdoptingOrphan). */
        create: (client: ApiClient, body: B) => client.post<L>(path, body),
        get: (client: ApiClient, id: string) => readOrGone(() => client.get<L>(item(id))),
        put: (client: ApiClient, id: string, body: B, version?: number) =>
            client.put<L>(item(id), version === undefined ? body : { ...body, version }),
        delete: (client: ApiClient, id: string) => deleteOrGone(() => client.delete(item(id))),
        async findByName(client: ApiClient, name: string): Promise<L | undefined> {
            return (await client.listPages<L>(path, { name })).find((object) => object.name === name);
        },
    };
}

export type ObjectCollection<B extends object, L extends { name?: string }> = ReturnType<typeof objectCollection<B, L>>;
