import { GenesysApiError } from "../client/apiError";

/**
 * Whether a failed write was refused because the object's version moved on. The platform is not uniform: besides
 * 409, some objects answer 408, or 400 with a message saying the version does not match (the rule Genesys's own
 * infrastructure tooling applies), so all three count.
 */
export function isVersionConflict(err: unknown): boolean {
    if (!(err instanceof GenesysApiError)) return false;
    if (err.status === 409 || err.status === 408) return true;
    return err.status === 400 && /does not match the current version/i.test(err.message);
}
