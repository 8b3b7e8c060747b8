import { z } from "zod";

/**
 * Field schemas whose messages say what is expected, so `pulumi preview` prints a reason a person can act on.
 * Messages follow the property path, e.g. "retentionDays must be a whole number from 1 to 365 (got 400)".
 */

export function wholeNumber(min: number, max: number, unit = "") {
    const range = `must be a whole number${unit ? ` of ${unit}` : ""} from ${min} to ${max}`;
    return z.number({ error: range }).int({ error: range }).min(min, { error: range }).max(max, { error: range });
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
    return z.enum(values, { error: `must be one of ${values.map((v) => `"${v}"`).join(", ")}` });
}

/** A string the platform takes: it refuses blank ones (empty or only spaces), so an optional text is left out instead. */
export function text(maxLength: number) {
    return z
        .string({ error: "must be a string" })
        .max(maxLength, { error: `must be at most ${maxLength} characters` })
        .refine((value) => value.trim() !== "", { error: "must not be blank; leave it out instead" });
}

/** A string of a given form; `expectation` says what it should look like ("an AWS region code such as us-east-1"). */
export function matching(regex: RegExp, expectation: string) {
    return z.string({ error: `must be ${expectation}` }).regex(regex, { error: `must be ${expectation}` });
}

export const flag = z.boolean({ error: "must be true or false" });

/** An https URL without embedded credentials: anything else would leak or downgrade what the platform sends. */
export const httpsUrl = z.string({ error: "must be an https URL" }).superRefine((value, ctx) => {
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        ctx.addIssue({ code: "custom", message: "must be an absolute https URL, e.g. https://example.com/hook" });
        return;
    }
    if (url.protocol !== "https:") {
        ctx.addIssue({ code: "custom", message: `must use https (found ${url.protocol.replace(":", "")})` });
    } else if (url.username || url.password) {
        ctx.addIssue({
            code: "custom",
            message:
                "must not embed credentials (user:password@); pass credentials as a secret (a webhook's secret or headers)",
        });
    }
});

/** A list whose items must not repeat; a repeat is reported at its own index. */
export function uniqueList<T extends z.ZodTypeAny>(item: T, { min = 0, max = 1000, noun = "item" } = {}) {
    return z
        .array(item, { error: "must be a list" })
        .min(min, { error: `must list at least ${min} ${noun}${min === 1 ? "" : "s"}` })
        .max(max, { error: `must list at most ${max} ${noun}s` })
        .superRefine(
            (items, ctx) => {
                const seen = new Map<string, number>();
                items.forEach((value, index) => {
                    const key = JSON.stringify(value);
                    const first = seen.get(key);
                    if (first === undefined) seen.set(key, index);
                    else
                        ctx.addIssue({
                            code: "custom",
                            path: [index],
                            message: `repeats ${key} (already at index ${first}); list each once`,
                        });
                });
                // Report repeats beside invalid items, so one preview lists every mistake.
            },
            { when: (payload) => Array.isArray(payload.value) },
        );
}

/**
 * The id of another platform object. Ids become path segments of API calls, so only the characters a plain id
 * has are accepted: a `..` or `/` would otherwise reach another path at deploy time instead of failing at preview.
 */
export const platformId = z.string({ error: "must be a platform id" }).regex(/^[A-Za-z0-9_-]{1,128}$/, {
    error: "must be a platform id: 1 to 128 letters, digits, - or _ (no /, . or ..)",
});
