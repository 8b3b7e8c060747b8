import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { credentialIdOf, desiredConfig, inputsFromLive } from "./api";
import { roleCredential } from "./credentialApi";

const shape = { bucketProperty: "bucketName", credentialKey: "awsRole" };
const ROLE = "arn:aws:iam::123456789012:role/genesys-recording-export";

describe("RecordingExportIntegration API map", () => {
    it("puts the bucket and the credential where the type keeps them", () => {
        assert.deepEqual(desiredConfig({ name: "exports-1", bucket: "cc-exports" }, shape, "cred-1"), {
            name: "exports-1",
            notes: "",
            properties: { bucketName: "cc-exports" },
            advanced: {},
            credentials: { awsRole: { id: "cred-1" } },
        });
    });

    it("sends the role as an amazonWebServicesARN credential", () => {
        assert.deepEqual(roleCredential("exports-1", ROLE), {
            name: "exports-1",
            type: { name: "amazonWebServicesARN" },
            credentialFields: { ARN: ROLE },
        });
    });

    it("reads the bucket from the platform and keeps what it never returns from the previous inputs", () => {
        const config = { ...desiredConfig({ name: "exports-1", bucket: "cc-exports" }, shape, "cred-1"), version: 2 };
        const live = { integration: { id: "i1", intendedState: "ENABLED" }, config };
        const olds = { roleArn: ROLE, region: "eu-west-1", serverSideEncryption: "AES256", verifyBucket: true };
        assert.deepEqual(inputsFromLive(live, shape, olds), {
            name: "exports-1",
            notes: undefined,
            enabled: true,
            bucket: "cc-exports",
            roleArn: ROLE,
            region: "eu-west-1",
            serverSideEncryption: "AES256",
            kmsKeyId: undefined,
            verifyBucket: true,
        });
        assert.equal(credentialIdOf(live, shape), "cred-1");
    });
});
