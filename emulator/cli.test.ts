import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as path from "node:path";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { CliUsageError, parseClientSpec, parseCliArgs } from "./cliArgs";
import { call, tokenFor } from "../test/emulatorClient";

const CLI = path.join(__dirname, "cli.js");

test("the CLI prints its base URL first, serves it, and exits cleanly on SIGTERM", async () => {
    const child = spawn(
        process.execPath,
        [CLI, "--port", "0", "--rate-limit", "7", "--client", "ro:pa:ss:recording:read"],
        { stdio: ["ignore", "pipe", "pipe"] },
    );
    const firstLine = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once("line", resolve);
        child.once("exit", (code) => reject(new Error(`CLI exited early with ${code}`)));
    });
    try {
        assert.match(firstLine, /^http:\/\/127\.0\.0\.1:\d+$/);
        const token = await tokenFor(firstLine, "ro", "pa:ss");
        const res = await call(firstLine, token, "GET", "/api/v2/recording/policies");
        assert.equal(res.status, 200);
        assert.equal(res.headers.get("inin-ratelimit-allowed"), "7");
    } finally {
        child.kill("SIGTERM");
    }
    const [code] = await once(child, "exit");
    assert.equal(code, 0);
});

test("bad flags exit 2 with a message naming the flag", async () => {
    for (const [args, pattern] of [
        [["--share-429", "1.5"], /--share-429 must be a number between 0 and 1/],
        [["--port", "http"], /--port/],
        [["--nope"], /nope/],
        [["--client", "a:b:recording:admin"], /--client a must look like id:secret:scope1,scope2/],
    ] as const) {
        const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (chunk) => (stderr += chunk));
        const [code] = await once(child, "exit");
        assert.equal(code, 2, args.join(" "));
        assert.match(stderr, pattern);
    }
});

test("flags map onto emulator options and faults", () => {
    const config = parseCliArgs([
        "--data-dir",
        "state",
        "--latency-ms",
        "20",
        "--share-lost-response",
        "0.1",
        "--read-after-write-404-ms",
        "300",
        "--seed",
        "4",
        "--log",
    ]);
    assert.equal(config.log, true);
    assert.deepEqual(config.options, {
        dataDir: "state",
        faults: { latencyMs: 20, shareLostResponse: 0.1, readAfterWrite404Ms: 300, seed: 4 },
    });
    assert.deepEqual(parseClientSpec("id:sec:ret:recording:read,webhook:write"), {
        clientId: "id",
        clientSecret: "sec:ret",
        scopes: ["recording:read", "webhook:write"],
    });
    assert.deepEqual(parseClientSpec("bare:secret:"), { clientId: "bare", clientSecret: "secret", scopes: [] });
    for (const bad of ["just-an-id", "id:secret", "id::recording:read", ":secret:recording:read"])
        assert.throws(() => parseClientSpec(bad), CliUsageError, bad);
});
