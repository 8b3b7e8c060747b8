import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { Notifier, verifySignature } from "./notifier";

const SECRET = "governance-hmac-secret-42";

interface Received {
    body: string;
    signature: string | undefined;
}

/** A receiver that answers with the next status of `script` (the last one repeats), or never answers for 0. */
function receiver(): {
    url: () => string;
    received: Received[];
    script: number[];
    start(): Promise<void>;
    stop(): Promise<void>;
} {
    const received: Received[] = [];
    const script: number[] = [];
    const server = http.createServer((req, res) => {
        let body = "";
        req.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        req.on("end", () => {
            received.push({ body, signature: req.headers["x-signature"] as string | undefined });
            const status = script.length > 1 ? (script.shift() as number) : (script[0] ?? 204);
            if (status !== 0) res.writeHead(status).end();
        });
    });
    return {
        received,
        script,
        url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/audit`,
        start: () => new Promise((resolve) => server.listen(0, "127.0.0.1", resolve)),
        stop: () =>
            new Promise((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}

describe("Notifier", () => {
    const rx = receiver();
    before(() => rx.start());
    after(() => rx.stop());
    const reset = (...statuses: number[]) => {
        rx.received.length = 0;
        rx.script.splice(0, rx.script.length, ...statuses);
    };
    const fast = { minRetryDelayMs: 5, timeoutMs: 200 };

    it("POSTs the record with an X-Signature the receiver can verify (HMAC-SHA256 of the body)", async () => {
        reset(204);
        const body = JSON.stringify({ kind: "Webhook", operation: "create", outcome: "success" });
        const delivery = await new Notifier({ url: rx.url(), secret: SECRET, ...fast }).notify(body);
        assert.deepEqual(
            { ok: delivery.ok, status: delivery.status, attempts: delivery.attempts },
            { ok: true, status: 204, attempts: 1 },
        );
        assert.equal(rx.received.length, 1);
        const [{ body: got, signature }] = rx.received;
        assert.equal(got, body);
        assert.equal(signature, `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`);
        assert.equal(verifySignature(got, signature, SECRET), true);
        assert.equal(verifySignature(got, signature, "another-secret"), false);
        assert.equal(verifySignature(`${got} `, signature, SECRET), false);
        assert.equal(verifySignature(got, undefined, SECRET), false);
    });

    it("retries 5xx and 429 answers, then succeeds", async () => {
        reset(503, 429, 200);
        const delivery = await new Notifier({ url: rx.url(), secret: SECRET, ...fast }).notify("{}");
        assert.deepEqual(
            { ok: delivery.ok, status: delivery.status, attempts: delivery.attempts },
            { ok: true, status: 200, attempts: 3 },
        );
    });

    it("gives up after its attempts without throwing, and does not retry a refusal", async () => {
        reset(500);
        const failing = await new Notifier({ url: rx.url(), secret: SECRET, attempts: 3, ...fast }).notify("{}");
        assert.deepEqual(
            { ok: failing.ok, status: failing.status, attempts: failing.attempts },
            { ok: false, status: 500, attempts: 3 },
        );
        assert.match(failing.error ?? "", /answered 500 \(gave up after 3 attempts\)/);
        reset(400);
        const refused = await new Notifier({ url: rx.url(), secret: SECRET, ...fast }).notify("{}");
        assert.deepEqual(
            { ok: refused.ok, status: refused.status, attempts: refused.attempts },
            { ok: false, status: 400, attempts: 1 },
        );
    });

    it("times out a receiver that never answers", async () => {
        reset(0);
        const delivery = await new Notifier({
            url: rx.url(),
            secret: SECRET,
            attempts: 2,
            minRetryDelayMs: 5,
            timeoutMs: 50,
        }).notify("{}");
        assert.equal(delivery.ok, false);
        assert.equal(delivery.attempts, 2);
        assert.match(delivery.error ?? "", /no answer within 50 ms/);
    });

    it("reports an unreachable receiver, never naming the URL (it may carry a token)", async () => {
        const url = "http://127.0.0.1:1/hook?token=abc123";
        const delivery = await new Notifier({ url, secret: SECRET, attempts: 2, ...fast }).notify("{}");
        assert.equal(delivery.ok, false);
        assert.match(delivery.error ?? "", /could not be reached: ECONNREFUSED/);
        assert.equal((delivery.error ?? "").includes("abc123"), false);
    });

    it("sends nothing unsigned or to a malformed URL, and says which key to fix", async () => {
        reset(204);
        const unsigned = await new Notifier({ url: rx.url() }).notify("{}");
        assert.equal(unsigned.attempts, 0);
        assert.match(
            unsigned.error ?? "",
            /genesys:notifySecret is not set.*pulumi config set --secret genesys:notifySecret/,
        );
        const malformed = await new Notifier({ url: "governance.example.com/hook", secret: SECRET }).notify("{}");
        assert.match(malformed.error ?? "", /genesys:notifyUrl is not an absolute http\(s\) URL/);
        assert.equal(rx.received.length, 0);
    });
});
