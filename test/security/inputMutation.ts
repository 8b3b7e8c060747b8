/**
 * Turning valid inputs into the inputs a careless or hostile program produces: values swapped for junk of any
 * type (the preview's unknown sentinel among them), keys dropped, keys added, nested junk, prototype keys.
 */
import fc from "fast-check";
import { UNKNOWN } from "../../provider/validation/unknowns";

type Path = (string | number)[];

/** Nested far past any input's needs: check must refuse it, never recurse into a stack overflow. */
export function nested(depth: number): unknown {
    let value: unknown = "bottom";
    for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
    return value;
}

/** Values no input takes, and values of every JSON type; prototype keys arrive as own keys, as JSON.parse makes them. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 3, arbitrary: fc.constant(UNKNOWN) },
    {
        weight: 1,
        arbitrary: fc.constantFrom(
            null,
            "",
            " ",
            -1,
            0,
            1.5,
            1e308,
            "../..",
            "%2e%2e",
            "a\r\nb",
            "javascript:alert(1)",
            "https://user:pass@example.com/",
        ),
    },
    {
        weight: 1,
        arbitrary: fc.constantFrom(
            JSON.parse('{"__proto__": {"polluted": true}}'),
            JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
            { prototype: 1 },
        ),
    },
    { weight: 1, arbitrary: fc.constant(nested(80)) },
    { weight: 1, arbitrary: fc.array(fc.constant(UNKNOWN), { maxLength: 3 }) },
);

export type Mutation = { op: "replace" | "delete" | "add"; pick: number; key: string; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.record({
    op: fc.constantFrom("replace", "replace", "delete", "add"),
    pick: fc.nat(),
    key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("__proto__", "constructor", "prototype", "extra")),
    value: junk,
});

function pathsOf(value: unknown, path: Path = []): Path[] {
    if (Array.isArray(value)) return value.flatMap((item, i) => [[...path, i], ...pathsOf(item, [...path, i])]);
    if (value !== null && typeof value === "object")
        return Object.keys(value).flatMap((key) => [
            [...path, key],
            ...pathsOf((value as Record<string, unknown>)[key], [...path, key]),
        ]);
    return [];
}

function containerAt(root: unknown, path: Path): Record<string | number, unknown> | undefined {
    let current = root;
    for (const key of path) current = (current as Record<string | number, unknown>)[key];
    return current !== null && typeof current === "object" ? (current as Record<string | number, unknown>) : undefined;
}

/** Applies the mutations in turn, each at a path picked among the value's current paths (the root included for `add`). */
export function mutate(input: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> {
    const root = structuredClone(input);
    for (const { op, pick, key, value: shared } of mutations) {
        // Junk constants are shared between runs: each run gets its own copy to mutate.
        const value = structuredClone(shared);
        const paths = pathsOf(root);
        if (op === "add") {
            const containers = [[], ...paths].filter(
                (p) => containerAt(root, p) !== undefined && !Array.isArray(containerAt(root, p)),
            );
            Object.defineProperty(containerAt(root, containers[pick % containers.length]), key, {
                value,
                enumerable: true,
                writable: true,
                configurable: true,
            });
            continue;
        }
        if (paths.length === 0) continue;
        const path = paths[pick % paths.length];
        const parent = containerAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
        const last = path[path.length - 1];
        if (op === "delete" && !Array.isArray(parent)) delete parent[last];
        else parent[last] = value;
    }
    return root;
}

/** A value of another JSON type than `value`: what a program passing the wrong thing sends. */
export function wrongType(value: unknown): unknown {
    if (typeof value === "string") return 12.5;
    if (typeof value === "number") return "12";
    if (typeof value === "boolean") return "yes";
    if (Array.isArray(value)) return { not: "a list" };
    return ["not", "an", "object"];
}
