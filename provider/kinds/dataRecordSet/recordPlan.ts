import { createHash } from "node:crypto";
import { canonicalJson } from "../../canonicalJson";

/** Record key → content hash: what the set holds (outputs) or should hold (checked inputs). */
export type RecordHashes = Record<string, string>;

/** A short content hash of one record's data (128 bits of SHA-256): state keeps one per record, not the data. */
export function recordHash(data: unknown): string {
    return createHash("sha256").update(canonicalJson(data)).digest("base64url").slice(0, 22);
}

export interface RecordPlan {
    /** Keys whose record is new or whose data changed. */
    put: string[];
    /** Keys the set held and no longer lists. */
    remove: string[];
}

/** What an update must do, record by record: untouched records cost nothing. */
export function planChanges(held: RecordHashes, wanted: RecordHashes): RecordPlan {
    return {
        put: Object.keys(wanted).filter((key) => held[key] !== wanted[key]),
        remove: Object.keys(held).filter((key) => !(key in wanted)),
    };
}
