import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { webhookProvider as provider } from "./provider";
import { canonicalEvent } from "./schema";
import { UNKNOWN } from "../../validation/unknowns";

const SECRET = "a-long-webhook-signing-secret";
const valid = {
    __resourceName: "dns-sync",
    targetUrl: "https://hooks.example.com/genesys",
    events: ["routing:strategy:updated", "routing.recording.storage.updated"],
};

async function failures(news: Record<string, unknown>) {
    const { failures } = await provider.check({}, { ...valid, ...news });
    return failures;
}

async function reasonsFor(news: Record<string, unknown>): Promise<Record<string, string>> {
    return Object.fromEntries((await failures(news)).map((f) => [f.property, f.reason]));
}

describe("Webhook check", () => {
    it("accepts both event spellings and fills the defaults and an auto-name", async () => {
        const { inputs, failures: found } = await provider.check({}, valid);
        assert.deepEqual(found, []);
        assert.equal(inputs.enabled, true);
        assert.equal(inputs.format, "application/json");
        assert.match(String(inputs.name), /^dns-sync-[0-9a-f]{7}$/);
        assert.deepEqual(
            await failures({
                secret: SECRET,
                headers: { "X-Event-Type": "architecture-failover", "X-Source": "genesys-cloud" },
            }),
            [],
        );
    });

    it("names every failing property at once", async () => {
        const reasons = await reasonsFor({
            targetUrl: "http://hooks.example.com",
            events: ["a.b", "a.b:c", "ok.event.name", "ok.event.name"],
            enabled: "yes",
            format: "text/xml",
        });
        assert.deepEqual(Object.keys(reasons).sort(), [
            "enabled",
            "events[0]",
            "events[1]",
            "events[3]",
            "format",
            "targetUrl",
        ]);
        assert.match(reasons["events[0]"], /three or more parts/);
        assert.match(reasons["events[1]"], /one kind of separator/);
        assert.match(reasons["events[3]"], /repeats "ok.event.name"/);
        assert.match(reasons.targetUrl, /must use https/);
        assert.match(reasons.format, /"application\/json"/);
    });

    it("requires targetUrl and at least one event", async () => {
        const { failures } = await provider.check({}, { __resourceName: "x" });
        assert.deepEqual(failures.map((f) => f.property).sort(), ["events", "targetUrl"]);
        assert.match((await reasonsFor({ events: [] })).events, /at least 1 event/);
    });

    it("refuses one event listed in both spellings", async () => {
        const reasons = await reasonsFor({ events: ["routing.strategy.updated", "routing:strategy:updated"] });
        assert.match(
            reasons["events[1]"],
            /same event as events\[0\] "routing.strategy.updated" in the other spelling/,
        );
    });

    it("refuses reserved headers in any case, CR/LF in names or values, and case-only repeats", async () => {
        const reasons = await reasonsFor({
            headers: {
                authorization: "Bearer x",
                "CONTENT-LENGTH": "1",
                Host: "evil",
                "X-Ok\r\nX-Injected": "1",
                "X-Value": "a\r\nSet-Cookie: x",
                "X-Dup": "1",
                "x-dup": "2",
                "Bad Name": "1",
            },
        });
        assert.match(reasons["headers.authorization"], /set by the platform.*use secret to sign/);
        assert.match(reasons["headers.CONTENT-LENGTH"], /set by the platform/);
        assert.match(reasons["headers.Host"], /set by the platform/);
        assert.match(reasons["headers.X-Ok\r\nX-Injected"], /CR or LF/);
        assert.match(reasons["headers.X-Value"], /value must not hold CR, LF/);
        assert.match(reasons["headers.x-dup"], /repeats header X-Dup/);
        assert.match(reasons["headers.Bad Name"], /not a valid HTTP header name/);
        assert.match((await reasonsFor({ headers: { "X-Number": 5 } }))["headers.X-Number"], /must be a string/);
    });

    it("requires a secret of at least 16 characters and never echoes it", async () => {
        const short = "tooshort-secret";
        const found = await failures({ secret: short });
        // In bracket form: the engine prints the value of a failing top-level input key, secret or not.
        assert.deepEqual(
            found.map((f) => f.property),
            ['["secret"]'],
        );
        assert.match(found[0].reason, /at least 16 characters/);
        assert.equal(found[0].reason.includes(short), false);
    });

    it("passes unknown values during preview, and rules that read them", async () => {
        assert.deepEqual(
            await failures({ targetUrl: UNKNOWN, events: UNKNOWN, secret: UNKNOWN, headers: UNKNOWN }),
            [],
        );
        assert.deepEqual(await failures({ events: ["a.b.c", UNKNOWN], headers: { "X-Trace": UNKNOWN } }), []);
        const reasons = await reasonsFor({ events: UNKNOWN, targetUrl: "ftp://x" });
        assert.deepEqual(Object.keys(reasons), ["targetUrl"]);
    });
});

describe("event spellings", () => {
    const part = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
    it("makes a.b.c and a:b:c the same event, and nothing else collide", () => {
        fc.assert(
            fc.property(
                fc.array(part, { minLength: 3, maxLength: 5 }),
                (parts) => canonicalEvent(parts.join(":")) === canonicalEvent(parts.join(".")),
            ),
        );
        fc.assert(
            fc.property(
                fc.array(part, { minLength: 3, maxLength: 4 }),
                fc.array(part, { minLength: 3, maxLength: 4 }),
                (a, b) =>
                    a.join(".") === b.join(".") ? true : canonicalEvent(a.join(":")) !== canonicalEvent(b.join(".")),
            ),
        );
    });
});

describe("Webhook diff", () => {
    const olds = {
        ...valid,
        name: "dns-sync-abc1234",
        enabled: true,
        format: "application/json",
        secret: SECRET,
        webhookId: "w1",
        version: 1,
        __provider: "old",
    };

    it("reports no change when only __provider or computed outputs differ", async () => {
        const news = { ...olds, webhookId: undefined, version: undefined, __provider: "new" };
        assert.deepEqual(await provider.diff("w1", olds, news), {
            changes: false,
            replaces: [],
            deleteBeforeReplace: false,
        });
    });

    it("updates in place for any change, including a rotated secret", async () => {
        for (const change of [
            { secret: `${SECRET}-rotated` },
            { events: ["a.b.c"] },
            { headers: { "X-A": "1" } },
            { targetUrl: "https://other.example.com" },
        ]) {
            const result = await provider.diff("w1", olds, { ...olds, ...change });
            assert.equal(result.changes, true, JSON.stringify(change));
            assert.deepEqual(result.replaces, []);
        }
    });
});
