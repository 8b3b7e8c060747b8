import { badRequest, type FieldError } from "../apiError";
import { isPlainObject, type JsonObject } from "../jsonObject";
import { expectedVersion, kindCollection } from "../crudRoutes";
import type { KindModule } from "../kind";
import { tokenList } from "../pagination";
import { BodyChecker, type Validation } from "../validation";

export const SERVER_SIDE_ENCRYPTIONS = ["AES256", "aws:kms"] as const;

// The bucket and region rules, as the platform enforces them (the provider names each broken rule more precisely).
const BUCKET = /^(?!xn--|sthree-)(?!.*\.\.)(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;

function patternProblem(
    check: BodyChecker,
    name: string,
    value: string | undefined,
    pattern: RegExp,
    expectation: string,
): void {
    if (value !== undefined && !pattern.test(value))
        check.fail(name, "invalid.value", `${name} must be ${expectation}`);
}

/** `configuration`, checked field by field; its failures are named `configuration.<field>`. */
function checkConfiguration(parent: BodyChecker, raw: unknown): void {
    if (!isPlainObject(raw)) {
        parent.fail(
            "configuration",
            raw === undefined || raw === null ? "required" : "invalid.value",
            "configuration must be an object {bucket, region, serverSideEncryption, pathPrefix, …}",
        );
        return;
    }
    const check = new BodyChecker(raw);
    patternProblem(
        check,
        "bucket",
        check.string("bucket", { maxLength: 63 }),
        BUCKET,
        "a valid S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)",
    );
    patternProblem(check, "region", check.string("region"), REGION, "an AWS region such as us-east-1");
    const encryption = check.oneOf("serverSideEncryption", SERVER_SIDE_ENCRYPTIONS);
    const kmsKeyId = check.string("kmsKeyId", { required: encryption === "aws:kms" });
    if (kmsKeyId !== undefined && encryption === "AES256")
        check.fail("kmsKeyId", "invalid.value", "kmsKeyId applies only to aws:kms encryption");
    check.string("pathPrefix", { maxLength: 512 });
    const roleArn = check.string("roleArn", { required: false });
    patternProblem(check, "roleArn", roleArn, ROLE_ARN, "an IAM role ARN");
    const accessKeyId = check.string("accessKeyId", { required: false });
    // secretAccessKey is write-only: an update may omit it and keep the stored one (the PUT route checks creates).
    const secretAccessKey = check.string("secretAccessKey", { required: false });
    if (secretAccessKey !== undefined && accessKeyId === undefined) {
        check.fail("accessKeyId", "required", "accessKeyId is required with secretAccessKey");
    } else if (roleArn === undefined && accessKeyId === undefined) {
        check.fail("roleArn", "required", "credentials are required: roleArn, or accessKeyId with secretAccessKey");
    }
    for (const error of check.errors) {
        parent.fail(`configuration.${error.fieldName}`, error.errorCode, `configuration.${error.message}`);
    }
    if (check.errors.length === 0) parent.value.configuration = check.value;
}

function lacksSecret(target: JsonObject): boolean {
    const configuration = target.configuration as JsonObject;
    return configuration.accessKeyId !== undefined && configuration.secretAccessKey === undefined;
}

export function validateStorageTarget(body: unknown): Validation {
    const check = new BodyChecker(body);
    check.string("name", { maxLength: 200 });
    check.oneOf("type", ["aws-s3"]);
    checkConfiguration(check, isPlainObject(body) ? body.configuration : undefined);
    check.integer("retentionDays", { min: 1, max: 3650 });
    check.boolean("enabled");
    return check.result();
}

/**
 * Recording storage targets: client-chosen ids (`PUT` upserts, so a retried create is harmless), token-based list,
 * `configuration.secretAccessKey` stored but never returned.
 */
export const storageTargets: KindModule = {
    name: "storageTargets",
    label: "Storage target",
    basePath: "/api/v2/recording/storage/targets",
    writeOnlyFields: ["configuration.secretAccessKey"],
    validate: validateStorageTarget,
    routes(context) {
        const collection = kindCollection(storageTargets, context);
        const subject = storageTargets.label.toLowerCase();
        const itemPattern = `${storageTargets.basePath}/{id}`;
        return [
            {
                method: "GET",
                pattern: storageTargets.basePath,
                scope: "recording:read",
                handle: ({ query }) => ({
                    status: 200,
                    body: tokenList(collection.list() as (JsonObject & { id: unknown })[], query),
                }),
            },
            {
                method: "GET",
                pattern: itemPattern,
                scope: "recording:read",
                handle: ({ params }) => ({ status: 200, body: collection.get(params.id) }),
            },
            {
                method: "PUT",
                pattern: itemPattern,
                scope: "recording:write",
                handle: ({ params, body }) => {
                    const checked = validateStorageTarget(body);
                    const version = expectedVersion(body);
                    const errors: FieldError[] = [
                        ...(checked.ok ? [] : checked.errors),
                        ...(version.error ? [version.error] : []),
                    ];
                    const exists = collection.list().some((target) => target.id === params.id);
                    if (checked.ok && !exists && lacksSecret(checked.value)) {
                        errors.push({
                            fieldName: "configuration.secretAccessKey",
                            errorCode: "required",
                            message: "configuration.secretAccessKey is required with accessKeyId",
                        });
                    }
                    if (errors.length > 0 || !checked.ok) throw badRequest(errors, subject);
                    // A version claims the object exists: updating a deleted target is a 404, never a silent re-create.
                    const object =
                        version.version === undefined
                            ? collection.put(params.id, checked.value).object
                            : collection.update(params.id, checked.value, version.version);
                    return { status: 200, body: object };
                },
            },
            {
                method: "DELETE",
                pattern: itemPattern,
                scope: "recording:write",
                handle: ({ params }) => {
                    collection.delete(params.id);
                    return { status: 204 };
                },
            },
        ];
    },
};
