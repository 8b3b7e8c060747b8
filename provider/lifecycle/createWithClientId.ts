import { randomUUID } from "node:crypto";
import { GenesysApiError } from "../client/apiError";
import { UnconfirmedCreate } from "./unconfirmedCreate";

/**
 * Creates with a client-chosen id (`PUT .../{id}`, an idempotent upsert): the id is fixed before the first
 * attempt, so the client may repeat the PUT after a lost response without risking a duplicate. When the
 * client still gives up with an ambiguous outcome, the object may exist under that id: read it and adopt it
 * rather than fail and leave an object the stack does not know about.
 *
 * `id` defaults to a fresh random UUID; pass one when the platform id is meaningful (e.g. a record key).
 */
export async function createWithClientId<L>(steps: {
    put(id: string): Promise<L>;
    /** The object under `id`, or undefined when there is none (e.g. `readOrGone` around a GET). */
    get(id: string): Promise<L | undefined>;
    id?: string;
}): Promise<L> {
    const id = steps.id ?? randomUUID();
    try {
        return await steps.put(id);
    } catch (err) {
        if (!(err instanceof GenesysApiError) || !err.ambiguous) throw err;
        let adopted: L | undefined;
        try {
            adopted = await steps.get(id);
        } catch (lookupError) {
            throw new UnconfirmedCreate(id, lookupError);
        }
        if (adopted !== undefined) return adopted;
        throw err;
    }
}
