// What the real Pulumi engine does with values a provider should never return: `undefined` (top level or nested),
// NaN, Infinity, a Date, an empty id. Each is mangled or fails only after the platform object exists, which is why
// every kind's results pass provider/wireValues.ts before reaching the host (unit-tested in wireValues.test.ts).
import assert from "node:assert/strict";
import { it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { cliStackPerSuite } from "./cliStack";
import { describeWithPulumiCli } from "./pulumiCli";

/** A stand-in provider (serialized into the state by the engine) that answers create with one edge value. */
const edgeProvider: pulumi.dynamic.ResourceProvider = {
    async create(inputs: Record<string, string>) {
        const values: Record<string, unknown> = {
            undefinedValue: undefined,
            nestedUndefined: { a: undefined, b: 1 },
            nan: Number.NaN,
            infinity: Number.POSITIVE_INFINITY,
            date: new Date(0),
        };
        if (inputs.value === "emptyId") return { id: "", outs: {} };
        return { id: "edge-1", outs: { [inputs.value]: values[inputs.value] } };
    },
};

class Edge extends pulumi.dynamic.Resource {
    constructor(name: string, value: string) {
        super(edgeProvider, name, { value }, {});
    }
}

describeWithPulumiCli("edge values in a provider's results, through the real Pulumi engine", (cli) => {
    const suite = cliStackPerSuite(cli);
    const created = async (value: string) => {
        const run = await suite.stack.up(async () => {
            new Edge(`edge-${value}`, value);
        });
        const deployment = await suite.stack.stack.exportStack();
        const state = (deployment.deployment.resources ?? []).find((r: { urn: string }) =>
            r.urn.endsWith(`::edge-${value}`),
        );
        const destroyed = await suite.stack.destroy();
        assert.ok(destroyed.ok, destroyed.output);
        return { run, stored: state?.outputs?.[value] };
    };

    for (const value of ["undefinedValue", "nestedUndefined"]) {
        it(`fails the create on ${value}, after the provider made the object`, async () => {
            const { run } = await created(value);
            assert.equal(run.ok, false);
            assert.match(run.output, /Unexpected struct type/);
        });
    }

    for (const value of ["nan", "infinity"]) {
        it(`records ${value} as an opaque special-number object, not a number`, async () => {
            const { run, stored } = await created(value);
            assert.ok(run.ok, run.output);
            assert.equal(typeof stored, "object", JSON.stringify(stored));
        });
    }

    it("records a Date as an empty object", async () => {
        const { run, stored } = await created("date");
        assert.ok(run.ok, run.output);
        assert.deepEqual(stored, {});
    });

    it("fails a create that returns an empty id", async () => {
        const { run } = await created("emptyId");
        assert.equal(run.ok, false);
        assert.match(run.output, /empty resource\.ID from create/);
    });
});
