import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { BANDWIDTH_KBPS, codecMatrix, estimatedBandwidthKbps } from "./derived";
import type { MediaType, Quality } from "./schema";

const mediaTypes = fc.subarray<MediaType>(["audio", "video", "screen"], { minLength: 1 });
const quality = fc.constantFrom<Quality>("standard", "high");

describe("recording policy derived values", () => {
    it("sums the per-media bandwidths, counting screen as video", () => {
        assert.equal(estimatedBandwidthKbps(["audio", "video"], "standard"), 64 + 1500);
        assert.equal(estimatedBandwidthKbps(["audio", "screen"], "high"), 128 + 4000);
    });

    it("never estimates less at high quality than at standard", () => {
        fc.assert(
            fc.property(
                mediaTypes,
                (types) => estimatedBandwidthKbps(types, "high") > estimatedBandwidthKbps(types, "standard"),
            ),
        );
    });

    it("rises with every media type added, whatever order the types are listed in", () => {
        fc.assert(
            fc.property(mediaTypes, mediaTypes, quality, (some, more, q) => {
                const added = more.filter((t) => !some.includes(t));
                const all = [...added, ...some].reverse();
                const [before, after] = [estimatedBandwidthKbps(some, q), estimatedBandwidthKbps(all, q)];
                if (added.length === 0) assert.equal(after, before, "the same types, listed in another order");
                else assert.ok(after > before, `adding ${added.join(", ")} raises ${before} kbps, not to ${after}`);
            }),
        );
        assert.equal(estimatedBandwidthKbps(["video"], "high"), BANDWIDTH_KBPS.high.video);
    });

    it("maps each recorded media type to its codec and no other", () => {
        assert.deepEqual(codecMatrix(["audio", "video"], "standard"), { audio: "OPUS 48 kHz", video: "VP8 720p" });
        assert.deepEqual(codecMatrix(["screen"], "high"), { screen: "VP9 1080p" });
        fc.assert(
            fc.property(
                mediaTypes,
                quality,
                (types, q) => Object.keys(codecMatrix(types, q)).sort().join() === [...types].sort().join(),
            ),
        );
    });
});
