import { GenesysApiError } from "../client/apiError";

/**
 * A POST that creates is not idempotent: when its outcome is unknown (the response was lost, or a 5xx
 * arrived after the write may have committed) retrying it blindly could leave a duplicate on the
 * platform. Look for the object by its (unique, auto-named) name first and adopt it; create again only
 * when it is truly not there.
 */
export async function createAdoptingOrphan<L>(steps: {
    post(): Promise<L>;
    findByName(): Promise<L | undefined>;
}): Promise<L> {
    try {
        return await steps.post();
    } catch (err) {
        if (!(err instanceof GenesysApiError) || !err.ambiguous) throw err;
        const orphan = await steps.findByName();
        if (orphan !== undefined) return orphan;
        return steps.post();
    }
}
