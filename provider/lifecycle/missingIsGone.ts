import { GenesysApiError } from "../client/apiError";

function isNotFound(err: unknown): boolean {
    return err instanceof GenesysApiError && err.status === 404;
}

/** A read that answers 404 means the object is gone: `pulumi refresh` drops it from the stack. */
export async function readOrGone<T>(read: () => Promise<T>): Promise<T | undefined> {
    try {
        return await read();
    } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
    }
}

/** Deleting what is already gone succeeds, so a destroy that was interrupted can simply run again. */
export async function deleteOrGone(remove: () => Promise<void>): Promise<void> {
    try {
        await remove();
    } catch (err) {
        if (!isNotFound(err)) throw err;
    }
}
