import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatDeploymentTable, shortType } from "./deploymentTable";

describe("the demo's deployment table", () => {
    it("shortens dynamic resource types and keeps others", () => {
        assert.equal(shortType("pulumi-nodejs:dynamic/genesys:RecordingPolicy"), "genesys:RecordingPolicy");
        assert.equal(
            shortType("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"),
            "aws:s3:BucketServerSideEncryptionConfiguration",
        );
        assert.equal(shortType("aws:s3:Bucket"), "aws:s3:Bucket");
    });

    it("aligns columns, right-aligns durations and counts operations", () => {
        const table = formatDeploymentTable([
            {
                resource: "voice",
                type: "pulumi-nodejs:dynamic/genesys:RecordingPolicy",
                id: "p-1",
                operation: "create",
                durationMs: 12.4,
            },
            { resource: "recordings-bucket", type: "aws:s3/bucket:Bucket", id: "", operation: "same", durationMs: 3 },
        ]).split("\n");
        assert.equal(table[0].indexOf("type"), table[2].indexOf("genesys:RecordingPolicy"));
        assert.match(table[2], /voice\s+genesys:RecordingPolicy\s+p-1\s+create\s+12$/);
        assert.match(table[3], /recordings-bucket\s+aws:s3:Bucket\s+-\s+same\s+3$/);
        assert.equal(table[0].length, table[2].length);
        assert.equal(table.at(-1), "2 resources: 1 create, 1 same");
    });
});
