import { test } from "node:test";
import assert from "node:assert/strict";
import { bodyMatches } from "./bodyMatches";

test("an undefined optional field, at any depth, matches its absence on the platform", () => {
    const sent = {
        name: "t",
        configuration: { bucket: "b", kmsKeyId: undefined, roles: [{ arn: "x", note: undefined }] },
    };
    assert.equal(
        bodyMatches(sent, { id: "1", name: "t", configuration: { bucket: "b", roles: [{ arn: "x" }] } }),
        true,
    );
});

test("a different or missing value does not match", () => {
    assert.equal(bodyMatches({ configuration: { bucket: "b" } }, { configuration: { bucket: "c" } }), false);
    assert.equal(bodyMatches({ configuration: { bucket: "b" } }, {}), false);
});
