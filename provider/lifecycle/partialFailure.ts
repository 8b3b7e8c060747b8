/**
 * A create or update that applied part of its work. The dynamic-provider host turns an error carrying `id`
 * and `properties` into ErrorResourceInitFailed, and the engine then records those properties as the
 * resource's state (partial failure) instead of forgetting what succeeded; the next `up` diffs against
 * them and retries only the rest.
 */
export class PartialFailure extends Error {
    /**
     * What the engine prints and records as the resource's init errors. The engine shows these, never the message,
     * so the message (the summary and what to do) comes first.
     */
    readonly reasons: string[];

    constructor(
        message: string,
        readonly id: string,
        readonly properties: Record<string, unknown>,
        details: string[],
    ) {
        super(message);
        this.name = "PartialFailure";
        this.reasons = [message, ...details.filter((detail) => detail !== message)];
    }
}
