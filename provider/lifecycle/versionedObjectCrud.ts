import type { KindDefinition } from "../kindProvider";
import type { ObjectCollection, PlatformObject } from "./objectCollection";
import { updateVersioned } from "./updateVersioned";

/**
 * Read, update and delete of an object in a collection, whoever chose its id: updates carry the version the
 * stack last saw. `readable` leaves out the write-only fields a read never returns, so our own retried update is
 * still recognised as ours. The creates differ: see `postedObjectCrud` and `chosenIdObjectCrud`.
 */
export function versionedObjectCrud<I extends Record<string, unknown>, B extends object, L extends PlatformObject>(
    label: string,
    api: ObjectCollection<B, L>,
    toBody: (inputs: I) => B,
    readable: (body: B) => object = (body) => body,
): Pick<KindDefinition<I, L>, "read" | "update" | "delete" | "idOf"> {
    return {
        read: (client, id) => api.get(client, id),
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
        delete: (client, id) => api.delete(client, id),
        idOf: (live) => live.id,
    };
}
