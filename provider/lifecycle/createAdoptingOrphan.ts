import { GenesysApiError } from "../client/apiError";
import { UnconfirmedCreate } from "./unconfirmedCreate";

/** POSTs per create: a burst of 5xx can refuse more than one in a row. */
const MAX_POSTS = 4;

/**
 * A POST that creates is not idempotent: when its outcome is unknown (the response was lost, or a 5xx
 * arrived after the write may have committed) retrying it blindly could leave a duplicate on the
 * platform. Look for the object by its (unique, auto-named) name first and adopt it; create again only
 * when it is truly not there.
 */
export async function createAdoptingOrphan<L>(steps: {
    name: string;
    post(): Promise<L>;
    findByName(): Promise<L | undefined>;
}): Promise<L> {
    for (let posts = 1; ; posts++) {
        try {
            return await steps.post();
        } catch (err) {
            if (!(err instanceof GenesysApiError) || !err.ambiguous) throw err;
            let orphan: L | undefined;
            try {
                orphan = await steps.findByName();
            } catch (lookupError) {
                throw new UnconfirmedCreate(steps.name, lookupError);
            }
            if (orphan !== undefined) return orphan;
            if (posts === MAX_POSTS) throw err;
        }
    }
}
