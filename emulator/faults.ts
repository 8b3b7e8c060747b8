import type { FieldError } from "./apiError";

/** Failure modes the emulator injects; every knob can change while it runs. */
export interface Faults {
    /** Delay added before every API and token request is handled. */
    latencyMs: number;
    /** Requests allowed per token per one-minute window. */
    rateLimitPerMinute: number;
    /** Share (0..1) of requests answered 429 regardless of the real rate limit. */
    share429: number;
    /** Retry-After (seconds, fractions allowed) of the 429s `share429` injects; 0 leaves the header out. */
    retryAfterSeconds: number;
    /** Share (0..1) of requests answered 503 before any work is done. */
    share5xx: number;
    /** Share (0..1) of token requests answered 503 (the login service down while the API is up). */
    shareToken5xx: number;
    /** Share (0..1) of requests whose connection is reset before any work is done. */
    shareReset: number;
    /** Share (0..1) of successful writes that commit but whose response is lost (socket destroyed). */
    shareLostResponse: number;
    /** A GET of an object written less than this many ms ago answers 404, like an eventually consistent read. */
    readAfterWrite404Ms: number;
    /** Seed of the PRNG behind the `share*` knobs; setting it restarts the sequence. */
    seed: number;
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 300;

export function defaultFaults(): Faults {
    return {
        latencyMs: 0,
        rateLimitPerMinute: DEFAULT_RATE_LIMIT_PER_MINUTE,
        share429: 0,
        retryAfterSeconds: 1,
        share5xx: 0,
        shareToken5xx: 0,
        shareReset: 0,
        shareLostResponse: 0,
        readAfterWrite404Ms: 0,
        seed: 1,
    };
}

type Rule = { check: (v: number) => boolean; expectation: string };

const nonNegativeInteger: Rule = { check: (v) => Number.isInteger(v) && v >= 0, expectation: "an integer >= 0" };
const share: Rule = { check: (v) => v >= 0 && v <= 1, expectation: "a number between 0 and 1" };

const RULES: Record<keyof Faults, Rule> = {
    latencyMs: nonNegativeInteger,
    rateLimitPerMinute: { check: (v) => Number.isInteger(v) && v >= 1, expectation: "an integer >= 1" },
    share429: share,
    retryAfterSeconds: { check: (v) => v >= 0, expectation: "a number of seconds >= 0" },
    share5xx: share,
    shareToken5xx: share,
    shareReset: share,
    shareLostResponse: share,
    readAfterWrite404Ms: nonNegativeInteger,
    seed: nonNegativeInteger,
};

export const FAULT_NAMES = Object.keys(RULES) as (keyof Faults)[];

/** Checks a faults patch from code, the admin endpoint or the CLI; lists every bad field at once. */
export function checkFaultsPatch(
    patch: unknown,
): { ok: true; value: Partial<Faults> } | { ok: false; errors: FieldError[] } {
    if (typeof patch !== "object" || patch === null || Array.isArray(patch)) {
        return {
            ok: false,
            errors: [{ fieldName: "faults", errorCode: "invalid.value", message: "faults must be a JSON object" }],
        };
    }
    const errors: FieldError[] = [];
    const value: Partial<Faults> = {};
    for (const [key, raw] of Object.entries(patch)) {
        if (!(key in RULES)) {
            errors.push({
                fieldName: key,
                errorCode: "unknown.field",
                message: `${key} is not a fault knob; use one of ${FAULT_NAMES.join(", ")}`,
            });
            continue;
        }
        const name = key as keyof Faults;
        if (raw === undefined) continue;
        if (typeof raw !== "number" || !Number.isFinite(raw) || !RULES[name].check(raw)) {
            errors.push({
                fieldName: name,
                errorCode: "invalid.value",
                message: `${name} must be ${RULES[name].expectation}`,
            });
            continue;
        }
        value[name] = raw;
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}
