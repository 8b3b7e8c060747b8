import type { FieldError } from "./apiError";
import { isPlainObject, type JsonObject } from "./jsonObject";

export type Validation = { ok: true; value: JsonObject } | { ok: false; errors: FieldError[] };

interface Presence {
    /** Default true. null counts as absent. */
    required?: boolean;
}

/**
 * Checks a request body field by field, collecting every failure (so one 400 lists them all) and copying
 * only the declared, valid fields into `value`, which is how unknown extra fields are ignored.
 */
export class BodyChecker {
    readonly errors: FieldError[] = [];
    readonly value: JsonObject = {};
    private readonly body: JsonObject;

    constructor(body: unknown) {
        if (isPlainObject(body)) {
            this.body = body;
        } else {
            this.body = {};
            this.fail("body", "invalid.value", "the request body must be a JSON object");
        }
    }

    fail(fieldName: string, errorCode: string, message: string): void {
        this.errors.push({ fieldName, errorCode, message });
    }

    string(name: string, options: Presence & { maxLength?: number } = {}): string | undefined {
        const raw = this.present(name, options);
        if (raw === undefined) return undefined;
        if (typeof raw !== "string") return this.invalid(name, `${name} must be a string`);
        if (raw.trim() === "") {
            this.fail(name, "required", `${name} must not be empty`);
            return undefined;
        }
        if (options.maxLength !== undefined && raw.length > options.maxLength) {
            this.fail(name, "too.long", `${name} must be at most ${options.maxLength} characters (got ${raw.length})`);
            return undefined;
        }
        return this.keep(name, raw);
    }

    boolean(name: string, options: Presence = {}): boolean | undefined {
        const raw = this.present(name, options);
        if (raw === undefined) return undefined;
        if (typeof raw !== "boolean") return this.invalid(name, `${name} must be true or false`);
        return this.keep(name, raw);
    }

    integer(name: string, options: Presence & { min: number; max: number }): number | undefined {
        const raw = this.present(name, options);
        if (raw === undefined) return undefined;
        if (typeof raw !== "number" || !Number.isInteger(raw) || raw < options.min || raw > options.max) {
            return this.invalid(name, `${name} must be an integer between ${options.min} and ${options.max}`);
        }
        return this.keep(name, raw);
    }

    oneOf<T extends string>(name: string, allowed: readonly T[], options: Presence = {}): T | undefined {
        const raw = this.present(name, options);
        if (raw === undefined) return undefined;
        if (typeof raw !== "string" || !(allowed as readonly string[]).includes(raw)) {
            return this.invalid(name, `${name} must be one of ${allowed.join(", ")}`);
        }
        return this.keep(name, raw as T);
    }

    /**
     * An array of strings. `itemProblem` returns why one item is unacceptable (or undefined); all bad items
     * are reported under the array's field name, with their index in the message.
     */
    stringArray(
        name: string,
        options: Presence & {
            nonEmpty?: boolean;
            unique?: boolean;
            itemProblem?: (item: string) => string | undefined;
        },
    ): string[] | undefined {
        const raw = this.present(name, options);
        if (raw === undefined) return undefined;
        if (!Array.isArray(raw)) return this.invalid(name, `${name} must be an array of strings`);
        if (options.nonEmpty && raw.length === 0) {
            this.fail(name, "required", `${name} must list at least one entry`);
            return undefined;
        }
        const before = this.errors.length;
        raw.forEach((item, index) => {
            const problem = typeof item !== "string" ? "must be a string" : options.itemProblem?.(item);
            if (problem) this.fail(name, "invalid.value", `${name}[${index}] ${problem}`);
        });
        if (options.unique) {
            const repeated = raw.filter((item, index) => raw.indexOf(item) !== index);
            if (repeated.length > 0)
                this.fail(
                    name,
                    "duplicate.value",
                    `${name} must not repeat entries (repeated: ${[...new Set(repeated)].join(", ")})`,
                );
        }
        if (this.errors.length > before) return undefined;
        return this.keep(name, raw as string[]);
    }

    result(): Validation {
        return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, value: this.value };
    }

    private present(name: string, options: Presence): unknown {
        const raw = this.body[name];
        if (raw === undefined || raw === null) {
            if (options.required ?? true) this.fail(name, "required", `${name} is required`);
            return undefined;
        }
        return raw;
    }

    private invalid(name: string, message: string): undefined {
        this.fail(name, "invalid.value", message);
        return undefined;
    }

    private keep<T>(name: string, value: T): T {
        this.value[name] = value;
        return value;
    }
}

/** Why a string is not an absolute https URL, or undefined when it is one. The URL is not quoted back: webhook URLs often embed tokens. */
export function httpsUrlProblem(value: string): string | undefined {
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        return "is not a valid URL";
    }
    if (url.protocol !== "https:" || url.hostname === "") return `must be an https:// URL (got a ${url.protocol} URL)`;
    return url.username || url.password ? "must not embed credentials (user:password@)" : undefined;
}
