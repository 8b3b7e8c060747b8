import type { KindDefinition } from "../kindProvider";
import { createAdoptingOrphan, UnconfirmedCreate } from "./createByPost";
import { PartialFailure } from "./partialFailure";
import type { ObjectCollection, PlatformObject } from "./objectCollection";
import { updateVersioned } from "./versionedUpdate";

/**
 * The id recorded for a create that may have committed but could not be confirmed: the object's name, which
 * the platform keeps unique for our auto-named objects. The next run reads, deletes or replaces it by name.
 */
const UNCONFIRMED = "unconfirmed:";

export function isUnconfirmedId(id: string): boolean {
    return id.startsWith(UNCONFIRMED);
}

/**
 * Create, read, update and delete for a kind whose objects the platform names (POST creates): creates adopt
 * their orphan after a lost response, updates carry the version the stack last saw. `readable` leaves out the
 * write-only fields a read never returns, so our own retried update is still recognised as ours.
 */
export function postedObjectCrud<I extends Record<string, unknown>, B extends { name: string }, L extends PlatformObject>(
    label: string,
    api: ObjectCollection<B, L>,
    toBody: (inputs: I) => B,
    readable: (body: B) => object = (body) => body,
): Pick<KindDefinition<I, L>, "create" | "read" | "update" | "delete" | "idOf"> {
    return {
        async create(client, inputs) {
            const body = toBody(inputs);
            try {
                return await createAdoptingOrphan({
                    name: body.name,
                    post: () => api.create(client, body),
                    findByName: () => api.findByName(client, body.name),
                });
            } catch (err) {
                // Recorded as a partial create under its name, so the next run settles it rather than leave an orphan.
                if (err instanceof UnconfirmedCreate) throw new PartialFailure(err.message, `${UNCONFIRMED}${err.objectName}`, { ...inputs }, [err.message]);
                throw err;
            }
        },
        read: (client, id) => (isUnconfirmedId(id) ? api.findByName(client, id.slice(UNCONFIRMED.length)) : api.get(client, id)),
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
        async delete(client, id) {
            if (!isUnconfirmedId(id)) return api.delete(client, id);
            const orphan = await api.findByName(client, id.slice(UNCONFIRMED.length));
            if (orphan !== undefined) await api.delete(client, orphan.id);
        },
        idOf: (live) => live.id,
    };
}
