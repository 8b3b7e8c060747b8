import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { comparable, fieldsOf, toBody } from "./api";

const fields = [
    { name: "key", type: "string" as const },
    { name: "queueName", type: "string" as const, title: "Queue name" },
    { name: "priority", type: "integer" as const, default: 5, displayOrder: 1 },
];

describe("data table API map", () => {
    it("sends the schema frame the platform expects: draft-04, required key, no other properties", () => {
        const body = toBody({ name: "queues", fields });
        assert.deepEqual(body, {
            name: "queues",
            schema: {
                $schema: "http://json-schema.org/draft-04/schema#",
                type: "object",
                required: ["key"],
                properties: {
                    key: { $id: "/properties/key", type: "string" },
                    queueName: { $id: "/properties/queueName", type: "string", title: "Queue name" },
                    priority: { $id: "/properties/priority", type: "integer", default: 5, displayOrder: 1 },
                },
                additionalProperties: false,
            },
        });
        assert.deepEqual(toBody({ name: "q", fields, divisionId: "d1", description: "x" }).division, { id: "d1" });
    });

    it("reads fields back in the stack's order, a field added elsewhere last", () => {
        const live = toBody({
            name: "q",
            fields: [fields[2], { name: "extra", type: "boolean" }, fields[0], fields[1]],
        });
        assert.deepEqual(
            fieldsOf(live, ["key", "queueName", "priority"]).map((f) => f.name),
            ["key", "queueName", "priority", "extra"],
        );
        assert.deepEqual(fieldsOf(toBody({ name: "q", fields })), fields);
    });

    it("compares the division only when the stack names one", () => {
        assert.equal("divisionId" in comparable(toBody({ name: "q", fields })), false);
        assert.equal(comparable(toBody({ name: "q", fields, divisionId: "d1" })).divisionId, "d1");
    });
});
