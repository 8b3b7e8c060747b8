import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { ApiClient } from "./client/apiClient";
import { apiClient, type ConfigureRequest, configure } from "./providerContext";
import { AUTO_NAMED_KEY, isAutoNamed, resolveName } from "./lifecycle/autoName";
import { PROJECT_KEY, RESOURCE_NAME_KEY, STACK_KEY } from "./identityKeys";
import { readConfirmingGone } from "./lifecycle/confirmGone";
import { diffInputs } from "./lifecycle/inputDiff";
import { handleOf, isUnconfirmedId, recordedAsUnconfirmed, UnconfirmedCreate } from "./lifecycle/unconfirmedCreate";
import { checkInputs, type CheckFailure, type CrossFieldRule } from "./validation/checkInputs";

type Props = Record<string, unknown>;

/**
 * Everything that differs between resource kinds. `kindProvider` turns it into the provider the host calls, so
 * every kind checks, diffs, names, settles unconfirmed creates and words its errors the same way. (The two sets,
 * `DataRecordSet` and `DataTableRows`, whose writes are per member, keep their own CRUD but check and word their
 * errors through the same `checkKind`, `inKindContext` and `carried`.)
 *
 * A new kind is a `schema.ts` (zod schema, defaults, cross-field rules), an `api.ts` (the platform's body,
 * `toBody` and an `objectCollection`), a `provider.ts` that fills this in, and tests beside them. Create, read,
 * update and delete come from the pieces in `lifecycle/`, by how the platform treats the object:
 * `postedObjectCrud` (the platform chooses the id, POST, with a version), `chosenIdObjectCrud` (we choose it, PUT;
 * with a pre-flight hook for checks outside the object), `postedUnversionedCrud` (POST, no version:
 * compare before writing), or `integrationLifecycle` (an integration and its configuration).
 *
 * `check` runs, in order: `normalise`, `defaults`, auto-naming (`nameMaxLength`), then `schema` and `rules`.
 * Outputs are always `inputsFromLive(live)` plus `computed(live)`, with the carried keys.
 */
export interface KindDefinition<I extends Props, L> {
    /** Used in messages: "recording policy". */
    label: string;
    schema: z.ZodObject;
    rules?: readonly CrossFieldRule<I>[];
    /**
     * Rewrites the raw inputs before defaults and validation, for what a static default cannot say: a default that
     * depends on another input, or one nested in a list. Runs on anything a program may pass, so it must leave
     * values of the wrong type and preview unknowns as they are, for validation to report. Returns new inputs and
     * never changes `news`.
     */
    normalise?(news: Props): Props;
    /** Filled in by `check` where the program left an input out, so state holds what the platform will hold. */
    defaults?: Partial<I>;
    /** Inputs whose values are secrets: never echoed in messages, left out of audit hashes. */
    secretFields?: readonly string[];
    /** Inputs the platform cannot change in place. */
    replaceOn?: readonly string[];
    /**
     * For inputs that replace only on some changes (a schema's removed or retyped field, not an added one):
     * the inputs to report as replaces, given the previous outputs and the new inputs. Called only on a change.
     */
    replacesFor?: {
        /** The inputs it reads: the auto-name derives from them, so a replacement is named apart from what it replaces. */
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
    /**
     * The inputs that would produce `live`, so a refresh leaves later diffs truthful. Write-only inputs (secrets the
     * platform never returns) and `checkOnly` ones come from `oldInputs`.
     */
    inputsFromLive(live: L, oldInputs: Props): Props;
    /** The outputs beyond the inputs: the platform id and version, and values derived from the object. */
    computed(live: L): Props;
}

/** The part of a definition that checks inputs and words errors: shared by a kind whose CRUD is its own. */
export type KindBasics<I extends Props> = Pick<
    KindDefinition<I, unknown>,
    | "label"
    | "schema"
    | "rules"
    | "normalise"
    | "defaults"
    | "secretFields"
    | "nameMaxLength"
    | "replaceOn"
    | "replacesFor"
>;

/**
 * What the registry hands to the host: Pulumi's own dynamic-provider contract with every operation present, plus
 * the inputs whose values are secrets (the audit trail leaves them out of its request hash). Narrowed where every
 * kind promises more than the host requires: `configure` reads only `config.get`, and `check`, `create` and
 * `update` always answer in full.
 */
export type KindProvider = Omit<
    Required<pulumi.dynamic.ResourceProvider<Props, Props>>,
    "configure" | "check" | "create" | "update"
> & {
    readonly secretFields: readonly string[];
    configure(req: ConfigureRequest): Promise<void>;
    check(olds: Props, news: Props): Promise<Required<pulumi.dynamic.CheckResult<Props>>>;
    create(inputs: Props): Promise<Required<pulumi.dynamic.CreateResult<Props>>>;
    update(id: string, olds: Props, news: Props): Promise<Required<pulumi.dynamic.UpdateResult<Props>>>;
};

/** The host sends results as protobuf Structs, which have no `undefined`: an absent value is left out. */
function defined(props: Props): Props {
    return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));
}

/** Keys that ride along with the user's inputs and must reach every later call unchanged. */
export function carried(props: Props): Props {
    const out: Props = {};
    for (const key of [RESOURCE_NAME_KEY, AUTO_NAMED_KEY, STACK_KEY, PROJECT_KEY])
        if (props[key] !== undefined) out[key] = props[key];
    return out;
}

/** Runs one operation of a kind, its error (if any) saying what was being done to what: "creating webhook: …". */
export async function inKindContext<T>(label: string, action: string, run: () => Promise<T>): Promise<T> {
    try {
        return await run();
    } catch (err) {
        if (err instanceof Error) err.message = `${action} ${label}: ${err.message}`;
        throw err;
    }
}

/** The inputs whose change replaces an object: its auto-name derives from them, so a replacement is named apart. */
function replaceKeysOf(def: Pick<KindDefinition<Props, unknown>, "replaceOn" | "replacesFor">): string[] {
    return [...(def.replaceOn ?? []), ...(def.replacesFor?.inputs ?? [])];
}

/** `check` of every kind: normalised, defaulted and auto-named inputs, and every failure at once. */
export function checkKind<I extends Props>(
    def: KindBasics<I>,
    olds: Props,
    news: Props,
): { inputs: Props; failures: CheckFailure[] } {
    const inputs: Props = def.normalise ? def.normalise(news) : { ...news };
    for (const [key, value] of Object.entries(def.defaults ?? {})) if (inputs[key] === undefined) inputs[key] = value;
    if (def.nameMaxLength !== undefined) {
        const { name, autoNamed } = resolveName(inputs, olds, def.nameMaxLength, replaceKeysOf(def));
        inputs.name = name;
        if (autoNamed) inputs[AUTO_NAMED_KEY] = true;
        else delete inputs[AUTO_NAMED_KEY];
    }
    const previous = olds && Object.keys(olds).length > 0 ? olds : undefined;
    return {
        inputs,
        failures: checkInputs<I>(def.schema as z.ZodType<I>, def.rules ?? [], inputs, previous, def.secretFields),
    };
}

export function kindProvider<I extends Props, L>(def: KindDefinition<I, L>): KindProvider {
    const inputKeys = Object.keys(def.schema.shape).filter((key) => !def.checkOnly?.includes(key));
    const inContext = <T>(action: string, run: () => Promise<T>) => inKindContext(def.label, action, run);
    const outputs = (live: L, inputs: Props, carrying: Props): Props =>
        defined({ ...def.inputsFromLive(live, inputs), ...def.computed(live), ...carried(carrying) });

    /**
     * Whether a replacement would be auto-named as the object it replaces: its name derives from the inputs that
     * replace it, and a schema's fields can come back to those it was created with (a field added in place, then
     * removed). Create-before-delete would then collide, so that replacement deletes first.
     */
    const keepsItsName = (olds: Props, news: Props): boolean => {
        if (def.nameMaxLength === undefined || !isAutoNamed(olds) || !isAutoNamed(news)) return false;
        const { [AUTO_NAMED_KEY]: _auto, name: _name, ...program } = news;
        return resolveName(program, undefined, def.nameMaxLength, replaceKeysOf(def)).name === olds.name;
    };

    return {
        secretFields: def.secretFields ?? [],
        configure,

        check: async (olds, news) => checkKind(def, olds, news),

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
            return inContext("creating", async () => {
                let live: L;
                try {
                    live = await def.create(apiClient(), inputs as I);
                } catch (err) {
                    throw err instanceof UnconfirmedCreate ? recordedAsUnconfirmed(err, inputs) : err;
                }
                return { id: def.idOf(live), outs: outputs(live, inputs, inputs) };
            });
        },

        async read(id, props = {}) {
            return inContext(`reading ${id} of`, async () => {
                const client = apiClient();
                const live = isUnconfirmedId(id)
                    ? await def.resolveUnconfirmed(client, handleOf(id))
                    : await readConfirmingGone(() => def.read(client, id), client.readAfterWriteMs);
                if (live === undefined) return {};
                const inputs = defined({ ...def.inputsFromLive(live, props), ...carried(props) });
                // The platform's id: a create recorded unconfirmed becomes the object it turned out to be.
                return { id: def.idOf(live), props: outputs(live, inputs, props), inputs };
            });
        },

        async update(id, olds, news) {
            return inContext(`updating ${id} of`, async () => {
                const live = await def.update(apiClient(), id, olds, news as I);
                return { outs: outputs(live, news, news) };
            });
        },

        async delete(id) {
            await inContext(`deleting ${id} of`, async () => {
                const client = apiClient();
                if (!isUnconfirmedId(id)) return def.delete(client, id);
                const live = await def.resolveUnconfirmed(client, handleOf(id));
                if (live !== undefined) await def.delete(client, def.idOf(live));
            });
        },
    };
}
