import { z } from "zod";
import type { CheckFailure, CrossFieldRule } from "../../validation/checkInputs";
import { flag, httpsUrl, oneOf, text, uniqueList } from "../../validation/fieldRules";

export const FORMATS = ["application/json"] as const;

// Events are spelled both ways ("routing.recording.storage.updated", "routing:strategy:updated"): one
// separator per name, three or more parts.
const DOTTED_EVENT = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+){2,}$/;
const COLON_EVENT = /^[A-Za-z][A-Za-z0-9_-]*(:[A-Za-z0-9_-]+){2,}$/;

/** The event's name with one separator, so `a.b.c` and `a:b:c` compare as the same event. */
export function canonicalEvent(event: string): string {
    return event.replace(/:/g, ".");
}

const eventName = z
    .string({ error: "must be an event name" })
    .refine((value) => DOTTED_EVENT.test(value) || COLON_EVENT.test(value), {
        error: 'must be an event name like "routing.strategy.updated" or "routing:strategy:updated" (three or more parts, one kind of separator)',
    });

/** Headers the platform sets itself: sending them would break the delivery or leak a credential past `secret`. */
export const RESERVED_HEADERS = ["authorization", "content-length", "host"] as const;
// RFC 9110 token characters.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const LINE_BREAK = /[\r\n]/;

function headerNameProblem(name: string): string | undefined {
    if (LINE_BREAK.test(name)) return "must not hold CR or LF characters (header injection)";
    if ((RESERVED_HEADERS as readonly string[]).includes(name.toLowerCase())) {
        return `is set by the platform and cannot be overridden; remove it${name.toLowerCase() === "authorization" ? " and use secret to sign deliveries" : ""}`;
    }
    if (!HEADER_NAME.test(name)) return "is not a valid HTTP header name (letters, digits and !#$%&'*+.^_`|~- only)";
    return undefined;
}

const headers = z
    .record(z.string(), z.string({ error: "must be a string" }), {
        error: "must be an object of header names to string values",
    })
    .superRefine((value, ctx) => {
        const seen = new Map<string, string>();
        for (const [name, headerValue] of Object.entries(value)) {
            const nameProblem = headerNameProblem(name);
            if (nameProblem) ctx.addIssue({ code: "custom", path: [name], message: `name ${nameProblem}` });
            if (typeof headerValue === "string" && /[\r\n\0]/.test(headerValue)) {
                ctx.addIssue({
                    code: "custom",
                    path: [name],
                    message: "value must not hold CR, LF or NUL characters (header injection)",
                });
            }
            const first = seen.get(name.toLowerCase());
            if (first !== undefined)
                ctx.addIssue({
                    code: "custom",
                    path: [name],
                    message: `repeats header ${first} (header names ignore case); keep one`,
                });
            else seen.set(name.toLowerCase(), name);
        }
    });

export const webhookInputs = z.object({
    name: text(200),
    targetUrl: httpsUrl,
    events: uniqueList(eventName, { min: 1, max: 100, noun: "event" }),
    enabled: flag,
    secret: z
        .string({ error: "must be a string" })
        .min(16, { error: "must be at least 16 characters, so deliveries cannot be forged by guessing it" })
        .max(256, { error: "must be at most 256 characters" })
        .optional(),
    headers: headers.optional(),
    format: oneOf(FORMATS),
});

export type WebhookInputs = z.infer<typeof webhookInputs>;

export const webhookDefaults: Partial<WebhookInputs> = { enabled: true, format: "application/json" };

export const webhookRules: CrossFieldRule<WebhookInputs>[] = [
    {
        // uniqueList catches exact repeats; this catches one event listed in both spellings.
        reads: ["events"],
        check({ events }) {
            const failures: CheckFailure[] = [];
            const firstAt = new Map<string, number>();
            events.forEach((event, index) => {
                const key = canonicalEvent(event);
                const first = firstAt.get(key);
                if (first === undefined) firstAt.set(key, index);
                else if (events[first] !== event) {
                    failures.push({
                        property: `events[${index}]`,
                        reason: `events[${index}] "${event}" is the same event as events[${first}] "${events[first]}" in the other spelling; list it once`,
                    });
                }
            });
            return failures;
        },
    },
];
