import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as genesys from "genesys-pulumi";
import type { InstalledIntegration } from "./installedIntegration";
import { startEmulatedStack, type EmulatedStack } from "./emulatedStack";
import { startS3Double, type S3Double } from "./s3Double";

const INTEGRATIONS =
    "/api/v2/integrations?integrationType=aws-s3-recording-bulk-actions-integration&expand=config.current";
const CREDENTIALS = "/api/v2/integrations/credentials";
const ROLE = "arn:aws:iam::123456789012:role/genesys-recording-export";

describe("RecordingExportIntegration end to end (program → real host → S3 pre-flight → emulator)", () => {
    let stack: EmulatedStack;
    let s3: S3Double;
    let args: genesys.RecordingExportIntegrationArgs;
    const program = () => {
        const exports = new genesys.RecordingExportIntegration("exports", args);
        return { id: exports.id, credentialId: exports.credentialId, org: exports.organizationId };
    };
    const installed = async () => (await stack.platform.get(INTEGRATIONS)).body.entities as InstalledIntegration[];
    const credentials = async () =>
        (await stack.platform.get(CREDENTIALS)).body.entities as { id: string; name: string }[];
    const ops = async (preview = false) => (await stack.run(program, { preview })).steps.map((s) => s.op);

    before(async () => {
        s3 = await startS3Double({
            "cc-exports": { region: "eu-west-1" },
            "cc-exports-2": { region: "eu-west-1" },
            "cc-plain": { region: "eu-west-1", encryption: "none" },
        });
        stack = await startEmulatedStack({
            config: { "genesys:readAfterWriteMs": "300" },
            hostEnv: {
                AWS_ENDPOINT_URL_S3: s3.url,
                AWS_ACCESS_KEY_ID: "AKIAHOSTCREDENTIALS1",
                AWS_SECRET_ACCESS_KEY: "host-secret-that-the-double-never-checks",
                AWS_EC2_METADATA_DISABLED: "true",
            },
        });
        args = { bucket: "cc-exports", roleArn: ROLE, region: "eu-west-1", serverSideEncryption: "AES256" };
    });
    after(async () => {
        await stack.stop();
        await s3.stop();
    });

    it("refuses a bucket whose encryption differs, before touching the platform", async () => {
        args = { ...args, bucket: "cc-plain" };
        await assert.rejects(stack.run(program), /bucket "cc-plain" encrypts by default with nothing/);
        assert.deepEqual(await installed(), []);
        assert.deepEqual(await credentials(), []);
        args = { ...args, bucket: "cc-exports" };
    });

    it("creates the role credential and the integration where the type keeps bucket and role, and enables it", async () => {
        const run = await stack.run(program);
        const [live] = await installed();
        const [credential] = await credentials();
        assert.equal(run.exports.id, live.id);
        assert.equal(run.exports.credentialId, credential.id);
        assert.deepEqual(live.config.current.properties, { bucketName: "cc-exports" });
        assert.equal(live.config.current.credentials.AmazonWebServicesARN.id, credential.id);
        assert.equal(live.reportedState.code, "ACTIVE");
        assert.equal(run.exports.org, (await stack.platform.get("/api/v2/organizations/me")).body.id);
        assert.ok(
            s3.requests.some((r) => r.method === "HEAD"),
            "the bucket was checked",
        );
    });

    it("previews no change on an unchanged program, nor after a refresh (the unreadable role is no drift)", async () => {
        assert.deepEqual(await ops(true), ["same"]);
        assert.ok((await stack.engine.refresh()).every((s) => s.error === undefined));
        assert.deepEqual(await ops(true), ["same"]);
    });

    it("moves to another bucket and role in place, with the configuration's version", async () => {
        const [before] = await installed();
        args = { ...args, bucket: "cc-exports-2", roleArn: `${ROLE}-2` };
        assert.deepEqual(await ops(), ["update"]);
        const [live] = await installed();
        assert.equal(live.id, before.id);
        assert.equal(live.config.current.version, before.config.current.version + 1);
        assert.deepEqual(live.config.current.properties, { bucketName: "cc-exports-2" });
        assert.equal((await credentials()).length, 1);
    });

    it("refuses to overwrite a change made outside Pulumi, and takes it in on refresh", async () => {
        const [live] = await installed();
        const foreign = { ...live.config.current, properties: { bucketName: "cc-exports" } };
        assert.equal((await stack.platform.put(`/api/v2/integrations/${live.id}/config/current`, foreign)).status, 200);
        args = { ...args, notes: "legal hold exports" };
        await assert.rejects(stack.run(program), /was changed outside Pulumi/);
        assert.deepEqual((await installed())[0].config.current.properties, { bucketName: "cc-exports" });
        await stack.engine.refresh();
        assert.deepEqual(await ops(), ["update"]);
        assert.deepEqual((await installed())[0].config.current.properties, { bucketName: "cc-exports-2" });
    });

    it("drops an integration deleted outside Pulumi on refresh; destroy removes integration and credential", async () => {
        const [live] = await installed();
        assert.ok((await stack.platform.remove(`/api/v2/integrations/${live.id}`)) < 300);
        assert.deepEqual(
            (await stack.engine.refresh()).map((s) => s.op),
            ["delete"],
        );
        await stack.run(program);
        assert.equal((await installed()).length, 1);
        await stack.engine.destroy();
        assert.deepEqual(await installed(), []);
        // The integration comes back under the same derived name, so its earlier credential is found and removed too.
        assert.deepEqual(
            (await credentials()).filter((c) => c.name === (live.name as string)),
            [],
            "no credential is left behind",
        );
    });
});
