import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
    annotateSecrets,
    isSecret,
    makeSecret,
    secretKeys,
    stripSecrets,
    unknownValue,
    containsUnknowns,
} from "./secrets";

describe("secrets (engine secret handling)", () => {
    it("annotateSecrets re-marks only outputs whose same-named input was secret", () => {
        const inputs = { password: makeSecret("pw"), name: "n" };
        const outputs = { password: "pw", passwordDigest: "abc", name: "n" };
        const annotated = annotateSecrets(outputs, inputs);
        assert.deepEqual(secretKeys(annotated), ["password"]);
        assert.equal(annotated.passwordDigest, "abc");
    });

    it("annotateSecrets recurses when both sides are objects instead of tainting the whole object", () => {
        const annotated = annotateSecrets(
            { creds: { key: "k", secret: "s" } },
            { creds: { key: "k", secret: makeSecret("s") } },
        );
        const creds = annotated.creds as Record<string, unknown>;
        assert.equal(isSecret(creds), false);
        assert.equal(isSecret(creds.secret), true);
        assert.equal(creds.key, "k");
    });

    it("annotateSecrets wraps a whole array when any element of the input was secret", () => {
        const annotated = annotateSecrets({ list: ["a", "b"] }, { list: ["a", makeSecret("b")] });
        assert.deepEqual(annotated.list, makeSecret(["a", "b"]));
    });

    it("stripSecrets removes wrappers at every depth and keeps unknowns", () => {
        const stripped = stripSecrets({ a: makeSecret({ b: [makeSecret(1)] }), c: unknownValue });
        assert.deepEqual(stripped, { a: { b: [1] }, c: unknownValue });
        assert.equal(containsUnknowns(stripped), true);
    });
});
