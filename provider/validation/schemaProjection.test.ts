import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { projectOnSchema } from "./schemaProjection";

describe("projectOnSchema", () => {
    const schema = z.strictObject({
        name: z.string(),
        refs: z.array(z.strictObject({ id: z.string() })).optional(),
        nested: z.strictObject({ days: z.number().optional(), free: z.unknown().optional() }).optional(),
    });

    it("keeps what the schema declares and drops what the platform added, at any depth", () => {
        const live = {
            id: "p1",
            selfUri: "/x/p1",
            name: "n",
            refs: [{ id: "u1", name: "Ann", selfUri: "/users/u1" }],
            nested: { days: 3, free: { any: "thing" }, added: true },
        };
        assert.deepEqual(projectOnSchema(schema, live), {
            name: "n",
            refs: [{ id: "u1" }],
            nested: { days: 3, free: { any: "thing" } },
        });
    });

    it("leaves out absent and null values, and keeps values of an unexpected type as they are", () => {
        assert.deepEqual(projectOnSchema(schema, { name: "n", refs: null, nested: "text" }), {
            name: "n",
            nested: "text",
        });
        assert.equal(projectOnSchema(schema, undefined), undefined);
    });
});
