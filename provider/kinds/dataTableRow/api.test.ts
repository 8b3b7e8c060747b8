import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dataFromLive, rowBody, rowPath, valuesOf } from "./api";

const fields = [
    { name: "key", type: "string" as const },
    { name: "queueName", type: "string" as const },
    { name: "priority", type: "integer" as const, default: 5 },
    { name: "active", type: "boolean" as const },
];

describe("data table row API map", () => {
    it("sends the key inside the row and in the path, encoded", () => {
        assert.deepEqual(rowBody("a/b", { active: true }), { active: true, key: "a/b" });
        assert.equal(rowPath("t1", "a/b c"), "/api/v2/flows/datatables/t1/rows/a%2Fb%20c");
        assert.deepEqual(valuesOf({ key: "k", active: true }), { active: true });
    });

    it("reads back the data the inputs gave: fields left out stay out while at their default", () => {
        const live = { key: "k", queueName: "Billing", priority: 5, active: false };
        assert.deepEqual(dataFromLive(live, { queueName: "Billing" }, fields), { queueName: "Billing" });
        assert.deepEqual(dataFromLive(live, { queueName: "Billing", active: false }, fields), {
            queueName: "Billing",
            active: false,
        });
    });

    it("shows a value changed outside Pulumi, even in a field the inputs left out", () => {
        const live = { key: "k", queueName: "Billing", priority: 9, active: false };
        assert.deepEqual(dataFromLive(live, { queueName: "Billing" }, fields), { queueName: "Billing", priority: 9 });
        assert.deepEqual(dataFromLive(live, undefined, undefined), {
            queueName: "Billing",
            priority: 9,
            active: false,
        });
    });
});
