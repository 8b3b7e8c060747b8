import { z } from "zod";
import type { CheckFailure, CrossFieldRule } from "../../validation/checkInputs";
import { awsRegion, iamRoleArn } from "../../validation/awsFields";
import { flag, matching, oneOf, text, wholeNumber } from "../../validation/fieldRules";

export const ENCRYPTIONS = ["AES256", "aws:kms"] as const;
export type Encryption = (typeof ENCRYPTIONS)[number];

export const DEFAULT_PATH_PREFIX = "recordings/voice";

/** Why `name` breaks S3's bucket naming rules, or undefined when it follows them. */
export function bucketNameProblem(name: string): string | undefined {
    if (name.length < 3 || name.length > 63) return `must be 3 to 63 characters long (got ${name.length})`;
    if (!/^[a-z0-9.-]+$/.test(name)) return "may hold only lowercase letters, digits, dots and hyphens";
    if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name))
        return "must begin and end with a lowercase letter or digit";
    if (name.includes("..")) return "must not hold two adjacent dots";
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return "must not be formatted as an IP address";
    const prefix = ["xn--", "sthree-", "amzn-s3-demo-"].find((p) => name.startsWith(p));
    if (prefix) return `must not start with the reserved prefix "${prefix}"`;
    const suffix = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"].find((s) => name.endsWith(s));
    if (suffix) return `must not end with the reserved suffix "${suffix}"`;
    return undefined;
}

/** What a path prefix may not hold: control characters and backslashes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is what this pattern is for
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f\\]/;
// Long-term keys only: temporary (ASIA…) keys need a session token the platform cannot store, and expire.
const ACCESS_KEY_ID = /^AKIA[A-Z0-9]{16}$/;
const KMS_KEY_ID =
    /^(arn:aws(-[a-z]+)*:kms:[a-z0-9-]+:\d{12}:(key\/[0-9a-f-]{36}|alias\/[\w/-]+)|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|alias\/[\w/-]+)$/;

/** A bucket name, checked against S3's naming rules. */
export const s3BucketName = z.string({ error: "must be an S3 bucket name" }).superRefine((value, ctx) => {
    const problem = bucketNameProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `${problem} (S3 bucket naming rules)` });
});

export const kmsKeyId = matching(KMS_KEY_ID, "a KMS key id, key ARN, alias (alias/name) or alias ARN");

export const storageTargetInputs = z.object({
    name: text(200),
    bucket: s3BucketName,
    region: awsRegion,
    serverSideEncryption: oneOf(ENCRYPTIONS),
    kmsKeyId: kmsKeyId.optional(),
    pathPrefix: z
        .string({ error: "must be a string" })
        .max(512, { error: "must be at most 512 characters" })
        .superRefine((value, ctx) => {
            if (value === "")
                ctx.addIssue({
                    code: "custom",
                    message: `must not be empty; leave it out to use "${DEFAULT_PATH_PREFIX}"`,
                });
            else if (value.startsWith("/") || value.endsWith("/"))
                ctx.addIssue({ code: "custom", message: "must not start or end with /, e.g. recordings/voice" });
            else if (value.split("/").some((part) => part === "" || part === "." || part === ".."))
                ctx.addIssue({ code: "custom", message: "must not hold empty, . or .. segments" });
            else if (CONTROL_OR_BACKSLASH.test(value))
                ctx.addIssue({ code: "custom", message: "must not hold control characters or backslashes" });
        }),
    retentionDays: wholeNumber(1, 3650, "days"),
    enabled: flag,
    roleArn: iamRoleArn.optional(),
    accessKeyId: matching(
        ACCESS_KEY_ID,
        "a long-term AWS access key id (AKIA followed by 16 capitals or digits)",
    ).optional(),
    secretAccessKey: z
        .string({ error: "must be a string" })
        .regex(/^[A-Za-z0-9/+=]{40}$/, { error: "must be the 40-character secret of the access key" })
        .optional(),
    /** Whether create/update first check the bucket through the AWS SDK (default true). */
    verifyBucket: flag,
});

export type StorageTargetInputs = z.infer<typeof storageTargetInputs>;

export const storageTargetDefaults: Partial<StorageTargetInputs> = {
    pathPrefix: DEFAULT_PATH_PREFIX,
    enabled: true,
    verifyBucket: true,
};

function fail(property: string, reason: string): CheckFailure[] {
    return [{ property, reason }];
}

/** The declared encryption and its key go together: SSE-KMS names the bucket's key, AES256 has none. */
export const encryptionKeyRule: CrossFieldRule<{ serverSideEncryption: Encryption; kmsKeyId?: string }> = {
    reads: ["serverSideEncryption", "kmsKeyId"],
    check({ serverSideEncryption, kmsKeyId }) {
        if (serverSideEncryption === "aws:kms" && kmsKeyId === undefined) {
            return fail(
                "kmsKeyId",
                'kmsKeyId is required when serverSideEncryption is "aws:kms": give the bucket\'s default KMS key',
            );
        }
        if (serverSideEncryption === "AES256" && kmsKeyId !== undefined) {
            return fail(
                "kmsKeyId",
                'kmsKeyId applies only to serverSideEncryption "aws:kms": remove it, or switch to "aws:kms"',
            );
        }
        return [];
    },
};

export const storageTargetRules: CrossFieldRule<StorageTargetInputs>[] = [
    encryptionKeyRule,
    {
        // Secrets are never echoed here: only which fields are set matters.
        reads: ["roleArn", "accessKeyId", "secretAccessKey"],
        check({ roleArn, accessKeyId, secretAccessKey }) {
            const hasKeys = accessKeyId !== undefined || secretAccessKey !== undefined;
            if (roleArn !== undefined && hasKeys) {
                return fail(
                    "roleArn",
                    "give either roleArn or accessKeyId + secretAccessKey, not both: a role is preferred, as it needs no stored secret",
                );
            }
            if (roleArn === undefined && !hasKeys) {
                return fail(
                    "roleArn",
                    "the target needs credentials: set roleArn (preferred), or accessKeyId + secretAccessKey",
                );
            }
            if (accessKeyId !== undefined && secretAccessKey === undefined)
                return fail("secretAccessKey", "secretAccessKey is required with accessKeyId");
            if (secretAccessKey !== undefined && accessKeyId === undefined)
                return fail("accessKeyId", "accessKeyId is required with secretAccessKey");
            return [];
        },
    },
];
