import type { ApiClient } from "../client/apiClient";
import type { KindDefinition } from "../kindProvider";
import { createWithClientId } from "./createWithClientId";
import type { ObjectCollection, PlatformObject } from "./objectCollection";
import { versionedObjectCrud } from "./versionedObjectCrud";

/**
 * What a kind checks outside its object before writing it (a bucket's encryption, the org's regions), and what
 * that check saw, kept beside the object for the outputs (`X`, e.g. the regions' health).
 */
export interface Preflight<I, O, X extends object> {
    /**
     * Runs before every create and update; when it throws, nothing is written. It should name every problem and
     * its fix at once. Its result is merged into the object the write returns.
     */
    beforeWrite(client: ApiClient, inputs: I): Promise<X>;
    /** The same findings for an object read back, reported rather than refused (a refresh changes nothing). */
    whenRead?(client: ApiClient, object: O): Promise<X>;
}

/**
 * Create, read, update and delete for a kind whose objects we name: the create PUTs under a fresh UUID (so a
 * retry after a lost response can never duplicate the object) and adopts what it finds there when the outcome
 * stays unknown; updates carry the version the stack last saw. `readable` leaves out the write-only fields a
 * read never returns, so our own retried update is still recognised as ours.
 */
export function chosenIdObjectCrud<
    I extends Record<string, unknown>,
    B extends object,
    O extends PlatformObject,
    X extends object = Record<never, never>,
>(
    label: string,
    api: ObjectCollection<B, O>,
    toBody: (inputs: I) => B,
    options: { readable?: (body: B) => object; preflight?: Preflight<I, O, X> } = {},
): Pick<KindDefinition<I, O & X>, "create" | "read" | "resolveUnconfirmed" | "update" | "delete" | "idOf"> {
    const { preflight } = options;
    const versioned = versionedObjectCrud(label, api, toBody, options.readable);
    const checked = async (client: ApiClient, inputs: I) => preflight?.beforeWrite(client, inputs);
    const held = (object: O, findings: X | undefined): O & X => Object.assign(object, findings);
    const read = async (client: ApiClient, id: string) => {
        const object = await versioned.read(client, id);
        return object && held(object, await preflight?.whenRead?.(client, object));
    };
    return {
        async create(client, inputs) {
            const findings = await checked(client, inputs);
            const body = toBody(inputs);
            const object = await createWithClientId({
                put: (id) => api.put(client, id, body),
                get: (id) => api.get(client, id),
            });
            return held(object, findings);
        },
        read,
        // The id was ours to choose: an unconfirmed create is looked for under it.
        resolveUnconfirmed: read,
        async update(client, id, olds, inputs) {
            const findings = await checked(client, inputs);
            return held(await versioned.update(client, id, olds, inputs), findings);
        },
        delete: versioned.delete,
        idOf: versioned.idOf,
    };
}
