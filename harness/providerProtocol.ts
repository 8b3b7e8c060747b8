// The resource-provider calls the engine makes, as plain JS objects. Implemented by the real dynamic-provider host
// (providerHost.ts) and by simulated providers for non-dynamic types (simulatedResources.ts), so the engine drives
// both through one code path.
import type { PropertyMap } from "./secrets";

export interface CheckFailure {
    property: string;
    reason: string;
}

export interface CheckResult {
    inputs: PropertyMap;
    failures: CheckFailure[];
}

/** DIFF_UNKNOWN is what the host answers when the provider has no `diff`; the engine then compares inputs. */
export type DiffChanges = "unknown" | "none" | "some";

export interface DiffResult {
    changes: DiffChanges;
    replaces: string[];
    /** Returned by providers but ignored by the engine for dynamic resources; kept only so tests can see it. */
    stables: string[];
    deleteBeforeReplace: boolean;
}

export interface CreateResult {
    id: string;
    properties: PropertyMap;
}

export interface ReadResult {
    /** Empty when the provider reports the resource gone. */
    id: string;
    properties: PropertyMap;
    inputs?: PropertyMap;
}

export interface ResourceProviderClient {
    /** `args` are the stack config keys (namespaced, e.g. `genesys:clientId`), secrets still wrapped. */
    configure(args: PropertyMap): Promise<{ acceptSecrets: boolean }>;
    check(urn: string, olds: PropertyMap, news: PropertyMap): Promise<CheckResult>;
    /** `olds` are the old OUTPUTS; `oldInputs` travel on the wire but the dynamic host does not forward them. */
    diff(urn: string, id: string, olds: PropertyMap, news: PropertyMap, oldInputs: PropertyMap): Promise<DiffResult>;
    create(urn: string, properties: PropertyMap): Promise<CreateResult>;
    read(urn: string, id: string, properties: PropertyMap, inputs: PropertyMap): Promise<ReadResult>;
    update(urn: string, id: string, olds: PropertyMap, news: PropertyMap, oldInputs: PropertyMap): Promise<PropertyMap>;
    delete(urn: string, id: string, properties: PropertyMap, oldInputs: PropertyMap): Promise<void>;
}

/** Raised for a failed provider call; `initFailure` is set when a create/update partially succeeded. */
export class ProviderCallError extends Error {
    constructor(
        message: string,
        readonly code: number,
        readonly initFailure?: { id: string; properties: PropertyMap; reasons: string[] },
    ) {
        super(message);
        this.name = "ProviderCallError";
    }
}

export function makeUrn(stack: string, project: string, type: string, name: string): string {
    return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}

export function parseUrn(urn: string): { type: string; name: string } {
    const parts = urn.split("::");
    if (parts.length < 4 || !parts[0].startsWith("urn:pulumi:")) {
        throw new Error(`"${urn}" is not a URN; expected urn:pulumi:<stack>::<project>::<type>::<name>`);
    }
    const qualifiedType = parts[2];
    return { type: qualifiedType.split("$").pop() as string, name: parts.slice(3).join("::") };
}

export function isDynamicType(type: string): boolean {
    return type.startsWith("pulumi-nodejs:dynamic");
}
