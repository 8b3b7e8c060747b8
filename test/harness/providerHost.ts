// Runs the REAL Pulumi dynamic-provider host (the process the engine launches for `pulumi-nodejs:dynamic*`
// resources) and talks to it over gRPC with the SDK's generated stubs, exactly like the engine does.
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { Struct, type JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import {
    ProviderCallError,
    parseUrn,
    type CheckResult,
    type CreateResult,
    type DiffChanges,
    type DiffResult,
    type ReadResult,
    type ResourceProviderClient,
} from "./providerProtocol";
import type { PropertyMap } from "./secrets";

export interface ProviderHostOptions {
    /** The consumer project: the host resolves `__provider` requires from its CWD. */
    cwd: string;
    /** Project name the engine passes as PULUMI_NODEJS_PROJECT (used by the provider's Config for bare keys). */
    project?: string;
    env?: Record<string, string>;
    startTimeoutMs?: number;
    /**
     * The package whose dynamic-provider host runs, as a user's own `@pulumi/pulumi` would (e.g. an npm alias of
     * the lowest version the peer range allows). Default: the project's `@pulumi/pulumi`.
     */
    pulumiPackage?: string;
}

export interface ProviderHost extends ResourceProviderClient {
    readonly port: number;
    /** Everything the host wrote to stderr so far (tests assert no secret appears there). */
    stderr(): string;
    stop(): Promise<void>;
}

function hostScript(pulumiPackage: string): string {
    return path.join(
        path.dirname(require.resolve(`${pulumiPackage}/package.json`)),
        "cmd",
        "dynamic-provider",
        "index.js",
    );
}

const initFailureType = "pulumirpc.ErrorResourceInitFailed";

export async function startProviderHost(options: ProviderHostOptions): Promise<ProviderHost> {
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
    if (options.project !== undefined) {
        env.PULUMI_NODEJS_PROJECT = options.project;
        env.PULUMI_PROJECT = options.project;
    }
    // The engine passes its own address; the host only requires that one is given.
    const child = spawn(process.execPath, [hostScript(options.pulumiPackage ?? "@pulumi/pulumi"), "127.0.0.1:0"], {
        cwd: options.cwd,
        env,
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));

    const port = await readPort(child, options.startTimeoutMs ?? 30_000, () => stderr);
    const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
            resolve();
        } else {
            child.once("exit", () => resolve());
        }
    });

    return {
        port,
        stderr: () => stderr,

        async configure(args) {
            const req = new provproto.ConfigureRequest();
            req.setArgs(Struct.fromJavaScript(toStructInput(args)));
            req.setAcceptsecrets(true);
            req.setAcceptresources(true);
            req.setSendsOldInputs(true);
            req.setSendsOldInputsToDelete(true);
            const resp = await call<provproto.ConfigureRequest, provproto.ConfigureResponse>(
                client.configure.bind(client),
                req,
            );
            return { acceptSecrets: resp.getAcceptsecrets() };
        },

        async check(urn, olds, news): Promise<CheckResult> {
            const req = new provproto.CheckRequest();
            setTarget(req, urn);
            req.setOlds(Struct.fromJavaScript(toStructInput(olds)));
            req.setNews(Struct.fromJavaScript(toStructInput(news)));
            const resp = await call<provproto.CheckRequest, provproto.CheckResponse>(client.check.bind(client), req);
            return {
                inputs: (resp.getInputs()?.toJavaScript() ?? {}) as PropertyMap,
                failures: resp.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
            };
        },

        async diff(urn, id, olds, news, oldInputs): Promise<DiffResult> {
            const req = new provproto.DiffRequest();
            setTarget(req, urn);
            req.setId(id);
            req.setOlds(Struct.fromJavaScript(toStructInput(olds)));
            req.setNews(Struct.fromJavaScript(toStructInput(news)));
            req.setOldInputs(Struct.fromJavaScript(toStructInput(oldInputs)));
            const resp = await call<provproto.DiffRequest, provproto.DiffResponse>(client.diff.bind(client), req);
            return {
                changes: diffChanges(resp.getChanges()),
                replaces: resp.getReplacesList(),
                stables: resp.getStablesList(),
                deleteBeforeReplace: resp.getDeletebeforereplace(),
            };
        },

        async create(urn, properties): Promise<CreateResult> {
            const req = new provproto.CreateRequest();
            setTarget(req, urn);
            req.setProperties(Struct.fromJavaScript(toStructInput(properties)));
            const resp = await call<provproto.CreateRequest, provproto.CreateResponse>(client.create.bind(client), req);
            return { id: resp.getId(), properties: (resp.getProperties()?.toJavaScript() ?? {}) as PropertyMap };
        },

        async read(urn, id, properties, inputs): Promise<ReadResult> {
            const req = new provproto.ReadRequest();
            setTarget(req, urn);
            req.setId(id);
            req.setProperties(Struct.fromJavaScript(toStructInput(properties)));
            req.setInputs(Struct.fromJavaScript(toStructInput(inputs)));
            const resp = await call<provproto.ReadRequest, provproto.ReadResponse>(client.read.bind(client), req);
            const newInputs = resp.getInputs();
            return {
                id: resp.getId(),
                properties: (resp.getProperties()?.toJavaScript() ?? {}) as PropertyMap,
                ...(newInputs ? { inputs: newInputs.toJavaScript() as PropertyMap } : {}),
            };
        },

        async update(urn, id, olds, news, oldInputs) {
            const req = new provproto.UpdateRequest();
            setTarget(req, urn);
            req.setId(id);
            req.setOlds(Struct.fromJavaScript(toStructInput(olds)));
            req.setNews(Struct.fromJavaScript(toStructInput(news)));
            req.setOldInputs(Struct.fromJavaScript(toStructInput(oldInputs)));
            const resp = await call<provproto.UpdateRequest, provproto.UpdateResponse>(client.update.bind(client), req);
            return (resp.getProperties()?.toJavaScript() ?? {}) as PropertyMap;
        },

        async delete(urn, id, properties, oldInputs) {
            const req = new provproto.DeleteRequest();
            setTarget(req, urn);
            req.setId(id);
            req.setProperties(Struct.fromJavaScript(toStructInput(properties)));
            req.setOldInputs(Struct.fromJavaScript(toStructInput(oldInputs)));
            await call(client.delete.bind(client), req);
        },

        async stop() {
            client.close();
            if (child.exitCode === null && child.signalCode === null) {
                child.kill("SIGTERM");
            }
            await exited;
        },
    };
}

interface TargetedRequest {
    setUrn(value: string): unknown;
    setName(value: string): unknown;
    setType(value: string): unknown;
}

function setTarget(req: TargetedRequest, urn: string): void {
    const { type, name } = parseUrn(urn);
    req.setUrn(urn);
    req.setName(name);
    req.setType(type);
}

/**
 * Struct.fromJavaScript takes JSON values; property maps are JSON values once `undefined` is dropped (null in a
 * list, as JSON.stringify does). Copied by a walk rather than a JSON round trip, whose cost the real engine (Go) does
 * not have and which would otherwise be charged to the provider in the benchmark.
 */
function toStructInput(map: PropertyMap): Record<string, JavaScriptValue> {
    return jsonValue(map) as Record<string, JavaScriptValue>;
}

function jsonValue(value: unknown): JavaScriptValue {
    if (value === undefined) return null;
    if (typeof value === "number") return Number.isFinite(value) ? value : null;
    if (typeof value !== "object" || value === null) return value as JavaScriptValue;
    if (Array.isArray(value)) return value.map(jsonValue);
    const out: Record<string, JavaScriptValue> = {};
    for (const [key, item] of Object.entries(value)) {
        if (item !== undefined) out[key] = jsonValue(item);
    }
    return out;
}

function diffChanges(value: provproto.DiffResponse.DiffChanges): DiffChanges {
    switch (value) {
        case provproto.DiffResponse.DiffChanges.DIFF_NONE:
            return "none";
        case provproto.DiffResponse.DiffChanges.DIFF_SOME:
            return "some";
        default:
            return "unknown";
    }
}

type UnaryMethod<Req, Resp> = (req: Req, callback: (err: grpc.ServiceError | null, resp: Resp) => void) => unknown;

function call<Req, Resp>(method: UnaryMethod<Req, Resp>, req: Req): Promise<Resp> {
    return new Promise((resolve, reject) => {
        method(req, (err, resp) => (err ? reject(toProviderCallError(err)) : resolve(resp)));
    });
}

function toProviderCallError(err: grpc.ServiceError): ProviderCallError {
    const message = err.details || err.message;
    const [details] = err.metadata?.get("grpc-status-details-bin") ?? [];
    if (!Buffer.isBuffer(details)) {
        return new ProviderCallError(message, err.code);
    }
    for (const any of Status.deserializeBinary(new Uint8Array(details)).getDetailsList()) {
        if (any.getTypeName() === initFailureType) {
            const failure = provproto.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
            return new ProviderCallError(message, err.code, {
                id: failure.getId(),
                properties: (failure.getProperties()?.toJavaScript() ?? {}) as PropertyMap,
                reasons: failure.getReasonsList(),
            });
        }
    }
    return new ProviderCallError(message, err.code);
}

function readPort(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<number> {
    return new Promise((resolve, reject) => {
        let stdout = "";
        const fail = (why: string) => {
            clearTimeout(timer);
            child.kill("SIGKILL");
            reject(new Error(`dynamic-provider host did not start (${why}); stderr:\n${stderr()}`));
        };
        const timer = setTimeout(() => fail(`no port within ${timeoutMs} ms`), timeoutMs);
        child.once("exit", (code) => fail(`exited with code ${code}`));
        child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
            stdout += chunk;
            const newline = stdout.indexOf("\n");
            if (newline < 0) {
                return;
            }
            const port = Number(stdout.slice(0, newline).trim());
            clearTimeout(timer);
            child.removeAllListeners("exit");
            if (Number.isInteger(port) && port > 0) {
                resolve(port);
            } else {
                fail(`printed "${stdout.slice(0, newline)}" instead of a port`);
            }
        });
    });
}
