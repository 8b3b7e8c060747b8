import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GenesysApiError } from "../client/apiError";
import { isVersionConflict } from "./versionConflict";

function refused(status: number, reason: string): GenesysApiError {
    return new GenesysApiError({ method: "PUT", path: "/api/v2/x/1", status, reason, ambiguous: false });
}

describe("isVersionConflict", () => {
    it("counts 409, 408 and a 400 saying the version does not match", () => {
        assert.ok(isVersionConflict(refused(409, "conflict")));
        assert.ok(isVersionConflict(refused(408, "timeout")));
        assert.ok(isVersionConflict(refused(400, "The version supplied does not match the current version")));
    });

    it("does not count other refusals or other errors", () => {
        assert.ok(!isVersionConflict(refused(400, "name is required")));
        assert.ok(!isVersionConflict(refused(404, "not found")));
        assert.ok(!isVersionConflict(new Error("409")));
    });
});
