import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { GenesysApiError } from "../client/apiError";
import { createAdoptingOrphan } from "./createAdoptingOrphan";
import { UnconfirmedCreate } from "./unconfirmedCreate";

function apiError(status: number, ambiguous: boolean): GenesysApiError {
    return new GenesysApiError({ method: "POST", path: "/api/v2/things", status, reason: "test", ambiguous });
}

/** POSTs that fail with the given errors in turn, then succeed; counts the POSTs and lookups made. */
function platform(failures: GenesysApiError[], found: (lookup: number) => { id: string } | undefined) {
    const calls = { posts: 0, lookups: 0 };
    return {
        calls,
        name: "voice-1a2b3c4",
        async post() {
            const failure = failures[calls.posts++];
            if (failure) throw failure;
            return { id: "posted" };
        },
        async findByName() {
            return found(++calls.lookups);
        },
    };
}

describe("createAdoptingOrphan", () => {
    it("adopts the object its own lost POST created instead of posting a second", async () => {
        const steps = platform([apiError(0, true)], () => ({ id: "orphan" }));
        assert.deepEqual(await createAdoptingOrphan(steps), { id: "orphan" });
        assert.deepEqual(steps.calls, { posts: 1, lookups: 1 });
    });

    it("posts again when the lost POST left nothing behind", async () => {
        const steps = platform([apiError(503, true)], () => undefined);
        assert.deepEqual(await createAdoptingOrphan(steps), { id: "posted" });
        assert.deepEqual(steps.calls, { posts: 2, lookups: 1 });
    });

    it("gives up with the last error after four POSTs that each left nothing", async () => {
        const failures = [apiError(503, true), apiError(0, true), apiError(503, true), apiError(502, true)];
        const steps = platform(failures, () => undefined);
        await assert.rejects(createAdoptingOrphan(steps), (err) => err === failures[3]);
        assert.deepEqual(steps.calls, { posts: 4, lookups: 4 });
    });

    it("reports an unconfirmed create, by the name it sent, when looking for the object fails too", async () => {
        const steps = platform([apiError(0, true)], () => {
            throw apiError(503, false);
        });
        await assert.rejects(
            createAdoptingOrphan(steps),
            (err) =>
                err instanceof UnconfirmedCreate &&
                err.handle === steps.name &&
                /looking for it failed/.test(err.message),
        );
        assert.equal(steps.calls.posts, 1, "never posts again blind");
    });

    it("rethrows a definite failure without looking for an orphan", async () => {
        const refused = apiError(400, false);
        const steps = platform([refused], () => assert.fail("a definite failure needs no lookup"));
        await assert.rejects(createAdoptingOrphan(steps), (err) => err === refused);
        assert.equal(steps.calls.posts, 1);
    });
});
