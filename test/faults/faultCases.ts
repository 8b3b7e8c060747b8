// The fault matrix's rows. Every case perturbs one `up` that creates, updates and deletes (kindFixtures.ts); the
// runner (faultMatrix.ts) then clears the fault, converges and checks the platform holds exactly what the stack
// declares. `faulted` says what that one `up` must do: survive the fault, or fail with a clear message.
import type { EmulatorStats } from "../../emulator";
import type { EmulatedStack } from "../emulatedStack";
import type { KindFixture } from "./kindFixtures";

export const LIMITED_CLIENT_SECRET = "limited-client-secret";
/** The client that lacks the kind's write access: its scopes, or (withheld in the case) its roles' permissions. */
export const limitedClientId = (fixture: KindFixture) => `limited-${fixture.kind}`;

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The 403 error the provider gives when the client lacks the kind's write access: naming what to add. */
function missingAccess(fixture: KindFixture): RegExp {
    const access = fixture.writeAccess;
    if ("scope" in access) return new RegExp(`403 .*the OAuth client lacks the scope ${escaped(access.scope)}: add it`);
    // Every withheld permission named, whichever call was refused first.
    const named = access.permissions.map((p) => `(?=[\\s\\S]*lack [^;]*${escaped(p)})`).join("");
    return new RegExp(`^${named}[\\s\\S]*403 [\\s\\S]*the roles of the OAuth client \\(genesys:clientId\\) lack`);
}

export interface CaseContext {
    stack: EmulatedStack;
    fixture: KindFixture;
    /** Runs `action` once, after `count` more platform API requests have been answered. */
    afterRequests(count: number, action: () => void): void;
    /** The stack config for the faulted run (restored afterwards). */
    config: Record<string, unknown>;
    /** Moves the emulator's clock (token expiry, read-after-write windows). */
    advanceClock(ms: number): void;
    /** The stable object's platform path. */
    stablePath(): string;
    /** The rotating object's platform paths (the ones the faulted run deletes). */
    rotatingPaths(): string[];
}

export interface FaultCase {
    name: string;
    arm(ctx: CaseContext): void | Promise<void>;
    /** Undo what `arm` set on the emulator (faults are also reset to none after every case). */
    disarm?(ctx: CaseContext): void | Promise<void>;
    /** What the faulted `up` must do. */
    faulted: "survives" | { fails: (fixture: KindFixture) => RegExp };
    /** How the stack converges afterwards (default: `up`). */
    converge?: "up" | "refresh+up";
    /** Throws unless the fault really happened during the faulted run (so a pass is not vacuous). */
    injected?(during: EmulatorStats): void;
}

const status = (during: EmulatorStats, code: number) => during.responsesByStatus[String(code)] ?? 0;
const atLeast = (what: string, actual: number, min = 1) => {
    if (actual < min) throw new Error(`the fault did not fire: ${what} = ${actual}`);
};

/**
 * A 429 storm: 40% of requests refused, starting with the first two, so that a kind whose `up` sends only a few
 * requests still meets it.
 */
function storm429(ctx: CaseContext, retryAfterSeconds: number): void {
    ctx.stack.emulator.setFaults({ share429: 1, retryAfterSeconds });
    ctx.afterRequests(2, () => ctx.stack.emulator.setFaults({ share429: 0.4 }));
}

export const FAULT_CASES: FaultCase[] = [
    {
        name: "429 storm with Retry-After",
        arm: (ctx) => storm429(ctx, 0.02),
        faulted: "survives",
        injected: (during) => atLeast("429s", status(during, 429)),
    },
    {
        name: "429 storm without Retry-After (backoff)",
        arm: (ctx) => storm429(ctx, 0),
        faulted: "survives",
        injected: (during) => atLeast("429s", status(during, 429)),
    },
    {
        name: "5xx burst (the next 4 requests answer 503)",
        arm: (ctx) => {
            ctx.stack.emulator.setFaults({ share5xx: 1 });
            ctx.afterRequests(4, () => ctx.stack.emulator.setFaults({ share5xx: 0 }));
        },
        faulted: "survives",
        injected: (during) => atLeast("503s", status(during, 503), 4),
    },
    {
        name: "5xx storm (30% of requests answer 503)",
        arm: ({ stack }) => stack.emulator.setFaults({ share5xx: 0.3 }),
        faulted: "survives",
        injected: (during) => atLeast("503s", status(during, 503)),
    },
    {
        name: "latency beyond the request timeout, for a while",
        arm: (ctx) => {
            ctx.stack.emulator.setFaults({ latencyMs: 500 });
            ctx.afterRequests(3, () => ctx.stack.emulator.setFaults({ latencyMs: 0 }));
        },
        faulted: "survives",
    },
    {
        name: "connection resets (no response, nothing done)",
        arm: ({ stack }) => stack.emulator.setFaults({ shareReset: 0.3 }),
        faulted: "survives",
        injected: (during) => atLeast("connection resets", during.connectionResets),
    },
    {
        name: "every write commits but its response is lost (create, update, delete)",
        arm: (ctx) => {
            ctx.stack.emulator.setFaults({ shareLostResponse: 1 });
            // A create by PUT repeats until the client gives up, then adopts what it finds: a short budget keeps that quick.
            ctx.config["genesys:retryDeadlineMs"] = "1000";
        },
        faulted: "survives",
        injected: (during) => atLeast("lost responses", during.lostResponses, 3),
    },
    {
        name: "lost responses while reads lag behind writes (read-after-write 404s)",
        arm: ({ stack }) => stack.emulator.setFaults({ shareLostResponse: 0.5, readAfterWrite404Ms: 150 }),
        faulted: "survives",
        converge: "refresh+up",
    },
    {
        name: "read-after-write 404s during a refresh right after the up",
        arm: ({ stack }) => stack.emulator.setFaults({ readAfterWrite404Ms: 300 }),
        // The faults stay on through the refresh: it runs in a fresh process, within the window.
        disarm: () => undefined,
        faulted: "survives",
        converge: "refresh+up",
    },
    {
        name: "404 on delete (already deleted outside Pulumi)",
        arm: async (ctx) => {
            for (const path of ctx.rotatingPaths()) {
                const status = await ctx.stack.platform.remove(path);
                // 204, or 200 with the object on the paths that answer a delete with it.
                if (status !== 204 && status !== 200)
                    throw new Error(`could not delete ${path} outside Pulumi: ${status}`);
            }
        },
        faulted: "survives",
    },
    {
        name: "token expiry mid-run",
        arm: (ctx) => ctx.afterRequests(2, () => ctx.advanceClock(2 * 86_400_000)),
        faulted: "survives",
        injected: (during) => atLeast("401s", status(during, 401)),
    },
    {
        name: "token revocation mid-run",
        arm: (ctx) => ctx.afterRequests(2, () => ctx.stack.emulator.revokeTokens()),
        faulted: "survives",
        injected: (during) => atLeast("401s", status(during, 401)),
    },
    {
        name: "token endpoint down (tokens revoked, login answers 503)",
        arm: (ctx) => {
            ctx.stack.emulator.revokeTokens();
            ctx.stack.emulator.setFaults({ shareToken5xx: 1 });
            // Retrying a dead login for the whole default budget proves nothing more.
            ctx.config["genesys:retryDeadlineMs"] = "600";
        },
        faulted: { fails: () => /POST \/oauth\/token failed: 503/ },
    },
    {
        name: "a client missing the write scope or permission",
        arm: (ctx) => {
            const access = ctx.fixture.writeAccess;
            if ("permissions" in access)
                ctx.stack.emulator.setWithheldPermissions(limitedClientId(ctx.fixture), access.permissions);
            ctx.config["genesys:clientId"] = limitedClientId(ctx.fixture);
            ctx.config["genesys:clientSecret"] = LIMITED_CLIENT_SECRET;
        },
        disarm: (ctx) => {
            if ("permissions" in ctx.fixture.writeAccess)
                ctx.stack.emulator.setWithheldPermissions(limitedClientId(ctx.fixture), []);
        },
        faulted: { fails: missingAccess },
        injected: (during) => atLeast("403s", status(during, 403)),
    },
    {
        name: "409: the stable object was changed outside Pulumi",
        arm: async (ctx) => {
            const path = ctx.stablePath();
            const live = await ctx.stack.platform.get(path);
            const edited = await ctx.stack.platform.put(path, ctx.fixture.foreignEdit(live.body));
            if (edited.status !== 200)
                throw new Error(`the foreign edit of ${path} failed: ${edited.status} ${JSON.stringify(edited.body)}`);
        },
        faulted: { fails: () => /changed outside Pulumi.*pulumi refresh/s },
        converge: "refresh+up",
    },
    {
        name: "emulator restarted (same --data-dir) between operations",
        arm: ({ stack }) => stack.restartEmulator(),
        faulted: "survives",
    },
];

/** The cases also run through the real dynamic-provider host process (realHost.faults.test.ts). */
export const REAL_HOST_CASES = [
    "every write commits but its response is lost (create, update, delete)",
    "read-after-write 404s during a refresh right after the up",
    "a client missing the write scope or permission",
    "409: the stable object was changed outside Pulumi",
];

/**
 * The fixtures (see kindFixtures.ts) run through the real host for those cases: a set whose partial failures cross
 * gRPC as init errors, on the API contract and on the platform's import job, and an integration installed in steps.
 */
export const REAL_HOST_FIXTURES = ["DataRecordSet", "DataTableRowsImport", "EventBridgeIntegration"];
