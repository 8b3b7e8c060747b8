import { test } from "node:test";
import assert from "node:assert/strict";
import { RecentWrites } from "./recentWrites";

test("a 404 on a path written within the window is read again, at most until the window ends", () => {
    let now = 1_000;
    const recent = new RecentWrites(500, () => now);
    recent.wrote("/api/v2/webhooks/w1");
    assert.equal(recent.rereadDelayMs("/api/v2/webhooks/w1", 100), 100);
    now += 450;
    assert.equal(recent.rereadDelayMs("/api/v2/webhooks/w1", 100), 50, "never waits past the window");
    now += 50;
    assert.equal(recent.rereadDelayMs("/api/v2/webhooks/w1", 100), undefined, "after the window the 404 is believed");
});

test("a 404 is believed for paths never written, and for deleted ones", () => {
    const recent = new RecentWrites(500, () => 0);
    assert.equal(recent.rereadDelayMs("/api/v2/webhooks/other", 100), undefined);
    recent.wrote("/api/v2/webhooks/w1");
    recent.deleted("/api/v2/webhooks/w1");
    assert.equal(recent.rereadDelayMs("/api/v2/webhooks/w1", 100), undefined);
});
