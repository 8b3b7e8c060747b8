// The engine's view of secrets and unknowns, on plain JS property maps in the wire encoding the Node SDK and the
// dynamic-provider host use (a secret is `{ [specialSigKey]: specialSecretSig, value }`, an unknown is the
// `unknownValue` string). The constants come from the SDK itself so the harness can never drift from it.
import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";

export { unknownValue };

export type PropertyMap = Record<string, unknown>;

export interface SecretValue {
    [specialSigKey]: typeof specialSecretSig;
    value: unknown;
}

export function isSecret(value: unknown): value is SecretValue {
    return isPlainObject(value) && value[specialSigKey] === specialSecretSig;
}

/** Wraps a value as a secret; a value that already is one is returned as is (secrets never nest on the wire). */
export function makeSecret(value: unknown): SecretValue {
    if (isSecret(value)) {
        return value;
    }
    return { [specialSigKey]: specialSecretSig, value: value === undefined ? null : value };
}

/** Top-level unwrap only, like the host does for each config value. */
export function unwrapSecret(value: unknown): unknown {
    return isSecret(value) ? value.value : value;
}

export function containsSecrets(value: unknown): boolean {
    if (isSecret(value)) {
        return true;
    }
    if (Array.isArray(value)) {
        return value.some(containsSecrets);
    }
    if (isPlainObject(value)) {
        return Object.values(value).some(containsSecrets);
    }
    return false;
}

export function containsUnknowns(value: unknown): boolean {
    if (value === unknownValue) {
        return true;
    }
    if (isSecret(value)) {
        return containsUnknowns(value.value);
    }
    if (Array.isArray(value)) {
        return value.some(containsUnknowns);
    }
    if (isPlainObject(value)) {
        return Object.values(value).some(containsUnknowns);
    }
    return false;
}

/**
 * Removes every secret wrapper at any depth. This is what the engine sends to a provider that answered
 * Configure with acceptSecrets=false, which the dynamic-provider host always does.
 */
export function stripSecrets<T>(value: T): T {
    if (isSecret(value)) {
        return stripSecrets(value.value) as T;
    }
    if (Array.isArray(value)) {
        return value.map(stripSecrets) as T;
    }
    if (isPlainObject(value)) {
        const result: PropertyMap = {};
        for (const [k, v] of Object.entries(value)) {
            result[k] = stripSecrets(v);
        }
        return result as T;
    }
    return value;
}

/**
 * Port of the engine's `annotateSecrets` (sdk/go/common/resource/plugin/provider_plugin.go): after a call to a
 * provider that cannot accept secrets, an output is re-marked secret only where the input under the SAME key
 * contained a secret. When both sides are objects it recurses instead of tainting the whole object. Outputs under
 * other names are not marked: that is why resources declare additionalSecretOutputs. Returns a new map.
 */
export function annotateSecrets(outputs: PropertyMap, inputs: PropertyMap | undefined): PropertyMap {
    const result: PropertyMap = { ...outputs };
    if (inputs === undefined) {
        return result;
    }
    for (const [key, inValue] of Object.entries(inputs)) {
        if (!(key in result)) {
            continue;
        }
        const outValue = result[key];
        if (isObjectValue(outValue) && isObjectValue(inValue)) {
            result[key] = annotateSecrets(outValue, inValue);
        } else if (!isSecret(outValue) && containsSecrets(inValue)) {
            result[key] = makeSecret(outValue);
        }
    }
    return result;
}

/** Marks the named top-level outputs secret, as the engine does for a resource's `additionalSecretOutputs`. */
export function markSecretOutputs(outputs: PropertyMap, names: readonly string[]): PropertyMap {
    const result: PropertyMap = { ...outputs };
    for (const name of names) {
        if (name in result) {
            result[name] = makeSecret(result[name]);
        }
    }
    return result;
}

/** Top-level keys whose values are or contain secrets, sorted: a compact way for tests to assert secret-ness. */
export function secretKeys(map: PropertyMap): string[] {
    return Object.keys(map)
        .filter((k) => containsSecrets(map[k]))
        .sort();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An object property value in the engine's sense: a map that is not a secret wrapper. */
function isObjectValue(value: unknown): value is PropertyMap {
    return isPlainObject(value) && !isSecret(value);
}
