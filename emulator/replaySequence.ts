import type { FieldError } from "./apiError";
import { seededRandom } from "./prng";

/** How the emulator produces the sequence data of an event-stream replay; changeable at run time. */
export interface ReplayOptions {
    /** Sequence indices each replay covers, numbered from 1 (default 100). */
    length: number;
    /**
     * Indices the replay fails to deliver: the sequence indices themselves (each 1..length), or a share
     * (0..1) of them. A share drops exactly round(share × length) indices, placed by a fixed-seed PRNG, so
     * coverage is exact and the same settings always give the same gaps.
     */
    gaps: number[] | number;
}

/** What event-stream reads carry once a replay exists. */
export interface ReplayStatus {
    firstSequenceIndex: number;
    lastSequenceIndex: number;
    deliveredIndices: number[];
}

export const MAX_REPLAY_LENGTH = 100_000;
const FIRST_SEQUENCE_INDEX = 1;
const GAP_SEED = 1;

export function defaultReplayOptions(): ReplayOptions {
    return { length: 100, gaps: [] };
}

type Checked = { ok: true; value: Partial<ReplayOptions> } | { ok: false; errors: FieldError[] };

/**
 * Checks a replay patch from code or the admin endpoint against the settings it would change, so explicit
 * gaps always fall inside the resulting length. Lists every bad field at once.
 */
export function checkReplayPatch(patch: unknown, current: ReplayOptions): Checked {
    if (typeof patch !== "object" || patch === null || Array.isArray(patch)) {
        return {
            ok: false,
            errors: [
                {
                    fieldName: "replay",
                    errorCode: "invalid.value",
                    message: 'replay must be a JSON object like {"length": 20, "gaps": [3, 4]}',
                },
            ],
        };
    }
    const errors: FieldError[] = [];
    const value: Partial<ReplayOptions> = {};
    const fail = (fieldName: string, message: string) =>
        errors.push({ fieldName, errorCode: "invalid.value", message });
    for (const [key, raw] of Object.entries(patch)) {
        if (raw === undefined) continue;
        if (key === "length") {
            if (typeof raw === "number" && Number.isInteger(raw) && raw >= 1 && raw <= MAX_REPLAY_LENGTH)
                value.length = raw;
            else fail("length", `length must be an integer from 1 to ${MAX_REPLAY_LENGTH}`);
        } else if (key === "gaps") {
            if (typeof raw === "number" && Number.isFinite(raw) && raw >= 0 && raw <= 1) value.gaps = raw;
            else if (Array.isArray(raw) && raw.every((i) => Number.isInteger(i)))
                value.gaps = [...new Set(raw as number[])].sort((a, b) => a - b);
            else fail("gaps", "gaps must be a list of sequence indices (integers) or a share between 0 and 1");
        } else {
            fail(key, `${key} is not a replay setting; use length or gaps`);
        }
    }
    const length = value.length ?? current.length;
    const gaps = value.gaps ?? current.gaps;
    if (errors.length === 0 && Array.isArray(gaps)) {
        const outside = gaps.filter((i) => i < FIRST_SEQUENCE_INDEX || i > length);
        if (outside.length > 0)
            fail(
                "gaps",
                `gaps ${outside.join(", ")} fall outside the replay's indices ${FIRST_SEQUENCE_INDEX}..${length}`,
            );
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** The current replay settings of a running emulator. */
export class ReplaySettings {
    private options = defaultReplayOptions();

    constructor(initial: Partial<ReplayOptions> = {}) {
        this.set(initial);
    }

    current(): ReplayOptions {
        return structuredClone(this.options);
    }

    /** Throws TypeError listing every problem when the patch is invalid; changes nothing then. */
    set(patch: Partial<ReplayOptions>): ReplayOptions {
        const checked = checkReplayPatch(patch, this.options);
        if (!checked.ok)
            throw new TypeError(`invalid emulator replay settings: ${checked.errors.map((e) => e.message).join("; ")}`);
        this.options = { ...this.options, ...checked.value };
        return this.current();
    }
}

/** The sequence data one replay produces under the given settings. */
export function replaySequence(options: ReplayOptions): ReplayStatus {
    const first = FIRST_SEQUENCE_INDEX;
    const last = first + options.length - 1;
    const missing = new Set(
        Array.isArray(options.gaps) ? options.gaps : sharedGaps(first, options.length, options.gaps),
    );
    const deliveredIndices: number[] = [];
    for (let index = first; index <= last; index++) if (!missing.has(index)) deliveredIndices.push(index);
    return { firstSequenceIndex: first, lastSequenceIndex: last, deliveredIndices };
}

/** Exactly round(share × length) distinct indices, by a partial Fisher–Yates shuffle. */
function sharedGaps(first: number, length: number, share: number): number[] {
    const random = seededRandom(GAP_SEED);
    const indices = Array.from({ length }, (_, i) => first + i);
    const count = Math.round(share * length);
    for (let i = 0; i < count; i++) {
        const j = i + Math.floor(random() * (length - i));
        [indices[i], indices[j]] = [indices[j], indices[i]];
    }
    return indices.slice(0, count);
}
