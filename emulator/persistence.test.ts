import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Collection } from "./collection";
import { startEmulator } from "./index";
import { call, tokenFor, validPolicy } from "../test/emulatorClient";

const POLICIES = "/api/v2/recording/policies";

function tempDir(t: { after: (fn: () => void) => void }): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "genesys-emulator-"));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
}

test("with dataDir a restart keeps every object, version and timestamp", async (t) => {
    const dataDir = tempDir(t);
    const first = await startEmulator({ dataDir });
    let token = await tokenFor(first.url);
    const ids: string[] = [];
    for (const name of ["a", "b", "c"])
        ids.push((await call(first.url, token, "POST", POLICIES, validPolicy({ name }))).body.id);
    await call(first.url, token, "PUT", `${POLICIES}/${ids[1]}`, validPolicy({ name: "b2" }));
    await call(first.url, token, "DELETE", `${POLICIES}/${ids[2]}`);
    const before = (await call(first.url, token, "GET", POLICIES)).body.entities;
    await first.stop();

    const second = await startEmulator({ dataDir });
    t.after(() => second.stop());
    token = await tokenFor(second.url);
    const after = (await call(second.url, token, "GET", POLICIES)).body.entities;
    assert.deepEqual(after, before);
    assert.deepEqual(
        after.map((p: { name: string; version: number }) => [p.name, p.version]),
        [
            ["a", 1],
            ["b2", 2],
        ],
    );
    const next = await call(second.url, token, "PUT", `${POLICIES}/${ids[1]}`, {
        ...validPolicy({ name: "b3" }),
        version: 2,
    });
    assert.equal(next.body.version, 3);
    assert.deepEqual(
        fs.readdirSync(dataDir).filter((f) => f.endsWith(".tmp")),
        [],
        "no temp files left behind",
    );
});

test("write-only fields survive on disk across an update that omits them", (t) => {
    const dataDir = tempDir(t);
    const options = {
        name: "hooks",
        label: "Webhook",
        selfUri: (id: string) => `/api/v2/webhooks/${id}`,
        writeOnlyFields: ["secret"],
    };
    const hooks = new Collection(options, { now: Date.now, readAfterWrite404Ms: () => 0, dataDir });
    hooks.put("h1", { name: "hook", secret: "hmac-key" });
    assert.equal("secret" in hooks.update("h1", { name: "renamed" }), false);
    const onDisk = JSON.parse(fs.readFileSync(path.join(dataDir, "hooks.json"), "utf8"));
    assert.deepEqual(onDisk.objects[0].fields, { name: "renamed", secret: "hmac-key" });
    const reloaded = new Collection(options, { now: Date.now, readAfterWrite404Ms: () => 0, dataDir });
    assert.deepEqual(reloaded.get("h1").name, "renamed");
});

test("a corrupt state file stops startup with a message naming the file", async (t) => {
    const dataDir = tempDir(t);
    fs.writeFileSync(path.join(dataDir, "recordingPolicies.json"), "{half");
    await assert.rejects(startEmulator({ dataDir }), /recordingPolicies\.json is not valid JSON/);
});
