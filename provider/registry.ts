import type { DynamicProvider } from "./kindProvider";
import { configure } from "./providerContext";
import { recordingPolicyProvider } from "./kinds/recordingPolicy/provider";

/**
 * The one entry point the serialized `__provider` of every SDK resource requires, by package path, at
 * call time inside the dynamic-provider host. Keeping the implementation out of the closure keeps
 * `__provider` a few hundred bytes, free of configuration values, and valid across package upgrades.
 */
const providers = {
    recordingPolicy: recordingPolicyProvider,
} satisfies Record<string, DynamicProvider>;

export type KindName = keyof typeof providers;

export function load(kind: string): DynamicProvider {
    const provider = (providers as Record<string, DynamicProvider>)[kind];
    if (!provider) throw new Error(`genesys-pulumi has no resource kind "${kind}"; is the installed package older than the program's?`);
    return provider;
}

export { configure };
