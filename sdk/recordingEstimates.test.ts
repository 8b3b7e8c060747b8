import assert from "node:assert/strict";
import { test } from "node:test";
import { codecMatrix, estimatedBandwidthKbps, recordedMediaTypes } from "./recordingEstimates";

test("a retention policy's recorded media feed the codec and bandwidth estimates", () => {
    const calls = { callPolicy: { actions: { retainRecording: true } } };
    assert.deepEqual(recordedMediaTypes(calls), ["audio"]);
    assert.deepEqual(recordedMediaTypes({ chatPolicy: {}, emailPolicy: {} }), []);
    const screens = {
        ...calls,
        chatPolicy: { actions: { initiateScreenRecording: { recordACW: true } } },
    };
    const media = recordedMediaTypes(screens);
    assert.deepEqual(media, ["audio", "screen"]);
    assert.deepEqual(codecMatrix(media, "high"), { audio: "OPUS 48 kHz", screen: "VP9 1080p" });
    assert.equal(estimatedBandwidthKbps(media, "standard"), 64 + 1500);
});
