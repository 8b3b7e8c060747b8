import { parseArgs } from "node:util";
import { checkFaultsPatch, type Faults } from "./faults";
import type { EmulatorOptions } from "./index";
import { ALL_PERMISSIONS, isPermission } from "./platform/permissions";
import { ALL_SCOPES, isScope } from "./scopes";
import type { ClientConfig } from "./tokens";

export const USAGE = `Usage: genesys-emulator [options]
  --port N                      listen on 127.0.0.1:N (default 0 = a free port)
  --data-dir DIR                persist state in DIR (a restart loses nothing)
  --rate-limit N                requests per token per minute (default 300)
  --client id:secret:s1,s2      extra OAuth client with scopes (repeatable; scopes may be empty)
  --withhold id:p1,p2           permissions the roles of client id lack (repeatable; default: all granted)
  --latency-ms N                delay every request by N ms
  --share-429 X                 answer a share X (0..1) of requests with 429
  --share-5xx X                 answer a share X (0..1) of requests with 503
  --share-lost-response X       commit a share X (0..1) of writes but drop their response
  --read-after-write-404-ms N   GET of an object written less than N ms ago answers 404
  --seed N                      seed for the fault PRNG (default 1)
  --log                         log one line per request to stderr (never secrets)
  --help                        show this help
Prints the base URL (http://127.0.0.1:PORT) as the first line of stdout.`;

/** A bad command line; the CLI prints the message with the usage and exits 2. */
export class CliUsageError extends Error {}

export interface CliConfig {
    help: boolean;
    log: boolean;
    options: Omit<EmulatorOptions, "log">;
}

const FAULT_FLAGS: Record<string, keyof Faults> = {
    "rate-limit": "rateLimitPerMinute",
    "latency-ms": "latencyMs",
    "share-429": "share429",
    "share-5xx": "share5xx",
    "share-lost-response": "shareLostResponse",
    "read-after-write-404-ms": "readAfterWrite404Ms",
    seed: "seed",
};

function parseNumber(flag: string, raw: string): number {
    if (!/^\d+(\.\d+)?$/.test(raw))
        throw new CliUsageError(`--${flag} must be a non-negative number, got ${JSON.stringify(raw)}`);
    return Number(raw);
}

/**
 * `id:secret:scope1,scope2`. Scopes contain ':' themselves (`recording:read`), so the id ends at the first
 * ':' and the secret at the first later ':' after which only known scopes (or nothing) follow.
 */
export function parseClientSpec(spec: string): ClientConfig {
    const first = spec.indexOf(":");
    if (first <= 0) throw new CliUsageError("--client must look like id:secret:scope1,scope2");
    for (let split = spec.indexOf(":", first + 1); split !== -1; split = spec.indexOf(":", split + 1)) {
        const scopes = spec
            .slice(split + 1)
            .split(",")
            .filter((s) => s !== "");
        if (split > first + 1 && scopes.every(isScope)) {
            return { clientId: spec.slice(0, first), clientSecret: spec.slice(first + 1, split), scopes };
        }
    }
    throw new CliUsageError(
        `--client ${spec.slice(0, first)} must look like id:secret:scope1,scope2 with scopes from: ${ALL_SCOPES.join(", ")} (the list may be empty)`,
    );
}

/** `id:perm1,perm2`: the client id ends at the first ':' (permissions contain ':' themselves). */
export function parseWithholdSpecs(specs: string[]): Record<string, string[]> {
    const withheld: Record<string, string[]> = {};
    for (const spec of specs) {
        const colon = spec.indexOf(":");
        const permissions = spec
            .slice(colon + 1)
            .split(",")
            .filter((p) => p !== "");
        const unknown = permissions.filter((p) => !isPermission(p));
        if (colon <= 0 || unknown.length > 0) {
            throw new CliUsageError(
                `--withhold must look like id:permission1,permission2 with permissions from: ${ALL_PERMISSIONS.join(", ")}` +
                    (unknown.length > 0 ? ` (unknown: ${unknown.join(", ")})` : ""),
            );
        }
        const clientId = spec.slice(0, colon);
        withheld[clientId] = [...(withheld[clientId] ?? []), ...permissions];
    }
    return withheld;
}

export function parseCliArgs(argv: string[]): CliConfig {
    let values: Record<string, string | boolean | string[] | undefined>;
    try {
        ({ values } = parseArgs({
            args: argv,
            strict: true,
            allowPositionals: false,
            options: {
                port: { type: "string" },
                "data-dir": { type: "string" },
                client: { type: "string", multiple: true },
                withhold: { type: "string", multiple: true },
                log: { type: "boolean" },
                help: { type: "boolean" },
                ...Object.fromEntries(Object.keys(FAULT_FLAGS).map((flag) => [flag, { type: "string" as const }])),
            },
        }));
    } catch (err) {
        throw new CliUsageError((err as Error).message);
    }
    const options: CliConfig["options"] = {};
    if (typeof values.port === "string") {
        const port = parseNumber("port", values.port);
        if (!Number.isInteger(port) || port > 65535)
            throw new CliUsageError(`--port must be an integer 0..65535, got ${values.port}`);
        options.port = port;
    }
    if (typeof values["data-dir"] === "string") options.dataDir = values["data-dir"];
    if (Array.isArray(values.client)) options.clients = values.client.map(parseClientSpec);
    if (Array.isArray(values.withhold)) options.withheldPermissions = parseWithholdSpecs(values.withhold);

    const faults: Partial<Faults> = {};
    for (const [flag, fault] of Object.entries(FAULT_FLAGS)) {
        const raw = values[flag];
        if (typeof raw === "string") faults[fault] = parseNumber(flag, raw);
    }
    const checked = checkFaultsPatch(faults);
    if (!checked.ok) {
        const flagOf = (fault: string) => Object.entries(FAULT_FLAGS).find(([, f]) => f === fault)?.[0] ?? fault;
        throw new CliUsageError(
            checked.errors.map((e) => e.message.replace(e.fieldName, `--${flagOf(e.fieldName)}`)).join("; "),
        );
    }
    if (Object.keys(checked.value).length > 0) options.faults = checked.value;
    return { help: values.help === true, log: values.log === true, options };
}
