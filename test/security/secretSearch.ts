/**
 * Searching everything a deployment wrote or returned for secrets. A secret may sit in engine values only inside
 * the engine's secret wrapper; in any text (errors, logs, `__provider`, audit lines, platform responses) it may
 * not appear at all, in any of the spellings a careless log line would give it.
 */
import { isSecret } from "../../harness/secrets";

export interface Needle {
    /** What the secret is, for failure messages (never the value itself). */
    label: string;
    value: string;
}

/** The spellings a secret can leak in: as is, JSON-escaped, URL-encoded, base64 (alone, or in HTTP Basic auth). */
export function spellings(secret: Needle, basicAuthUser?: string): Needle[] {
    const forms: Needle[] = [
        secret,
        { label: `${secret.label} (JSON)`, value: JSON.stringify(secret.value).slice(1, -1) },
        { label: `${secret.label} (URL-encoded)`, value: encodeURIComponent(secret.value) },
        { label: `${secret.label} (base64)`, value: Buffer.from(secret.value).toString("base64").replace(/=+$/, "") },
    ];
    if (basicAuthUser !== undefined) {
        forms.push({
            label: `${secret.label} (Basic auth)`,
            value: Buffer.from(`${basicAuthUser}:${secret.value}`).toString("base64").replace(/=+$/, ""),
        });
    }
    return forms.filter((form, index) => forms.findIndex((other) => other.value === form.value) === index);
}

export interface Leak {
    place: string;
    secret: string;
}

/** A record of every place searched and every leak found, so a test can report both. */
export class SecretSearch {
    readonly leaks: Leak[] = [];
    private readonly places = new Set<string>();
    private searches = 0;

    constructor(private readonly needles: readonly Needle[]) {}

    /** Text that must never hold a secret. */
    text(place: string, text: string): void {
        this.places.add(kindOfPlace(place));
        this.searches++;
        for (const needle of this.needles)
            if (text.includes(needle.value)) this.leaks.push({ place, secret: needle.label });
    }

    /** Engine values: a secret may appear only inside a secret wrapper; `__provider` is text and searched whole. */
    values(place: string, value: unknown): void {
        this.places.add(kindOfPlace(place));
        this.searches++;
        for (const [path, text] of plainStrings(value, "")) {
            for (const needle of this.needles)
                if (text.includes(needle.value)) this.leaks.push({ place: `${place}${path}`, secret: needle.label });
        }
    }

    get placesSearched(): string[] {
        return [...this.places].sort();
    }

    get searchCount(): number {
        return this.searches;
    }
}

/** "update: state inputs of archive" → "state inputs": places are named "<operation>: <kind of place> of <which>". */
function kindOfPlace(place: string): string {
    return place.replace(/^[^:]*: /, "").replace(/ (of|\/api) .*$/, "");
}

/** Every string outside secret wrappers, with its path; object keys count as strings too. */
function plainStrings(value: unknown, path: string): [string, string][] {
    if (isSecret(value)) return [];
    if (typeof value === "string") return [[path, value]];
    if (Array.isArray(value)) return value.flatMap((item, index) => plainStrings(item, `${path}[${index}]`));
    if (value !== null && typeof value === "object") {
        return Object.entries(value).flatMap(([key, item]) => [
            [`${path}.${key} (key)`, key] as [string, string],
            ...plainStrings(item, `${path}.${key}`),
        ]);
    }
    return [];
}
