import { randomBytes } from "node:crypto";
import { RESOURCE_NAME_KEY } from "../identityKeys";

/** Added by `check` beside the user's inputs when it chose the name, so later runs keep that name. */
export const AUTO_NAMED_KEY = "__autoNamed";

const SUFFIX_LENGTH = 7;

/**
 * Pulumi auto-naming: without an explicit `name`, the platform name is the resource name plus a random
 * suffix, kept from the previous inputs so it is stable across runs. On a replacement the engine checks
 * again without old inputs, so the replacement gets a fresh suffix and never collides with the object
 * it replaces (create-before-delete).
 */
export function resolveName(
    news: Record<string, unknown>,
    olds: Record<string, unknown> | undefined,
    maxLength: number,
): { name: unknown; autoNamed: boolean } {
    if (news.name !== undefined) return { name: news.name, autoNamed: false };
    if (olds?.[AUTO_NAMED_KEY] === true && typeof olds.name === "string") return { name: olds.name, autoNamed: true };
    const base = typeof news[RESOURCE_NAME_KEY] === "string" ? (news[RESOURCE_NAME_KEY] as string) : "genesys";
    const suffix = randomBytes(4).toString("hex").slice(0, SUFFIX_LENGTH);
    return { name: `${base.slice(0, maxLength - SUFFIX_LENGTH - 1)}-${suffix}`, autoNamed: true };
}
