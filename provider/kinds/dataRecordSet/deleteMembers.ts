import { listedFailures, memberFailure } from "./setOutcome";
import { settleConcurrently } from "./settleConcurrently";

/**
 * Deletes every member of a set under one concurrency limit (a member already gone counts as deleted), and
 * reports every one that could not be deleted in one error.
 */
export async function deleteMembers(
    noun: string,
    keys: readonly string[],
    concurrency: number,
    remove: (key: string) => Promise<void>,
): Promise<void> {
    const results = await settleConcurrently(keys, concurrency, remove);
    const failed = results.flatMap((result, index) =>
        result.ok ? [] : [memberFailure(noun, keys[index], result.error)],
    );
    if (failed.length > 0) {
        throw new Error(
            `${failed.length} of ${keys.length} ${noun}s could not be deleted (run \`pulumi destroy\` again; ${noun}s already gone are skipped): ${listedFailures(failed)}`,
        );
    }
}
