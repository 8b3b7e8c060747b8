import type { KindDefinition } from "../kindProvider";
import { createAdoptingOrphan } from "./createByPost";
import type { ObjectCollection, PlatformObject } from "./objectCollection";
import { updateVersioned } from "./versionedUpdate";

/**
 * Create, read and delete for a kind whose objects the platform names (POST creates): creates adopt their orphan
 * after a lost response. The update is the kind's to choose: versioned (`postedObjectCrud`) or compared before
 * writing for objects without a version.
 */
export function postedObjectLifecycle<
    I extends Record<string, unknown>,
    B extends { name: string },
    L extends { id: string; name?: string },
>(
    api: ObjectCollection<B, L>,
    toBody: (inputs: I) => B,
): Pick<KindDefinition<I, L>, "create" | "read" | "resolveUnconfirmed" | "delete" | "idOf"> {
    return {
        create(client, inputs) {
            const body = toBody(inputs);
            return createAdoptingOrphan({
                name: body.name,
                post: () => api.create(client, body),
                findByName: () => api.findByName(client, body.name),
            });
        },
        read: (client, id) => api.get(client, id),
        // Our auto-names are unique, so an unconfirmed create is found by the name it was sent with.
        resolveUnconfirmed: (client, name) => api.findByName(client, name),
        delete: (client, id) => api.delete(client, id),
        idOf: (live) => live.id,
    };
}

/**
 * `postedObjectLifecycle` with updates that carry the version the stack last saw. `readable` leaves out the
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
    readable: (body: B) => object = (body) => body,
): Pick<KindDefinition<I, L>, "create" | "read" | "resolveUnconfirmed" | "update" | "delete" | "idOf"> {
    return {
        ...postedObjectLifecycle(api, toBody),
        update(client, id, olds, inputs) {
            const body = toBody(inputs);
            return updateVersioned({
                label,
                id,
                knownVersion: Number(olds.version),
                put: (version) => api.put(client, id, body, version),
                get: () => api.get(client, id),
                sent: readable(body),
            });
        },
    };
}
