import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startEmulator, type RunningEmulator } from "../../../emulator";
import { createEventStreamProvider } from "./provider";

const NOW = Date.UTC(2030, 0, 31);
const provider = createEventStreamProvider(() => new Date(NOW));

describe("EventStream provider against the emulator, when responses are lost", () => {
    let emulator: RunningEmulator;
    let inputs: Record<string, unknown>;
    const streams = async () =>
        ((await fetchJson("/api/v2/eventstreams?pageSize=100")) as { entities: { id: string }[] }).entities;
    let token: string;
    const fetchJson = async (path: string) =>
        (await fetch(`${emulator.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json();

    before(async () => {
        emulator = await startEmulator({ now: () => NOW, replay: { length: 3 } });
        const config: Record<string, string> = {
            "genesys:apiUrl": emulator.url,
            "genesys:clientId": DEFAULT_CLIENT_ID,
            "genesys:clientSecret": DEFAULT_CLIENT_SECRET,
        };
        await provider.configure({ config: { get: (key) => config[key] } });
        const body = new URLSearchParams({ grant_type: "client_credentials" });
        const auth = `Basic ${Buffer.from(`${DEFAULT_CLIENT_ID}:${DEFAULT_CLIENT_SECRET}`).toString("base64")}`;
        token = (
            (await (
                await fetch(`${emulator.url}/oauth/token`, { method: "POST", headers: { authorization: auth }, body })
            ).json()) as { access_token: string }
        ).access_token;
        const checked = await provider.check(
            {},
            {
                __resourceName: "orders",
                topics: ["genesys.orders.created"],
                retentionDays: 7,
                eventBusArn: "arn:aws:events:us-east-1:123456789012:event-bus/orders",
                roleArn: "arn:aws:iam::123456789012:role/genesys",
                replay: { startDate: new Date(NOW - 86_400_000).toISOString() },
            },
        );
        assert.deepEqual(checked.failures, []);
        inputs = checked.inputs;
        assert.deepEqual(
            await provider.read("00000000-0000-0000-0000-000000000000", {}),
            {},
            "a missing stream reads as gone (and the client now holds a token)",
        );
    });
    after(() => emulator.stop());

    it("adopts the stream a lost create response left behind instead of creating a second", async () => {
        emulator.setFaults({ shareLostResponse: 1 });
        const created = await provider.create(inputs).finally(() => emulator.setFaults({ shareLostResponse: 0 }));
        const live = await streams();
        assert.equal(live.length, 1);
        assert.equal(created.id, live[0].id);
        assert.equal(created.outs.name, inputs.name);
        assert.deepEqual(created.outs.replayStatus, {
            firstSequenceIndex: 1,
            lastSequenceIndex: 3,
            contiguous: true,
            missingSequenceIndices: [],
            coveragePercent: 100,
        });
    });

    it("recognises its own update behind a lost response, and reports a foreign one", async () => {
        const [live] = await streams();
        const olds = (await provider.read(live.id, inputs)).props as Record<string, unknown>;
        emulator.setFaults({ shareLostResponse: 1 });
        const updated = await provider
            .update(live.id, olds, { ...inputs, description: "ours" })
            .finally(() => emulator.setFaults({ shareLostResponse: 0 }));
        assert.equal(updated.outs.description, "ours");
        assert.equal(updated.outs.version, (olds.version as number) + 1);
        await assert.rejects(
            provider.update(live.id, olds, { ...inputs, description: "stale" }),
            /updating .* of event stream: .*changed outside Pulumi/,
        );
    });
});
