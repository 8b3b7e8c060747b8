import { createHash } from "node:crypto";
import { canonicalJson } from "../canonicalJson";

/** Keys the SDK and the host add beside the user's inputs (`__provider`, `__resourceName`, …): not part of the request. */
const INTERNAL_KEY = /^__/;
/**
 * Values under these names are treated as secrets at any depth, besides the kind's declared secret inputs, so a
 * secret nested in a map (a header, a record field) never feeds a hash that could be brute-forced.
 */
const SECRET_NAME = /secret|password|passphrase|token|private.?key|credential/i;

function withoutSecrets(value: unknown, secretKeys: ReadonlySet<string>, topLevel: boolean): unknown {
    if (Array.isArray(value)) return value.map((item) => withoutSecrets(item, secretKeys, false));
    if (value === null || typeof value !== "object") return value;
    const kept: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
        if (SECRET_NAME.test(key) || (topLevel && (secretKeys.has(key) || INTERNAL_KEY.test(key)))) continue;
        kept[key] = withoutSecrets(member, secretKeys, false);
    }
    return kept;
}

/** The canonical request an audit record stands for, secrets and internal keys removed. */
export function canonicalRequest(props: Record<string, unknown>, secretFields: readonly string[]): string {
    return canonicalJson(withoutSecrets(props, new Set(secretFields), true));
}

export function sha256Hex(text: string): string {
    return createHash("sha256").update(text).digest("hex");
}
