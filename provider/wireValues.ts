import type { KindProvider } from "./kindProvider";

type Props = Record<string, unknown>;

/**
 * Where a value cannot cross to the engine as it is, or undefined. The host sends results as protobuf Structs, and
 * the real engine fails a create on `undefined` ("Unexpected struct type"), records NaN and ±Infinity as opaque
 * special-number objects, a Date as `{}`, and refuses an empty id: each after the platform object exists. Only JSON
 * values (finite numbers, strings, booleans, null, arrays and plain objects of them) are safe.
 */
export function unsafeWireValue(value: unknown, path: string): string | undefined {
    if (value === undefined) return `${path} is undefined`;
    if (typeof value === "number") return Number.isFinite(value) ? undefined : `${path} is ${value}`;
    if (value === null || typeof value === "string" || typeof value === "boolean") return undefined;
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
            const found = unsafeWireValue(value[i], `${path}[${i}]`);
            if (found) return found;
        }
        return undefined;
    }
    if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
        for (const [key, item] of Object.entries(value)) {
            const found = unsafeWireValue(item, `${path}.${key}`);
            if (found) return found;
        }
        return undefined;
    }
    return `${path} is a ${(value as object).constructor?.name ?? typeof value}, not a JSON value`;
}

/**
 * `provider` whose results are refused unless every value is safe to send to the engine and every id non-empty:
 * a defect in a kind then fails with the property named, rather than the engine storing a value mangled.
 */
export function wireCheckedProvider(kind: string, provider: KindProvider): KindProvider {
    const checked = (operation: string, props: Props | undefined, id?: string): void => {
        const problems = [
            id === "" ? "the id is empty" : undefined,
            ...Object.entries(props ?? {}).map(([key, value]) => unsafeWireValue(value, key)),
        ].filter(Boolean);
        if (problems.length > 0)
            throw new Error(
                `genesys-pulumi ${kind} ${operation} produced a result the Pulumi engine cannot record (${problems.join("; ")}); ` +
                    "this is a defect in genesys-pulumi: please report it",
            );
    };
    return {
        ...provider,
        async create(inputs) {
            const result = await provider.create(inputs);
            checked("create", result.outs, result.id);
            return result;
        },
        async read(id, props) {
            const result = await provider.read(id, props);
            if (result.id !== undefined) checked("read", { ...result.props, ...result.inputs }, result.id);
            return result;
        },
        async update(id, olds, news) {
            const result = await provider.update(id, olds, news);
            checked("update", result.outs);
            return result;
        },
    };
}
