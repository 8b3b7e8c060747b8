import { createHash } from "node:crypto";
import { PROJECT_KEY, RESOURCE_NAME_KEY, STACK_KEY } from "../identityKeys";
import { containsUnknown, UNKNOWN } from "../validation/unknowns";

/** Added by `check` beside the user's inputs when it chose the name, so later runs keep that name. */
export const AUTO_NAMED_KEY = "__autoNamed";

/** Whether `check` chose these inputs' name: it derives from this resource, so an object under it is no one else's. */
export const isAutoNamed = (props: object | undefined): boolean =>
    (props as Record<string, unknown> | undefined)?.[AUTO_NAMED_KEY] === true;

const SUFFIX_LENGTH = 7;

/**
 * Pulumi auto-naming: without an explicit `name`, the platform name is the resource name plus a suffix, kept from
 * the previous inputs so it is stable across runs.
 *
 * The suffix is derived, never drawn at random: `pulumi up` checks every resource again in a second host process
 * after its preview, and `pulumi up --plan` holds it to the plan saved by `pulumi preview --save-plan`, so the name a
 * preview shows must be the name created. It hashes the project, stack and resource name with the inputs whose
 * change replaces the object (`replaceKeys`): the engine checks a replacement again without old inputs, and it differs
 * from the object it replaces in one of those, so it gets another name and never collides with it
 * (create-before-delete). While one of those inputs is unknown (preview), so is the name.
 */
export function resolveName(
    news: Record<string, unknown>,
    olds: Record<string, unknown> | undefined,
    maxLength: number,
    replaceKeys: readonly string[],
): { name: unknown; autoNamed: boolean } {
    if (news.name !== undefined) return { name: news.name, autoNamed: false };
    if (isAutoNamed(olds) && typeof olds?.name === "string") return { name: olds.name, autoNamed: true };
    const replacing = replaceKeys.map((key) => news[key] ?? null);
    if (containsUnknown(replacing)) return { name: UNKNOWN, autoNamed: true };
    const base = typeof news[RESOURCE_NAME_KEY] === "string" ? (news[RESOURCE_NAME_KEY] as string) : "genesys";
    const seed = JSON.stringify([news[PROJECT_KEY] ?? null, news[STACK_KEY] ?? null, base, replacing]);
    const suffix = createHash("sha256").update(seed).digest("hex").slice(0, SUFFIX_LENGTH);
    return { name: `${base.slice(0, maxLength - SUFFIX_LENGTH - 1)}-${suffix}`, autoNamed: true };
}
