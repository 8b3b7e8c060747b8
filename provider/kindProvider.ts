import type { z } from "zod";
import type { ApiClient } from "./client/apiClient";
import { apiClient, configure } from "./providerContext";
import { AUTO_NAMED_KEY, PROJECT_KEY, RESOURCE_NAME_KEY, resolveName, STACK_KEY } from "./lifecycle/autoName";
import { readConfirmingGone } from "./lifecycle/confirmGone";
import { diffInputs } from "./lifecycle/inputDiff";
import { handleOf, isUnconfirmedId, recordedAsUnconfirmed, UnconfirmedCreate } from "./lifecycle/unconfirmedCreate";
import { checkInputs, type CheckFailure, type CrossFieldRule } from "./validation/checkInputs";

type Props = Record<string, unknown>;

/**
 * Everything that differs between resource kinds. `kindProvider` turns it into the dynamic provider the
 * host calls, so every kind validates, diffs, names and reports the same way.
 */
export interface KindDefinition<I extends Props, L> {
    /** Used in messages: "recording policy". */
    label: string;
    schema: z.ZodObject;
    rules?: readonly CrossFieldRule<I>[];
    /** Applied by `check` so state holds what the platform will hold. */
    defaults?: Partial<I>;
    /** Inputs never echoed in messages (their values are secrets). */
    secretFields?: readonly string[];
    /** Inputs the platform cannot change in place. */
    replaceOn?: readonly string[];
    /**
     * For inputs that replace only on some changes (a schema's removed or retyped field, not an added one):
     * the inputs to report as replaces, given the previous outputs and the new inputs. Called only on a change.
     */
    replacesFor?: {
        /** The inputs it reads: they seed the auto-name, so a replacement is named apart from what it replaces. */
        inputs: readonly string[];
        replaces(olds: Props, news: Props): string[];
    };
    /**
     * Inputs read only by `check` (copies of another resource's values, for validation at preview): a change
     * to them alone is no reason to update the object.
     */
    checkOnly?: readonly string[];
    /** Platform limit on `name`, when the kind is auto-named. */
    nameMaxLength?: number;
    create(client: ApiClient, inputs: I): Promise<L>;
    /** Undefined when the object no longer exists. */
    read(client: ApiClient, id: string): Promise<L | undefined>;
    /** The object of a create recorded unconfirmed, found by its handle (name or chosen id); undefined if absent. */
    resolveUnconfirmed(client: ApiClient, handle: string): Promise<L | undefined>;
    update(client: ApiClient, id: string, olds: Props, inputs: I): Promise<L>;
    /** Must succeed when the object is already gone. */
    delete(client: ApiClient, id: string): Promise<void>;
    idOf(live: L): string;
    /** The outputs: the inputs as the platform now holds them, plus computed values. */
    outputs(live: L, inputs: I): Props;
    /** The inputs that would produce `live`, so a refresh leaves later diffs truthful. */
    inputsFromLive(live: L, oldInputs: Props): Props;
}

export interface DynamicProvider {
    /** Inputs whose values are secrets: left out of the request hash in audit records. */
    readonly secretFields?: readonly string[];
    configure(req: Parameters<typeof configure>[0]): Promise<void>;
    check(olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }>;
    diff(
        id: string,
        olds: Props,
        news: Props,
    ): Promise<{ changes: boolean; replaces: string[]; deleteBeforeReplace: boolean }>;
    create(inputs: Props): Promise<{ id: string; outs: Props }>;
    read(id: string, props: Props): Promise<{ id?: string; props?: Props; inputs?: Props }>;
    update(id: string, olds: Props, news: Props): Promise<{ outs: Props }>;
    delete(id: string, props: Props): Promise<void>;
}

/** The host sends results as protobuf Structs, which have no `undefined`: an absent value is left out. */
function defined(props: Props): Props {
    return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));
}

/** Keys that ride along with the user's inputs and must reach every later call unchanged. */
function carried(props: Props): Props {
    const out: Props = {};
    for (const key of [RESOURCE_NAME_KEY, AUTO_NAMED_KEY, STACK_KEY, PROJECT_KEY])
        if (props[key] !== undefined) out[key] = props[key];
    return out;
}

export function kindProvider<I extends Props, L>(def: KindDefinition<I, L>): DynamicProvider {
    const inputKeys = Object.keys(def.schema.shape).filter((key) => !def.checkOnly?.includes(key));
    const replaceKeys = [...(def.replaceOn ?? []), ...(def.replacesFor?.inputs ?? [])];
    const withContext = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
        try {
            return await run();
        } catch (err) {
            if (err instanceof Error) err.message = `${action} ${def.label}: ${err.message}`;
            throw err;
        }
    };

    /**
     * Whether a replacement would be auto-named as the object it replaces: its name derives from the inputs that
     * replace it, and a schema's fields can come back to those it was created with (a field added in place, then
     * removed). Create-before-delete would then collide, so that replacement deletes first.
     */
    const keepsItsName = (olds: Props, news: Props): boolean => {
        if (def.nameMaxLength === undefined || olds[AUTO_NAMED_KEY] !== true || news[AUTO_NAMED_KEY] !== true)
            return false;
        const { [AUTO_NAMED_KEY]: _auto, name: _name, ...program } = news;
        return resolveName(program, undefined, def.nameMaxLength, replaceKeys).name === olds.name;
    };

    return {
        secretFields: def.secretFields ?? [],
        configure,

        async check(olds, news) {
            const inputs: Props = { ...news };
            for (const [key, value] of Object.entries(def.defaults ?? {}))
                if (inputs[key] === undefined) inputs[key] = value;
            if (def.nameMaxLength !== undefined) {
                const { name, autoNamed } = resolveName(news, olds, def.nameMaxLength, replaceKeys);
                inputs.name = name;
                if (autoNamed) inputs[AUTO_NAMED_KEY] = true;
                else delete inputs[AUTO_NAMED_KEY];
            }
            const previous = olds && Object.keys(olds).length > 0 ? olds : undefined;
            return {
                inputs,
                failures: checkInputs<I>(
                    def.schema as z.ZodType<I>,
                    def.rules ?? [],
                    inputs,
                    previous,
                    def.secretFields,
                ),
            };
        },

        async diff(id, olds, news) {
            // A create never confirmed is settled by replacing it: the old one (if it exists) is removed by name
            // first, so a replacement under the same explicit name cannot be mistaken for it.
            if (isUnconfirmedId(id)) return { changes: true, replaces: ["name"], deleteBeforeReplace: true };
            const { changes, replaces } = diffInputs(olds, news, inputKeys, def.replaceOn ?? []);
            const more =
                changes && def.replacesFor
                    ? def.replacesFor.replaces(olds, news).filter((key) => !replaces.includes(key))
                    : [];
            const replacing = [...replaces, ...more];
            return {
                changes,
                replaces: replacing,
                deleteBeforeReplace: replacing.length > 0 && keepsItsName(olds, news),
            };
        },

        async create(inputs) {
            return withContext("creating", async () => {
                let live: L;
                try {
                    live = await def.create(apiClient(), inputs as I);
                } catch (err) {
                    throw err instanceof UnconfirmedCreate ? recordedAsUnconfirmed(err, inputs) : err;
                }
                return { id: def.idOf(live), outs: defined({ ...def.outputs(live, inputs as I), ...carried(inputs) }) };
            });
        },

        async read(id, props) {
            return withContext(`reading ${id} of`, async () => {
                const client = apiClient();
                const live = isUnconfirmedId(id)
                    ? await def.resolveUnconfirmed(client, handleOf(id))
                    : await readConfirmingGone(() => def.read(client, id), client.readAfterWriteMs);
                if (live === undefined) return {};
                const inputs = defined({ ...def.inputsFromLive(live, props), ...carried(props) });
                // The platform's id: a create recorded unconfirmed becomes the object it turned out to be.
                return {
                    id: def.idOf(live),
                    props: defined({ ...def.outputs(live, inputs as I), ...carried(props) }),
                    inputs,
                };
            });
        },

        async update(id, olds, news) {
            return withContext(`updating ${id} of`, async () => {
                const live = await def.update(apiClient(), id, olds, news as I);
                return { outs: defined({ ...def.outputs(live, news as I), ...carried(news) }) };
            });
        },

        async delete(id) {
            await withContext(`deleting ${id} of`, async () => {
                const client = apiClient();
                if (!isUnconfirmedId(id)) return def.delete(client, id);
                const live = await def.resolveUnconfirmed(client, handleOf(id));
                if (live !== undefined) await def.delete(client, def.idOf(live));
            });
        },
    };
}
