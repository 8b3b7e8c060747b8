/**
 * What a deployment called on the provider, recorded inside the dynamic-provider host itself, so the real engine and
 * the harness are observed at the same place. Preloaded into the host (`NODE_OPTIONS=--require`), it wraps what
 * `__provider` loads and appends one line per call to the file named by the environment: the method, the resource,
 * the id, and the shape of olds and news (each key with the type of its value; a preview's unknowns show as such).
 * The audit trail records writes only, and the emulator's counters no resource: neither says which check or diff ran.
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import Module from "node:module";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { RESOURCE_NAME_KEY } from "../../provider/identityKeys";

const LOG_ENV = "GENESYS_TEST_PROVIDER_CALL_LOG";
const REGISTRY = "genesys-pulumi/provider/registry";

type Props = Record<string, unknown>;

export interface ProviderCall {
    method: "check" | "diff" | "create" | "read" | "update" | "delete";
    /** The Pulumi resource name the inputs carry. */
    resource: string;
    kind: string;
    /** The id the call was given (empty for check and create). */
    id: string;
    olds?: Record<string, string>;
    news?: Record<string, string>;
    /** What the provider answered: a check's failing properties, a diff's changes and replaces. */
    answer?: string;
}

/** The environment that makes a host process record its calls into `file`. */
export function providerCallLogEnv(file: string): Record<string, string> {
    return { NODE_OPTIONS: `--require ${__filename}`, [LOG_ENV]: file };
}

/** Every call recorded in `file` so far, in the order the host made them. */
export function readProviderCalls(file: string): ProviderCall[] {
    if (!existsSync(file)) return [];
    return readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as ProviderCall);
}

/** Each key with the type of its value: enough to tell inputs from outputs, and known from unknown. */
function shape(props: unknown): Record<string, string> {
    const typeOf = (value: unknown) =>
        value === unknownValue ? "unknown" : value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
    return Object.fromEntries(
        Object.entries((props ?? {}) as Props)
            .filter(([key]) => key !== "__provider")
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([key, value]) => [key, typeOf(value)]),
    );
}

function recording(kind: string, provider: Props, file: string): Props {
    const log = (call: ProviderCall) => appendFileSync(file, `${JSON.stringify(call)}\n`);
    const resourceOf = (...maps: unknown[]) =>
        String(maps.map((m) => (m as Props | undefined)?.[RESOURCE_NAME_KEY]).find((n) => typeof n === "string"));
    const wrap =
        (method: ProviderCall["method"], describe: (args: unknown[]) => Omit<ProviderCall, "method" | "kind">) =>
        async (...args: unknown[]) => {
            const answer = await (
                provider[method] as (...a: unknown[]) => Promise<Partial<dynamic.CheckResult & dynamic.DiffResult>>
            )(...args);
            const call: ProviderCall = { method, kind, ...describe(args) };
            if (method === "check") call.answer = (answer.failures ?? []).map((f) => f.property).join(",");
            if (method === "diff") call.answer = `${answer.changes} replaces=${(answer.replaces ?? []).join(",")}`;
            log(call);
            return answer;
        };
    return {
        ...provider,
        check: wrap("check", ([olds, news]) => ({
            resource: resourceOf(news, olds),
            id: "",
            olds: shape(olds),
            news: shape(news),
        })),
        diff: wrap("diff", ([id, olds, news]) => ({
            resource: resourceOf(news, olds),
            id: String(id),
            olds: shape(olds),
            news: shape(news),
        })),
        create: wrap("create", ([news]) => ({ resource: resourceOf(news), id: "", news: shape(news) })),
        read: wrap("read", ([id, olds]) => ({ resource: resourceOf(olds), id: String(id), olds: shape(olds) })),
        update: wrap("update", ([id, olds, news]) => ({
            resource: resourceOf(news, olds),
            id: String(id),
            olds: shape(olds),
            news: shape(news),
        })),
        delete: wrap("delete", ([id, olds]) => ({ resource: resourceOf(olds), id: String(id), olds: shape(olds) })),
    };
}

const logFile = process.env[LOG_ENV];
if (logFile !== undefined) {
    // Only the host process records: the variable reaches the host through NODE_OPTIONS, and nothing else loads this.
    const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
    const original = loader._load;
    loader._load = function (request, parent, isMain) {
        const loaded = original.call(this, request, parent, isMain) as { load(kind: string): Props };
        if (request !== REGISTRY) return loaded;
        return { ...loaded, load: (kind: string) => recording(kind, loaded.load(kind), logFile) };
    };
}
