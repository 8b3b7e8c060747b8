import assert from "node:assert/strict";
import { test } from "node:test";
import type { KindProvider } from "./kindProvider";
import { unsafeWireValue, wireCheckedProvider } from "./wireValues";

test("JSON values are safe to send to the engine", () => {
    for (const value of [0, -1.5, "", "text", true, null, [], {}, [1, "a", null], { a: { b: [{ c: 2 }] } }])
        assert.equal(unsafeWireValue(value, "v"), undefined, JSON.stringify(value));
});

test("undefined, NaN, Infinity, a Date and class instances are named with their path", () => {
    assert.equal(unsafeWireValue(undefined, "v"), "v is undefined");
    assert.equal(unsafeWireValue({ a: [1, undefined] }, "v"), "v.a[1] is undefined");
    assert.equal(unsafeWireValue({ n: Number.NaN }, "v"), "v.n is NaN");
    assert.equal(unsafeWireValue([Number.NEGATIVE_INFINITY], "v"), "v[0] is -Infinity");
    assert.equal(unsafeWireValue({ at: new Date(0) }, "v"), "v.at is a Date, not a JSON value");
    assert.equal(unsafeWireValue(new Map(), "v"), "v is a Map, not a JSON value");
});

const answering = (result: { id?: string; outs: Record<string, unknown> }): KindProvider =>
    ({
        secretFields: [],
        create: async () => ({ id: result.id ?? "id-1", outs: result.outs }),
        update: async () => ({ outs: result.outs }),
        read: async () => ({ id: result.id ?? "id-1", props: result.outs, inputs: {} }),
    }) as unknown as KindProvider;

test("a kind's result the engine cannot record fails create, read and update, naming the property", async () => {
    const provider = wireCheckedProvider("Webhook", answering({ outs: { name: "a", version: Number.NaN } }));
    const refused = /genesys-pulumi Webhook (create|read|update) produced a result .*version is NaN.*defect/;
    await assert.rejects(provider.create({}), refused);
    await assert.rejects(provider.read("id-1", {}), refused);
    await assert.rejects(provider.update("id-1", {}, {}), refused);
});

test("an empty id from create or read is refused", async () => {
    const provider = wireCheckedProvider("Webhook", answering({ id: "", outs: { name: "a" } }));
    await assert.rejects(provider.create({}), /the id is empty/);
    await assert.rejects(provider.read("id-1", {}), /the id is empty/);
});

test("a result of JSON values passes unchanged", async () => {
    const outs = { name: "a", version: 2, headers: { "X-A": "b" }, events: ["e"] };
    const provider = wireCheckedProvider("Webhook", answering({ outs }));
    assert.deepEqual(await provider.create({}), { id: "id-1", outs });
    assert.deepEqual(await provider.update("id-1", {}, {}), { outs });
});
