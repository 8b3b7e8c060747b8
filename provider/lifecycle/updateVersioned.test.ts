import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { GenesysApiError } from "../client/apiError";
import { updateVersioned } from "./updateVersioned";

interface Thing {
    id: string;
    version: number;
    name: string;
    enabled: boolean;
}

const conflict = () =>
    new GenesysApiError({ method: "PUT", path: "/api/v2/things/t1", status: 409, reason: "stale", ambiguous: false });

/** An update from version 3 sending `sent`, whose PUT fails with `putError` and whose reread finds `live`. */
function update(putError: unknown, live: Thing | undefined, sent: object = { name: "new", enabled: true }) {
    const calls = { puts: [] as number[], gets: 0 };
    const result = updateVersioned<Thing>({
        label: "thing",
        id: "t1",
        knownVersion: 3,
        sent,
        async put(version) {
            calls.puts.push(version);
            throw putError;
        },
        async get() {
            calls.gets++;
            return live;
        },
    });
    return { result, calls };
}

describe("updateVersioned", () => {
    it("recognises its own retried write behind a 409: the next version holding exactly what it sent", async () => {
        const live = { id: "t1", version: 4, name: "new", enabled: true };
        const { result, calls } = update(conflict(), live);
        assert.deepEqual(await result, live);
        assert.deepEqual(calls, { puts: [3], gets: 1 });
    });

    it("refuses to overwrite a change made outside Pulumi, telling to refresh", async () => {
        for (const live of [
            { id: "t1", version: 4, name: "theirs", enabled: true },
            { id: "t1", version: 5, name: "new", enabled: true },
        ]) {
            const { result, calls } = update(conflict(), live);
            await assert.rejects(result, (err: Error) => {
                assert.match(err.message, /thing t1 was changed outside Pulumi/);
                assert.match(err.message, new RegExp(`platform is at version ${live.version}.*last saw version 3`));
                assert.match(err.message, /pulumi refresh/);
                return true;
            });
            assert.deepEqual(calls.puts, [3], "never retried with a fresher version");
        }
    });

    it("says the object is gone when the 409 came from an object deleted since", async () => {
        const { result } = update(conflict(), undefined);
        await assert.rejects(result, /thing t1 no longer exists on the platform: run `pulumi refresh`/);
    });

    it("compares only the fields sent, where the object holds them", async () => {
        const live = { id: "t1", version: 4, name: "new", enabled: true, record: { level: 2 } };
        const steps = {
            label: "thing",
            id: "t1",
            knownVersion: 3,
            sent: { level: 2 },
            put: async () => {
                throw conflict();
            },
            get: async () => live,
        };
        assert.equal(await updateVersioned({ ...steps, fieldsOf: (l: typeof live) => l.record }), live);
        await assert.rejects(updateVersioned(steps), /changed outside Pulumi/, "not at the top level without fieldsOf");
    });

    it("rethrows any other failure without reading", async () => {
        const refused = new GenesysApiError({
            method: "PUT",
            path: "/api/v2/things/t1",
            status: 400,
            reason: "bad",
            ambiguous: false,
        });
        const { result, calls } = update(refused, undefined);
        await assert.rejects(result, (err) => err === refused);
        assert.equal(calls.gets, 0);
    });
});
