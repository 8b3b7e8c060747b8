import { PartialFailure } from "./partialFailure";

/**
 * A create that may have committed, whose outcome could not be settled because looking for the object failed
 * too. `handle` is how to find it later: its name (platform-chosen ids) or the id we chose.
 */
export class UnconfirmedCreate extends Error {
    constructor(
        readonly handle: string,
        lookupError: unknown,
    ) {
        super(
            `the create of "${handle}" may have reached the platform, and looking for it failed too ` +
                `(${lookupError instanceof Error ? lookupError.message : String(lookupError)}); ` +
                "the next `pulumi up` removes it if it is there and creates it again, and a `pulumi refresh` adopts it",
        );
        this.name = "UnconfirmedCreate";
    }
}

const PREFIX = "unconfirmed:";

export function isUnconfirmedId(id: string): boolean {
    return id.startsWith(PREFIX);
}

export function handleOf(id: string): string {
    return id.slice(PREFIX.length);
}

/**
 * Records the create as partial under an id that says it is unconfirmed, so the engine keeps it in the stack and
 * the next run settles it (the provider's diff replaces it, its read resolves it) instead of leaving an orphan.
 */
export function recordedAsUnconfirmed(err: UnconfirmedCreate, inputs: Record<string, unknown>): PartialFailure {
    return new PartialFailure(err.message, `${PREFIX}${err.handle}`, { ...inputs }, [err.message]);
}
