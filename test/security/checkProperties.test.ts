import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { call, tokenFor } from "../emulatorClient";
import { containsUnknown } from "../../provider/validation/unknowns";
import { mutate, mutation, wrongType } from "./inputMutation";
import { readmeFigure } from "../readmeFigures";
import { KIND_CASES, type KindCase, type Send } from "./kindCases";

type Props = Record<string, unknown>;

/** Generated inputs per kind; most are mutated into invalid ones, the rest stay valid. */
const RUNS = 1500;
/** Inputs per kind broken in several top-level places at once, to see every one reported. */
const BROKEN_RUNS = 200;
/** Accepted inputs per kind sent to the emulator (a handful of requests each). */
const PLATFORM_CASES = 60;
const SECRET_INPUTS = ["secret", "secretAccessKey"];

/** The input a failure's property path starts in (keys may themselves hold "." or "["; the longest match wins). */
function rootIn(property: string, roots: Iterable<string>): string | undefined {
    const matches = [...roots].filter(
        (root) =>
            property === root ||
            property === `[${JSON.stringify(root)}]` ||
            property.startsWith(`${root}.`) ||
            property.startsWith(`${root}[`),
    );
    return matches.sort((a, b) => b.length - a.length)[0];
}

/** Each failure names a property the inputs have or the kind declares, with a reason that names it, and quotes no secret. */
function assertWellFormed(kase: KindCase, input: Props, failures: unknown): void {
    assert.ok(Array.isArray(failures), "failures is a list");
    const roots = new Set([...kase.inputKeys, ...Object.keys(input), "(inputs)"]);
    for (const failure of failures as { property: unknown; reason: unknown }[]) {
        assert.equal(typeof failure.property, "string");
        assert.equal(typeof failure.reason, "string");
        const property = failure.property as string;
        const reason = failure.reason as string;
        assert.ok(property.length > 0 && reason.length > 0, "a failure has a property and a reason");
        const root = rootIn(property, roots);
        assert.ok(root !== undefined, `${property} is a property of the inputs`);
        assert.ok(reason.includes(root), `the reason names ${root}: ${reason}`);
        assert.ok(reason.length <= 1500, `a reason stays readable (${reason.length} characters)`);
        for (const key of SECRET_INPUTS) {
            const secret = input[key];
            if (typeof secret === "string" && secret.length >= 8)
                assert.ok(!reason.includes(secret), `the reason does not quote ${key}`);
        }
    }
}

describe("the generated-input figures the README quotes", () => {
    it("are the ones this file runs with", () => {
        assert.equal(readmeFigure(/runs fast-check on the `check` of (\d+) kinds/), KIND_CASES.length);
        assert.equal(readmeFigure(/([\d ]+) generated inputs per run/), (RUNS + BROKEN_RUNS) * KIND_CASES.length);
        assert.equal(
            readmeFigure(/(\d+) accepted inputs are mapped to platform bodies/),
            PLATFORM_CASES * KIND_CASES.length,
        );
    });
});

describe("check on generated inputs: never throws, names every failure, agrees with the platform", () => {
    let emulator: RunningEmulator;
    let send: Send;
    const figures: string[] = [];

    before(async () => {
        emulator = await startEmulator({ port: 0, rateLimitPerMinute: 1_000_000 });
        const token = await tokenFor(emulator.url);
        // fetch reuses kept-alive sockets the server may have just closed while the properties ran; such a request
        // never reached the emulator, so it is sent once more.
        send = (method, path, body) =>
            call(emulator.url, token, method, path, body).catch(() => call(emulator.url, token, method, path, body));
    });
    after(async () => {
        await emulator.stop();
        console.log(`check properties: ${figures.join("; ")}`);
    });

    for (const kase of KIND_CASES) {
        it(kase.kind, async () => {
            const accepted: Props[] = [];
            let refused = 0;
            await fc.assert(
                fc.asyncProperty(kase.valid, fc.array(mutation, { maxLength: 3 }), async (valid, mutations) => {
                    const input = mutate(valid, mutations);
                    const { inputs, failures } = await kase.provider.check({}, input);
                    assertWellFormed(kase, input, failures);
                    if (failures.length > 0) refused++;
                    else if (!containsUnknown(inputs) && accepted.length < PLATFORM_CASES) accepted.push(inputs);
                }),
                { numRuns: RUNS },
            );

            await fc.assert(
                fc.asyncProperty(kase.valid, fc.nat(), async (valid, mask) => {
                    const keys = Object.keys(valid).filter((key) => kase.inputKeys.includes(key));
                    const broken = keys.filter((_, i) => (mask >> i) & 1);
                    fc.pre(broken.length > 0);
                    const input = {
                        ...valid,
                        ...Object.fromEntries(broken.map((key) => [key, wrongType(valid[key])])),
                    };
                    const { failures } = await kase.provider.check({}, input);
                    assertWellFormed(kase, input, failures);
                    const named = new Set(failures.map((f) => rootIn(f.property, kase.inputKeys)));
                    assert.deepEqual(
                        broken.filter((key) => !named.has(key)),
                        [],
                        "every broken input is reported",
                    );
                }),
                { numRuns: BROKEN_RUNS },
            );

            assert.ok(
                accepted.length >= PLATFORM_CASES / 2,
                `enough accepted inputs to compare with the platform (${accepted.length})`,
            );
            const refusedByPlatform: string[] = [];
            let requests = 0;
            for (let i = 0; i < accepted.length; i += 20) {
                const chunk = accepted.slice(i, i + 20);
                const responses = await Promise.all(chunk.map((inputs) => kase.toPlatform(inputs, send)));
                responses.forEach((list, j) => {
                    requests += list.length;
                    const refusal = list.find((r) => r.status >= 300);
                    if (refusal)
                        refusedByPlatform.push(
                            `${JSON.stringify(chunk[j]).slice(0, 400)} → ${refusal.status} ${JSON.stringify(refusal.body).slice(0, 300)}`,
                        );
                });
            }
            assert.deepEqual(refusedByPlatform, [], "the platform accepts whatever check accepts");
            figures.push(
                `${kase.kind} ${RUNS + BROKEN_RUNS} inputs (${refused} refused), ${accepted.length} accepted sent in ${requests} requests`,
            );
        });
    }
});
