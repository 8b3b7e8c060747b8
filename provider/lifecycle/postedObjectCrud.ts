import type { ApiClient } from "../client/apiClient";
import type { KindDefinition } from "../kindProvider";
import { createAdoptingOrphan } from "./createAdoptingOrphan";
import type { ObjectCollection, PlatformObject } from "./objectCollection";
import { versionedObjectCrud } from "./versionedObjectCrud";

/**
 * The create of a kind whose objects the platform names (POST creates): it adopts its orphan after a lost response,
 * found by its name, whether or not the object carries a version.
 */
export function postedCreate<I extends Record<string, unknown>, B extends { name: string }, L>(
    api: {
        create(client: ApiClient, body: B): Promise<L>;
        findByName(client: ApiClient, name: string): Promise<L | undefined>;
    },
    toBody: (inputs: I) => B,
): Pick<KindDefinition<I, L>, "create" | "resolveUnconfirmed"> {
    return {
        create(client, inputs) {
            const body = toBody(inputs);
            return createAdoptingOrphan({
                name: body.name,
                post: () => api.create(client, body),
                findByName: () => api.findByName(client, body.name),
            });
        },
        // Our auto-names are unique, so an unconfirmed create is found by the name it was sent with.
        resolveUnconfirmed: (client, name) => api.findByName(client, name),
    };
}

/**
 * Create, read, update and delete for a kind whose objects the platform names (POST creates): creates adopt
 * their orphan after a lost response, updates carry the version the stack last saw. `readable` leaves out the
 * write-only fields a read never returns, so our own retried update is still recognised as ours.
 */
export function postedObjectCrud<
    I extends Record<string, unknown>,
    B extends { name: string },
    L extends PlatformObject,
>(
    label: string,
    api: ObjectCollection<B, L>,
    toBody: (inputs: I) => B,
    options: { readable?: (body: B) => object } = {},
): Pick<KindDefinition<I, L>, "create" | "read" | "resolveUnconfirmed" | "update" | "delete" | "idOf"> {
    return { ...versionedObjectCrud(label, api, toBody, options.readable), ...postedCreate(api, toBody) };
}
