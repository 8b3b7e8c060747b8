import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GenesysApiError } from "../client/apiError";
import { updateUnversioned } from "./updateUnversioned";

type Live = { id: string; name: string; enabled: boolean; secretless?: string };

function steps(live: Live | undefined, puts: Live[]) {
    return {
        label: "thing",
        id: "t-1",
        known: { name: "a", enabled: true },
        sent: { name: "b", enabled: true },
        get: async () => live,
        readAfterWriteMs: 0,
        put: async () => {
            const written = { id: "t-1", name: "b", enabled: true };
            puts.push(written);
            return written;
        },
    };
}

describe("updateUnversioned", () => {
    it("writes when the live object still holds what the stack last wrote", async () => {
        const puts: Live[] = [];
        const result = await updateUnversioned(steps({ id: "t-1", name: "a", enabled: true, secretless: "x" }, puts));
        assert.equal(puts.length, 1);
        assert.equal(result.name, "b");
    });

    it("refuses a change made outside Pulumi, naming the fields and the way out, without writing", async () => {
        const puts: Live[] = [];
        await assert.rejects(
            updateUnversioned(steps({ id: "t-1", name: "a", enabled: false }, puts)),
            /thing t-1 was changed outside Pulumi \(enabled no longer hold.*Run `pulumi refresh`/,
        );
        assert.equal(puts.length, 0);
    });

    it("goes ahead when the object already holds what is about to be sent (an update whose response was lost)", async () => {
        const puts: Live[] = [];
        await updateUnversioned(steps({ id: "t-1", name: "b", enabled: true }, puts));
        assert.equal(puts.length, 1);
    });

    it("after a write whose outcome stayed unknown, takes the object as written when it holds what was sent", async () => {
        const lost = (status: number, ambiguous: boolean) =>
            new GenesysApiError({ method: "PUT", path: "/api/v2/things/t-1", status, reason: "lost", ambiguous });
        const reads: Live[] = [
            { id: "t-1", name: "a", enabled: true },
            { id: "t-1", name: "b", enabled: true, secretless: "y" },
        ];
        const result = await updateUnversioned({
            ...steps(undefined, []),
            get: async () => reads.shift(),
            put: async () => Promise.reject(lost(0, true)),
        });
        assert.deepEqual(result, { id: "t-1", name: "b", enabled: true, secretless: "y" });

        // Still holding the old fields, the write did not happen: its error stands.
        const stale: Live = { id: "t-1", name: "a", enabled: true };
        await assert.rejects(
            updateUnversioned({ ...steps(stale, []), put: async () => Promise.reject(lost(503, true)) }),
            /failed: 503/,
        );
        // A refusal is not ambiguous: no second read.
        let gets = 0;
        await assert.rejects(
            updateUnversioned({
                ...steps(stale, []),
                get: async () => (gets++ === 0 ? stale : assert.fail("no read after a refusal")),
                put: async () => Promise.reject(lost(400, false)),
            }),
            /failed: 400/,
        );
    });

    it("says the object is gone and how to drop it, without writing", async () => {
        const puts: Live[] = [];
        await assert.rejects(updateUnversioned(steps(undefined, puts)), /t-1 no longer exists.*pulumi refresh/);
        assert.equal(puts.length, 0);
    });

    it("does not believe a 404 that ends within the read-after-write window: the write goes ahead", async () => {
        const puts: Live[] = [];
        const reads: (Live | undefined)[] = [undefined, undefined, { id: "t-1", name: "a", enabled: true }];
        await updateUnversioned({ ...steps(undefined, puts), get: async () => reads.shift(), readAfterWriteMs: 1000 });
        assert.equal(puts.length, 1);
        assert.equal(reads.length, 0);
    });

    it("compares the fields where they sit in the live object", async () => {
        const puts: Live[] = [];
        const nested = { id: "t-1", body: { name: "a", enabled: true } };
        await updateUnversioned({
            ...steps(undefined, puts),
            get: async () => nested,
            fieldsOf: (live: typeof nested) => live.body,
            put: async () => nested,
        });
        await assert.rejects(
            updateUnversioned({
                ...steps(undefined, puts),
                get: async () => nested,
                put: async () => nested,
            }),
            /changed outside Pulumi \(name, enabled/,
        );
    });
});
