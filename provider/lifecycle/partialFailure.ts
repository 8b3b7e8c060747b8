/**
 * A create or update that applied part of its work. The dynamic-provider host turns an error carrying `id`
 * and `properties` into ErrorResourceInitFailed, and the engine then records those properties as the
 * resource's state (partial failure) instead of forgetting what succeeded; the next `up` diffs against
 * them and retries only the rest.
 */
export class PartialFailure extends Error {
    constructor(
        message: string,
        readonly id: string,
        readonly properties: Record<string, unknown>,
        readonly reasons: string[],
    ) {
        super(message);
        this.name = "PartialFailure";
    }
}
