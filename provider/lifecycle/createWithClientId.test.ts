import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { GenesysApiError } from "../client/apiError";
import { createWithClientId } from "./createWithClientId";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function apiError(status: number, ambiguous: boolean): GenesysApiError {
    return new GenesysApiError({ method: "PUT", path: "/api/v2/things/x", status, reason: "test", ambiguous });
}

describe("createWithClientId", () => {
    it("puts under a fresh random UUID, a different one per create", async () => {
        const ids: string[] = [];
        const put = async (id: string) => {
            ids.push(id);
            return { id };
        };
        await createWithClientId({ put, get: async () => assert.fail("no read on success") });
        await createWithClientId({ put, get: async () => assert.fail("no read on success") });
        assert.match(ids[0], UUID);
        assert.notEqual(ids[0], ids[1]);
    });

    it("uses the id it is given", async () => {
        const live = await createWithClientId({
            id: "key-1",
            put: async (id) => ({ id }),
            get: async () => assert.fail(),
        });
        assert.deepEqual(live, { id: "key-1" });
    });

    it("adopts the object when the outcome was ambiguous and it exists under the chosen id", async () => {
        let putId = "";
        const live = await createWithClientId({
            put: async (id) => {
                putId = id;
                throw apiError(0, true);
            },
            get: async (id) => ({ id, adopted: true }),
        });
        assert.deepEqual(live, { id: putId, adopted: true });
    });

    it("rethrows the ambiguous error when nothing was created", async () => {
        const lost = apiError(503, true);
        await assert.rejects(
            createWithClientId({
                put: async () => {
                    throw lost;
                },
                get: async () => undefined,
            }),
            (err) => err === lost,
        );
    });

    it("rethrows a definite failure without reading", async () => {
        const refused = apiError(400, false);
        await assert.rejects(
            createWithClientId({
                put: async () => {
                    throw refused;
                },
                get: async () => assert.fail("a definite failure needs no read"),
            }),
            (err) => err === refused,
        );
    });
});
