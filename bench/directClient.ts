// The same platform work as the provider, sent straight over HTTP with no host, no limiter and no retry policy of
// ours. Two uses: a naive client (a token fetched per operation, a fixed 3 attempts with exponential backoff, as a
// tenacity-decorated script would do it), and a bare baseline (one token, one attempt) whose time is the HTTP
// round-trips alone, to subtract from the provider's.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from "../emulator";
import { basicAuth } from "../test/emulatorClient";
import { createLimiter } from "../test/harness/concurrencyLimit";
import type { DesiredResource } from "../test/harness/engine";
import type { KindProvider } from "../provider/kindProvider";
import { toBody as eventStreamBody } from "../provider/kinds/eventStream/api";
import { eventStreamProvider } from "../provider/kinds/eventStream/provider";
import { toBody as failoverBody } from "../provider/kinds/failoverStrategy/api";
import { failoverStrategyProvider } from "../provider/kinds/failoverStrategy/provider";
import { toBody as recordingPolicyBody } from "../provider/kinds/recordingPolicy/api";
import { recordingPolicyProvider } from "../provider/kinds/recordingPolicy/provider";
import { toBody as webhookBody } from "../provider/kinds/webhook/api";
import { webhookProvider } from "../provider/kinds/webhook/provider";
import { dataRecordProvider } from "../provider/kinds/dataRecord/provider";
import type { DataRecordInputs } from "../provider/kinds/dataRecord/schema";
import type { EventStreamInputs } from "../provider/kinds/eventStream/schema";
import type { FailoverStrategyInputs } from "../provider/kinds/failoverStrategy/schema";
import type { RecordingPolicyInputs } from "../provider/kinds/recordingPolicy/schema";
import type { WebhookInputs } from "../provider/kinds/webhook/schema";
import type { BenchKind } from "./workload";

/** Inputs as the kind's own `check` returned them, so they are of that kind's input type. */
type Inputs = Record<string, unknown>;

/** How requests are sent: the naive client's way, or the bare baseline's. */
export interface RequestPolicy {
    /** The naive client fetches a token for every operation; the baseline fetches one for the run. */
    tokenPerOperation: boolean;
    /** Attempts per request (the naive client: 3). */
    attempts: number;
    /** Wait before attempt n+1 is `backoffMs(n)` (naive: 2 s, 4 s, … capped at 30 s, times the bench's time scale). */
    backoffMs?: (attempt: number) => number;
}

/** One token, one attempt: the HTTP round-trips and nothing else. */
export const BARE: RequestPolicy = { tokenPerOperation: false, attempts: 1 };

/** The naive client's policy, with its backoff scaled to the bench's compressed minute. */
export function naivePolicy(timeScale: number): RequestPolicy {
    // tenacity's `wait_exponential(multiplier=1, min=2, max=30)`, in seconds.
    return {
        tokenPerOperation: true,
        attempts: 3,
        backoffMs: (attempt) => Math.min(30, Math.max(2, 2 ** attempt)) * 1000 * timeScale,
    };
}

export interface Operation {
    op: "create" | "update" | "delete";
    resource: DesiredResource;
}

export interface DirectRunResult {
    operations: number;
    failed: number;
    requests: number;
    throttled: number;
    tokensFetched: number;
    wallMs: number;
    firstError?: string;
}

/** The platform's id and version of each object this client created, by resource name. */
type Held = Map<string, { path: string; version: number; inputs: Inputs }>;

interface KindCalls {
    provider: KindProvider;
    /** The write that creates: method, path and body. */
    create(inputs: Inputs): { method: "POST" | "PUT"; path: string; body: unknown };
    itemPath(inputs: Inputs, id: string): string;
    body(inputs: Inputs): unknown;
    /** GETs the provider makes before a create or update (the failover strategy's region pre-flight). */
    preflight?(inputs: Inputs): string[];
}

const collection = (path: string, provider: KindProvider, body: (inputs: Inputs) => unknown): KindCalls => ({
    provider,
    create: (inputs) => ({ method: "POST", path, body: body(inputs) }),
    itemPath: (_inputs, id) => `${path}/${encodeURIComponent(id)}`,
    body,
});

const REGIONS = "/api/v2/architecture/regions";
const recordPath = ({ schemaId, key }: DataRecordInputs) => `/api/v2/data/schemas/${schemaId}/records/${key}`;
const KIND_CALLS: Record<BenchKind, KindCalls> = {
    RecordingPolicy: collection("/api/v2/recording/policies", recordingPolicyProvider, (i) =>
        recordingPolicyBody(i as RecordingPolicyInputs),
    ),
    Webhook: collection("/api/v2/webhooks", webhookProvider, (i) => webhookBody(i as WebhookInputs)),
    EventStream: collection("/api/v2/eventstreams", eventStreamProvider, (i) =>
        eventStreamBody(i as EventStreamInputs),
    ),
    FailoverStrategy: {
        provider: failoverStrategyProvider,
        create: (inputs) => ({
            method: "PUT",
            path: `/api/v2/routing/strategies/${randomUUID()}`,
            body: failoverBody(inputs as FailoverStrategyInputs),
        }),
        itemPath: (_inputs, id) => `/api/v2/routing/strategies/${encodeURIComponent(id)}`,
        body: (inputs) => failoverBody(inputs as FailoverStrategyInputs),
        preflight: (inputs) => [
            `${REGIONS}?pageSize=100&pageNumber=1`,
            ...(inputs as FailoverStrategyInputs).regions.map((r) => `${REGIONS}/${r.regionId}/health`),
        ],
    },
    DataRecord: {
        provider: dataRecordProvider,
        create: (inputs) => ({ method: "PUT", path: recordPath(inputs as DataRecordInputs), body: inputs.data }),
        itemPath: (inputs) => recordPath(inputs as DataRecordInputs),
        body: (inputs) => inputs.data,
    },
};

function kindOf(resource: DesiredResource): BenchKind {
    return resource.type.split(":").pop() as BenchKind;
}

class RequestFailed extends Error {}

export class DirectClient {
    private readonly held: Held = new Map();
    private requests = 0;
    private throttled = 0;
    private tokensFetched = 0;
    private sharedToken?: Promise<string>;
    private policy: RequestPolicy = BARE;

    /** `parallel` operations in flight (the bench gives both clients the engine's 16). */
    constructor(
        private readonly url: string,
        private readonly parallel: number,
    ) {}

    /** Runs the operations; an operation fails when any of its requests runs out of attempts. */
    async run(operations: Operation[], policy: RequestPolicy): Promise<DirectRunResult> {
        this.policy = policy;
        this.sharedToken = undefined;
        const before = { requests: this.requests, throttled: this.throttled, tokens: this.tokensFetched };
        const limit = createLimiter(this.parallel);
        const started = performance.now();
        const errors = await Promise.all(
            operations.map((operation) =>
                limit(() =>
                    this.perform(operation).then(
                        () => undefined,
                        (err: Error) => err.message,
                    ),
                ),
            ),
        );
        const failedErrors = errors.filter((e): e is string => e !== undefined);
        return {
            operations: operations.length,
            failed: failedErrors.length,
            requests: this.requests - before.requests,
            throttled: this.throttled - before.throttled,
            tokensFetched: this.tokensFetched - before.tokens,
            wallMs: performance.now() - started,
            firstError: failedErrors[0],
        };
    }

    private async perform({ op, resource }: Operation): Promise<void> {
        const calls = KIND_CALLS[kindOf(resource)];
        const token = await this.token();
        if (op === "delete") {
            const held = this.held.get(resource.name);
            if (!held) throw new Error(`${resource.name} was never created`);
            await this.send(token, "DELETE", held.path);
            this.held.delete(resource.name);
            return;
        }
        // The provider's own check gives the inputs the platform body is built from (defaults, the auto-name); no I/O.
        const { inputs, failures } = await calls.provider.check(
            this.held.get(resource.name)?.inputs ?? {},
            resource.inputs,
        );
        if (failures.length > 0) throw new Error(`${resource.name}: ${failures.map((f) => f.reason).join("; ")}`);
        for (const path of calls.preflight?.(inputs) ?? []) await this.send(token, "GET", path);
        if (op === "create") {
            const { method, path, body } = calls.create(inputs);
            const live = (await this.send(token, method, path, body)) as { id: string; version: number };
            this.held.set(resource.name, {
                path: method === "POST" ? calls.itemPath(inputs, live.id) : path,
                version: live.version,
                inputs,
            });
        } else {
            const held = this.held.get(resource.name);
            if (!held) throw new Error(`${resource.name} was never created`);
            const live = (await this.send(token, "PUT", held.path, {
                ...(calls.body(inputs) as object),
                version: held.version,
            })) as { version: number };
            held.version = live.version;
            held.inputs = inputs;
        }
    }

    private token(): Promise<string> {
        if (this.policy.tokenPerOperation) return this.withAttempts(() => this.fetchToken());
        this.sharedToken ??= this.withAttempts(() => this.fetchToken());
        return this.sharedToken;
    }

    private async fetchToken(): Promise<string> {
        const response = await this.exchange(`${this.url}/oauth/token`, {
            method: "POST",
            headers: {
                authorization: basicAuth(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET),
                "content-type": "application/x-www-form-urlencoded",
            },
            body: "grant_type=client_credentials",
        });
        this.tokensFetched += 1;
        return (JSON.parse(response) as { access_token: string }).access_token;
    }

    private send(token: string, method: string, path: string, body?: unknown): Promise<unknown> {
        return this.withAttempts(async () => {
            const text = await this.exchange(`${this.url}${path}`, {
                method,
                headers: {
                    authorization: `Bearer ${token}`,
                    accept: "application/json",
                    ...(body === undefined ? {} : { "content-type": "application/json" }),
                },
                body: body === undefined ? undefined : JSON.stringify(body),
            });
            return text === "" ? undefined : JSON.parse(text);
        });
    }

    /** One HTTP exchange; anything but a 2xx is a failure, as a naive client treats every exception alike. */
    private async exchange(url: string, init: RequestInit): Promise<string> {
        this.requests += 1;
        const response = await fetch(url, init);
        const text = await response.text();
        if (response.status === 429) this.throttled += 1;
        if (response.status < 200 || response.status >= 300)
            throw new RequestFailed(`${init.method} ${new URL(url).pathname} answered ${response.status}`);
        return text;
    }

    private async withAttempts<T>(attempt: () => Promise<T>): Promise<T> {
        for (let n = 1; ; n++) {
            try {
                return await attempt();
            } catch (err) {
                if (n >= this.policy.attempts) throw err;
                await new Promise((resolve) => setTimeout(resolve, this.policy.backoffMs?.(n) ?? 0));
            }
        }
    }
}
