// The harness answers to the engine: the same program goes through the real Pulumi CLI and through the harness, each
// against an emulator of its own, and after every operation both must have made the same provider calls (method,
// order per resource, shapes of olds and news, the provider's answers) and hold the same state (ids, inputs,
// outputs, which of them are secret).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import * as genesys from "genesys-pulumi";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { startEmulator, type RunningEmulator } from "../../emulator";
import type { StepResult } from "../../harness/engine";
import { startEmulatedStack, type EmulatedStack } from "../emulatedStack";
import { KIND_FIXTURES } from "../faults/kindFixtures";
import type { PlatformView } from "../platformView";
import { type CliStack, type CliStep, startCliStack } from "./cliStack";
import { contactCenter } from "./contactCenterProgram";
import { providerCallLogEnv, readProviderCalls, type ProviderCall } from "./providerCallLog";
import { describeWithPulumiCli } from "./pulumiCli";

const PROJECT = "differential";
const STACK = "test";

type Props = Record<string, unknown>;

/** One side's view of a deployment: the calls its host recorded since the last look, and its state. */
interface Side {
    calls(): ProviderCall[];
    state(): Promise<{ name: string; id: string; inputs: Props; outputs: Props }[]>;
    platform: PlatformView;
    /** Each resource's id at the last comparison of the state. */
    ids: Map<string, string>;
}

/** Each resource's calls, in the order its host made them, as comparable lines. */
function callsByResource(calls: ProviderCall[]): Record<string, string[]> {
    const shapeOf = (m?: Record<string, string>) =>
        m === undefined
            ? ""
            : `{${Object.entries(m)
                  .map(([k, t]) => `${k}:${t}`)
                  .join(" ")}}`;
    return grouped(
        calls.map((call) => ({
            name: call.resource,
            line: [call.method, call.id === "" ? "" : "id", shapeOf(call.olds), shapeOf(call.news), call.answer]
                .filter((part) => part !== undefined && part !== "")
                .join(" "),
        })),
    );
}

/** Each name's lines, in their order, names sorted. */
function grouped(entries: { name: string; line: string }[]): Record<string, string[]> {
    const byName = new Map<string, string[]>();
    for (const { name, line } of entries) byName.set(name, [...(byName.get(name) ?? []), line]);
    return Object.fromEntries([...byName].sort(([a], [b]) => a.localeCompare(b)));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

/**
 * The state with what legitimately differs between two emulators made comparable: the platform's ids and times,
 * and a secret's encoding (ciphertext in the CLI's export, the value in the harness): only its place counts.
 */
function comparable(value: unknown): unknown {
    if (typeof value === "string") return value.replace(UUID, "<uuid>").replace(TIME, "<time>");
    if (Array.isArray(value)) return value.map(comparable);
    if (value !== null && typeof value === "object") {
        if (specialSigKey in value) return "<secret>";
        return Object.fromEntries(
            Object.entries(value)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([k, v]) => [k, comparable(v)]),
        );
    }
    return value;
}

/**
 * The state, comparable across the two emulators. Ids are the platform's, so what counts is whether each resource
 * kept the id it had at the last comparison (an update) or got a new one (a create or a replacement).
 */
async function comparableState(side: Side) {
    const resources = await side.state();
    const previous = new Map(side.ids);
    side.ids = new Map(resources.map((r) => [r.name, r.id]));
    return Object.fromEntries(
        resources
            .map((r) => {
                const id = r.id === "" ? "none" : previous.get(r.name) === r.id ? "kept" : "new";
                return [r.name, { id, inputs: comparable(r.inputs), outputs: comparable(r.outputs) }] as const;
            })
            .sort(([a], [b]) => a.localeCompare(b)),
    );
}

/** Each resource's steps as the engine names them, a replacement's create and delete folded into `replace`, `delete`. */
function engineOps(steps: CliStep[]): Record<string, string[]> {
    return opsByResource(
        steps
            .filter((s) => s.op !== "create-replacement")
            .map((s) => ({ name: s.name, op: s.op === "delete-replaced" ? "delete" : s.op })),
    );
}

function harnessOps(steps: StepResult[]): Record<string, string[]> {
    return opsByResource(steps.map((s) => ({ name: s.urn.split("::").pop() as string, op: s.op })));
}

/** Each resource's steps, sorted: their order shows in the provider calls. */
function opsByResource(steps: { name: string; op: string }[]): Record<string, string[]> {
    const byName = grouped(steps.map((s) => ({ name: s.name, line: s.op })));
    return Object.fromEntries(Object.entries(byName).map(([name, ops]) => [name, ops.sort()]));
}

describeWithPulumiCli("the harness against the real Pulumi engine", (cli) => {
    let engineEmulator: RunningEmulator;
    let engine: CliStack;
    let harness: EmulatedStack;
    let logDir: string;
    const sides: { engine: Side; harness: Side } = {} as never;

    before(async () => {
        logDir = mkdtempSync(join(tmpdir(), "genesys-differential-"));
        const logOf = (file: string) => {
            let seen = 0;
            return () => {
                const all = readProviderCalls(file);
                const fresh = all.slice(seen);
                seen = all.length;
                return fresh;
            };
        };
        engineEmulator = await startEmulator({ port: 0 });
        engine = await startCliStack({
            cli,
            emulator: engineEmulator,
            projectName: PROJECT,
            stackName: STACK,
            env: providerCallLogEnv(join(logDir, "engine.jsonl")),
        });
        harness = await startEmulatedStack({
            project: PROJECT,
            stack: STACK,
            hostEnv: providerCallLogEnv(join(logDir, "harness.jsonl")),
        });
        sides.engine = {
            calls: logOf(join(logDir, "engine.jsonl")),
            state: () => engine.resources(),
            platform: engine.platform,
            ids: new Map(),
        };
        sides.harness = {
            calls: logOf(join(logDir, "harness.jsonl")),
            state: async () => harness.engine.resources(),
            platform: harness.platform,
            ids: new Map(),
        };
    });
    after(async () => {
        engine?.remove();
        await engineEmulator?.stop();
        await harness?.stop();
        if (logDir) rmSync(logDir, { recursive: true, force: true });
    });

    /**
     * Both sides reported the same steps, made the same provider calls since the last comparison, and hold the same
     * state. Preview, up and destroy are compared by the steps each announced; a refresh by the steps as they ended.
     */
    async function assertSame(
        what: string,
        steps: { engine: Record<string, string[]>; harness: Record<string, string[]> },
    ) {
        assert.deepEqual(steps.harness, steps.engine, `${what}: the steps`);
        assert.deepEqual(
            callsByResource(sides.harness.calls()),
            callsByResource(sides.engine.calls()),
            `${what}: the provider calls`,
        );
        assert.deepEqual(
            await comparableState(sides.harness),
            await comparableState(sides.engine),
            `${what}: the state`,
        );
    }

    /** The program through both; both must succeed, then agree. */
    async function deploy(what: string, program: PulumiFn, preview = false) {
        const run = preview ? await engine.preview(program) : await engine.up(program);
        assert.ok(run.ok, run.output);
        const harnessRun = await harness.run(program, { preview });
        await assertSame(what, { engine: engineOps(run.steps), harness: harnessOps(harnessRun.steps) });
        return run;
    }

    it("a preview with two invalid resources: checked one at a time, only the first failure reported", async () => {
        // Two resources of one kind with the same mistake, so what each side checked compares whichever came first.
        const invalid = async () => {
            for (const name of ["bad-one", "bad-two"]) {
                new genesys.RecordingPolicy(name, {
                    mediaTypes: ["audio"],
                    quality: "ultra" as "high",
                    retentionDays: 400,
                });
            }
        };
        const run = await engine.preview(invalid);
        assert.equal(run.ok, false, run.output);
        await assert.rejects(harness.run(invalid, { preview: true }), /quality/);
        const checked = (calls: ProviderCall[]) => Object.values(callsByResource(calls));
        const engineChecked = checked(sides.engine.calls());
        assert.equal(engineChecked.length, 1, "the engine checks one resource and stops at its failure");
        assert.deepEqual(checked(sides.harness.calls()), engineChecked);
    });

    it("preview of a new stack, unknowns reaching check", async () => {
        await deploy("preview of a new stack", contactCenter(0), true);
    });

    it("up of a new stack, secrets included, then a preview of the unchanged program", async () => {
        await deploy("up", contactCenter(0));
        // What the comparison of secret-ness rests on: the engine keeps the program's secrets secret in the state.
        const archive = (await sides.engine.state()).find((r) => r.name === "archive");
        assert.equal(comparable(archive?.outputs.secretAccessKey), "<secret>");
        await deploy("preview of the unchanged program", contactCenter(0), true);
    });

    it("preview and up of an in-place update", async () => {
        await deploy("preview of an update", contactCenter(1), true);
        await deploy("update", contactCenter(1));
    });

    it("preview and up of a replacement", async () => {
        await deploy("preview of a replacement", contactCenter(2), true);
        await deploy("replace", contactCenter(2));
    });

    it("refresh after a change made outside Pulumi: read, then diff of the refreshed state", async () => {
        for (const side of [sides.engine, sides.harness]) {
            const voice = (await side.state()).find((r) => r.name === "voice");
            assert.ok(voice, "voice is in the state");
            const path = KIND_FIXTURES.RecordingPolicy.stablePath(voice.id, voice.outputs);
            const edited = KIND_FIXTURES.RecordingPolicy.foreignEdit((await side.platform.get(path)).body);
            assert.equal((await side.platform.put(path, edited)).status, 200);
        }
        const run = await engine.refresh();
        assert.ok(run.ok, run.output);
        const steps = await harness.engine.refresh();
        assert.deepEqual(
            steps.filter((s) => s.error !== undefined),
            [],
        );
        assert.deepEqual(engineOps(run.results).voice, ["update"], "the engine shows the drift");
        await assertSame("refresh", { engine: engineOps(run.results), harness: harnessOps(steps) });
    });

    it("destroy", async () => {
        const run = await engine.destroy();
        assert.ok(run.ok, run.output);
        const steps = await harness.engine.destroy();
        await assertSame("destroy", { engine: engineOps(run.steps), harness: harnessOps(steps) });
        assert.deepEqual(await comparableState(sides.engine), {});
    });

    it("a replacement with deleteBeforeReplace: the old object deleted before the new one is created", async () => {
        const named = (bucket: string) => async () => {
            new genesys.StorageTarget(
                "named",
                {
                    bucket,
                    region: "eu-west-1",
                    serverSideEncryption: "AES256",
                    retentionDays: 90,
                    roleArn: "arn:aws:iam::123456789012:role/genesys-recordings",
                    verifyBucket: false,
                },
                { deleteBeforeReplace: true },
            );
        };
        await deploy("up of a resource replaced delete-first", named("acme-named-1"));
        await deploy("preview of its replacement", named("acme-named-2"), true);
        const replaced = await deploy("its replacement", named("acme-named-2"));
        const order = replaced.steps.map((step) => step.op);
        assert.ok(order.indexOf("delete-replaced") < order.indexOf("create-replacement"), order.join(", "));
        const run = await engine.destroy();
        assert.ok(run.ok, run.output);
        await assertSame("destroy", {
            engine: engineOps(run.steps),
            harness: harnessOps(await harness.engine.destroy()),
        });
    });
});
