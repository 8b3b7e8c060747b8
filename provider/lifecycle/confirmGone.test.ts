import { test } from "node:test";
import assert from "node:assert/strict";
import { readConfirmingGone } from "./confirmGone";

test("an object that shows up within the window is returned, not reported gone", async () => {
    let reads = 0;
    const live = await readConfirmingGone(async () => (++reads < 3 ? undefined : { id: "x" }), 200);
    assert.deepEqual(live, { id: "x" });
    assert.equal(reads, 3);
});

test("an object still missing when the window ends is gone", async () => {
    let reads = 0;
    assert.equal(await readConfirmingGone(async () => void reads++, 20), undefined);
    assert.ok(reads > 1, "read again before believing the 404");
});
