import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { shapeOf } from "./exportTypeShape";

const type = (credentials: Record<string, { credentialTypes?: string[] }>) => ({ id: "t", credentials });
const schema = (...names: string[]) => ({ properties: Object.fromEntries(names.map((n) => [n, { type: "string" }])) });

describe("the recording export type's shape", () => {
    it("finds the one bucket property and the one role credential, whatever their names", () => {
        assert.deepEqual(
            shapeOf(
                type({
                    awsRole: { credentialTypes: ["amazonWebServicesARN"] },
                    other: { credentialTypes: ["basicAuth"] },
                }),
                schema("s3BucketName", "notes"),
            ),
            { bucketProperty: "s3BucketName", credentialKey: "awsRole" },
        );
    });

    it("refuses to guess when the type names no bucket, or two", () => {
        const roles = type({ r: { credentialTypes: ["amazonWebServicesARN"] } });
        assert.throws(() => shapeOf(roles, schema("region")), /has no bucket property \(properties: region\)/);
        assert.throws(() => shapeOf(roles, schema("bucket", "backupBucket")), /more than one bucket property/);
    });

    it("refuses a type whose credentials are not one IAM role, naming what it takes", () => {
        assert.throws(
            () => shapeOf(type({ login: { credentialTypes: ["basicAuth"] } }), schema("bucketName")),
            /takes 0 amazonWebServicesARN credentials \(credentials: login: basicAuth\)/,
        );
    });
});
