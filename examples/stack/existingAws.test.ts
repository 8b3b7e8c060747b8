import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runProgram } from "../../harness/mockProgram";
import { makeSecret, type PropertyMap } from "../../harness/secrets";
import { readStackConfig } from "../demo/stackConfig";
import { EXISTING_AWS_KEYS } from "./existingAws";
import { contactCenterOnExistingAws } from "./program";

const PROJECT = "genesys-contact-center";
const PROJECT_DIR = join(__dirname, "../../..");
const EXISTING = {
    [EXISTING_AWS_KEYS.bucket]: "acme-recordings",
    [EXISTING_AWS_KEYS.bucketRegion]: "eu-west-1",
    [EXISTING_AWS_KEYS.kmsKeyArn]: "arn:aws:kms:eu-west-1:123456789012:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
    [EXISTING_AWS_KEYS.eventBusArn]: "arn:aws:events:eu-west-1:123456789012:event-bus/contact-center",
    [EXISTING_AWS_KEYS.platformRoleArn]: "arn:aws:iam::123456789012:role/genesys-platform",
};

/** A preview of the Genesys side alone, under Pulumi's mocks, with a stack file's config and the given AWS names. */
function preview(stack: string, existing: Record<string, string>) {
    const config: PropertyMap = {
        ...readStackConfig(PROJECT_DIR, stack),
        ...Object.fromEntries(Object.entries(existing).map(([key, value]) => [`${PROJECT}:${key}`, value])),
        [`${PROJECT}:webhookSecret`]: makeSecret("existing-aws-webhook-secret"),
    };
    return runProgram(() => contactCenterOnExistingAws(), {
        project: PROJECT,
        stack,
        preview: true,
        backend: { kind: "inProcess", consumerDir: PROJECT_DIR },
        config,
    });
}

describe("the Genesys side on an AWS side another stack owns", () => {
    it("declares nothing on AWS and links every Genesys resource to the names and ARNs in the stack config", async () => {
        const run = await preview("prod", EXISTING);
        assert.deepEqual(
            run.registrations.filter((r) => r.type.startsWith("aws:")),
            [],
        );
        const inputsOf = (type: string, name: string) => {
            const found = run.registrations.find((r) => r.type.endsWith(type) && r.name === name);
            assert.ok(found, `no ${type} ${name}`);
            return found.inputs;
        };
        const storage = inputsOf("genesys:StorageTarget", "recordings");
        assert.equal(storage.bucket, EXISTING.recordingsBucket);
        assert.equal(storage.region, EXISTING.recordingsBucketRegion);
        assert.equal(storage.serverSideEncryption, "aws:kms");
        assert.equal(storage.kmsKeyId, EXISTING.recordingsKmsKeyArn);
        assert.equal(storage.roleArn, EXISTING.platformRoleArn);
        const stream = inputsOf("genesys:EventStream", "contact-center-events");
        assert.equal(stream.eventBusArn, EXISTING.eventBusArn);
        assert.equal(stream.roleArn, EXISTING.platformRoleArn);
        assert.equal(run.exports.recordingsBucket, EXISTING.recordingsBucket);
    });

    it("uses AES256 without a key where the stack has no KMS key", async () => {
        const { recordingsKmsKeyArn: _unused, ...withoutKey } = EXISTING;
        const run = await preview("dev", withoutKey);
        const storage = run.registrations.find((r) => r.type.endsWith("genesys:StorageTarget"));
        assert.equal(storage?.inputs.serverSideEncryption, "AES256");
        assert.equal(storage?.inputs.kmsKeyId, undefined);
    });

    it("refuses a missing name, saying which config key to set and how", async () => {
        const { eventBusArn: _unused, ...withoutBus } = EXISTING;
        await assert.rejects(
            preview("dev", withoutBus),
            /genesys-contact-center:eventBusArn[\s\S]*pulumi config set genesys-contact-center:eventBusArn/,
        );
        const { recordingsKmsKeyArn: _key, ...withoutKey } = EXISTING;
        await assert.rejects(preview("prod", withoutKey), /genesys-contact-center:recordingsKmsKeyArn/);
    });
});
