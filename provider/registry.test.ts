import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { load } from "./registry";

describe("load", () => {
    it("serves each kind by the id the SDK writes in __provider", () => {
        for (const kind of ["RecordingPolicy", "DataRecordSet", "Webhook"]) {
            assert.equal(typeof load(kind).create, "function", kind);
        }
    });

    it("serves states written by earlier versions, which spell the id with a lower-case first letter", () => {
        assert.equal(load("recordingPolicy"), load("RecordingPolicy"));
        assert.equal(load("dataRecordSet"), load("DataRecordSet"));
    });

    it("names a kind it does not have", () => {
        assert.throws(() => load("Queue"), /no resource kind "Queue"/);
        assert.throws(() => load(""), /no resource kind ""/);
    });
});
