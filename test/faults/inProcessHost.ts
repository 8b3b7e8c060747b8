// The dynamic-provider host's contract (node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js), kept in process so
// a matrix of hundreds of operations does not pay a process start for each. What it keeps from the real host:
// `__provider` is loaded with require-from-string from the consumer project, configured once per provider string with
// the stack config (secrets unwrapped), values cross a JSON boundary (as protobuf Structs, `undefined` dropped),
// secrets are not accepted, a thrown error with `id` and `properties` is a partial failure (ErrorResourceInitFailed),
// and every operation starts from fresh provider modules, as every `pulumi` command starts a fresh host process.
import * as path from "node:path";
import { Config as DynamicConfig } from "@pulumi/pulumi/cmd/dynamic-provider/config";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import requireFromString = require("require-from-string");
import { findRepoRoot } from "../../harness/consumerProject";
import type { ProviderHost, ProviderHostOptions } from "../../harness/providerHost";
import { ProviderCallError, type ResourceProviderClient } from "../../harness/providerProtocol";
import { unwrapSecret, type PropertyMap } from "../../harness/secrets";

const PROVIDER_KEY = "__provider";
/** grpc status UNKNOWN: what the host answers for every provider error. */
const UNKNOWN = 2;

const providerModules = path.join(findRepoRoot(), "dist", "provider") + path.sep;

function crossBoundary<T>(value: T): T {
    return JSON.parse(JSON.stringify(value ?? {})) as T;
}

function providerError(err: unknown, allowInitFailure: boolean): ProviderCallError {
    const e = err as { message?: unknown; id?: unknown; properties?: unknown; reasons?: unknown };
    const message = typeof e?.message === "string" ? e.message : String(err);
    if (allowInitFailure && typeof e.id === "string" && e.id !== "") {
        const reasons = Array.isArray(e.reasons) ? e.reasons.map(String) : [];
        return new ProviderCallError(message, UNKNOWN, {
            id: e.id,
            properties: crossBoundary((e.properties ?? {}) as PropertyMap),
            reasons,
        });
    }
    return new ProviderCallError(message, UNKNOWN);
}

export async function startInProcessHost(options: ProviderHostOptions): Promise<ProviderHost> {
    // A fresh process has no provider state: no cached client, token or memory of earlier writes.
    for (const file of Object.keys(require.cache)) if (file.startsWith(providerModules)) delete require.cache[file];
    const cache = new Map<string, Promise<dynamic.ResourceProvider>>();
    let config: Record<string, unknown> = {};
    const project = options.project ?? "project";

    const providerFor = (props: PropertyMap): Promise<dynamic.ResourceProvider> => {
        const source = props[PROVIDER_KEY];
        if (typeof source !== "string") throw new ProviderCallError(`no ${PROVIDER_KEY} in the properties`, UNKNOWN);
        let loaded = cache.get(source);
        if (loaded === undefined) {
            loaded = (async () => {
                const module = requireFromString(source, path.join(options.cwd, "__provider.js")) as {
                    handler(): dynamic.ResourceProvider;
                };
                const provider = module.handler();
                if (provider.configure)
                    await provider.configure({ config: new DynamicConfig(config as Record<string, string>, project) });
                return provider;
            })();
            cache.set(source, loaded);
        }
        return loaded;
    };
    const call = async <T>(run: () => Promise<T>, allowInitFailure = false): Promise<T> => {
        try {
            return await run();
        } catch (err) {
            throw err instanceof ProviderCallError ? err : providerError(err, allowInitFailure);
        }
    };

    const client: ResourceProviderClient = {
        async configure(args) {
            config = Object.fromEntries(
                Object.entries(args)
                    .filter(([k]) => k !== PROVIDER_KEY)
                    .map(([k, v]) => [k, unwrapSecret(v)]),
            );
            return { acceptSecrets: false };
        },
        check: (_urn, olds, news) =>
            call(async () => {
                const [o, n] = [crossBoundary(olds), crossBoundary(news)];
                const provider = await providerFor(n);
                const result = provider.check ? await provider.check(o, n) : { inputs: n, failures: [] };
                const inputs = { ...(result.inputs ?? n), [PROVIDER_KEY]: n[PROVIDER_KEY] };
                return {
                    inputs: crossBoundary(inputs),
                    failures: (result.failures ?? []).map((f) => ({ property: f.property, reason: f.reason })),
                };
            }),
        diff: (_urn, id, olds, news) =>
            call(async () => {
                const [o, n] = [crossBoundary(olds), crossBoundary(news)];
                const provider = await providerFor(n);
                if (!provider.diff)
                    return { changes: "unknown" as const, replaces: [], stables: [], deleteBeforeReplace: false };
                const result = await provider.diff(id, o, n);
                const changes =
                    result.changes === true
                        ? ("some" as const)
                        : result.changes === false
                          ? ("none" as const)
                          : ("unknown" as const);
                return {
                    changes,
                    replaces: result.replaces ?? [],
                    stables: result.stables ?? [],
                    deleteBeforeReplace: result.deleteBeforeReplace ?? false,
                };
            }),
        create: (_urn, properties) =>
            call(async () => {
                const props = crossBoundary(properties);
                const result = await (await providerFor(props)).create(props);
                return {
                    id: result.id,
                    properties: crossBoundary({ ...(result.outs ?? {}), [PROVIDER_KEY]: props[PROVIDER_KEY] }),
                };
            }, true),
        read: (_urn, id, properties) =>
            call(async () => {
                const props = crossBoundary(properties);
                const provider = await providerFor(props);
                if (!provider.read) return { id, properties: props };
                const result = await provider.read(id, props);
                const outs = crossBoundary({ ...(result.props ?? {}), [PROVIDER_KEY]: props[PROVIDER_KEY] });
                return {
                    id: result.id ?? "",
                    properties: outs,
                    ...(result.inputs
                        ? { inputs: crossBoundary({ ...result.inputs, [PROVIDER_KEY]: props[PROVIDER_KEY] }) }
                        : {}),
                };
            }),
        update: (_urn, id, olds, news) =>
            call(async () => {
                const [o, n] = [crossBoundary(olds), crossBoundary(news)];
                const provider = await providerFor(n);
                const result = provider.update ? ((await provider.update(id, o, n)) ?? {}) : {};
                return crossBoundary({ ...(result.outs ?? {}), [PROVIDER_KEY]: n[PROVIDER_KEY] });
            }, true),
        delete: (_urn, id, properties) =>
            call(async () => {
                const props = crossBoundary(properties);
                const provider = await providerFor(props);
                if (provider.delete) await provider.delete(id, props);
            }),
    };
    return { ...client, port: 0, stderr: () => "", stop: async () => undefined };
}
