import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";

describe("npm run demo (harness path)", () => {
    it("says which path it took, deploys the dev stack to the emulator and converges", () => {
        const result = spawnSync(process.execPath, [join(__dirname, "index.js")], {
            encoding: "utf8",
            // No Pulumi CLI on this PATH, whatever the machine has: the harness path is the one under test.
            env: { ...process.env, PATH: "" },
            timeout: 120_000,
        });
        assert.equal(result.status, 0, result.stderr + result.stdout);
        const lines = result.stdout.split("\n");
        assert.match(lines[0], /^Pulumi CLI not found on the PATH: deploying the dev stack through the test harness/);
        assert.match(lines[1], /^Emulator: http:\/\/127\.0\.0\.1:\d+$/);
        for (const kind of [
            "StorageTarget",
            "RecordingPolicy",
            "FailoverStrategy",
            "Webhook",
            "EventStream",
            "DataSchema",
            "DataRecordSet",
        ]) {
            assert.match(result.stdout, new RegExp(`genesys:${kind}\\s+\\S+\\s+create\\s+\\d+`), `${kind} created`);
        }
        assert.match(result.stdout, /recordings\s+aws:s3:Bucket\s+recordings-[0-9a-f]{8}\s+create/);
        assert.match(result.stdout, /healthMatrix: \{"us-east-1":"HEALTHY","us-west-2":"HEALTHY"\}/);
        assert.match(result.stdout, /queueRecordCount: 6/);
        assert.match(result.stdout, /A preview of the unchanged program shows no changes\./);
    });
});
