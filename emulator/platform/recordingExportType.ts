import type { Models } from "purecloud-platform-client-v2";
import type { FieldError } from "../apiError";
import type { IntegrationTypeSpec } from "./integrationTypes";

const TYPE_ID = "aws-s3-recording-bulk-actions-integration";

/**
 * The emulator's stand-in names for where this type keeps the bucket and the role. Genesys does not publish them;
 * clients are expected to read them from the type (`credentials`) and its `configschemas/properties`, as this
 * package's provider does, so the names here only have to be described consistently by both.
 */
const BUCKET_PROPERTY = "bucketName";
const ROLE_CREDENTIAL_KEY = "AmazonWebServicesARN";

function bucketProblem(name: string): string | undefined {
    if (name.length < 3 || name.length > 63) return "must be 3 to 63 characters long";
    if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name) || name.includes(".."))
        return "must follow the S3 bucket naming rules (lowercase letters, digits, dots and hyphens)";
    return undefined;
}

function exportPropertyErrors(properties: Record<string, unknown>): FieldError[] {
    const errors: FieldError[] = [];
    for (const name of Object.keys(properties).filter((n) => n !== BUCKET_PROPERTY)) {
        errors.push({
            fieldName: `properties.${name}`,
            errorCode: "unknown.property",
            message: `properties.${name} is not a property of ${TYPE_ID} (properties: ${BUCKET_PROPERTY})`,
        });
    }
    const bucket = properties[BUCKET_PROPERTY];
    if (bucket === undefined) return errors;
    const problem = typeof bucket === "string" ? bucketProblem(bucket) : "must be a string";
    if (problem)
        errors.push({
            fieldName: `properties.${BUCKET_PROPERTY}`,
            errorCode: "invalid.value",
            message: `properties.${BUCKET_PROPERTY} ${problem}`,
        });
    return errors;
}

/** The S3 recording-export integration type: one bucket property, one IAM-role credential. */
export const recordingExportType: IntegrationTypeSpec = {
    type: {
        id: TYPE_ID,
        name: "AWS S3 Recording Bulk Actions",
        description: "Exports recordings to an Amazon S3 bucket of yours.",
        provider: "aws",
        category: "Recording",
        configPropertiesSchemaUri: `/api/v2/integrations/types/${TYPE_ID}/configschemas/properties`,
        credentials: {
            [ROLE_CREDENTIAL_KEY]: { required: true, title: "AWS IAM role", credentialTypes: ["amazonWebServicesARN"] },
        },
        maxInstances: 10,
        selfUri: `/api/v2/integrations/types/${TYPE_ID}`,
    },
    propertyErrors: exportPropertyErrors,
    credentialKeys: [ROLE_CREDENTIAL_KEY],
    requiredProperties: [BUCKET_PROPERTY],
};

/** The JSON schema of each served type's `config.properties`, as `configschemas/properties` returns it. */
export const PROPERTY_SCHEMAS: Readonly<Record<string, Models.JsonSchemaDocument>> = {
    [TYPE_ID]: {
        $schema: "http://json-schema.org/draft-04/schema#",
        title: "AWS S3 Recording Bulk Actions",
        type: "object",
        required: [BUCKET_PROPERTY],
        properties: { [BUCKET_PROPERTY]: { type: "string", title: "S3 bucket name", minLength: 3, maxLength: 63 } },
    },
    "amazon-eventbridge-source": {
        $schema: "http://json-schema.org/draft-04/schema#",
        title: "Amazon EventBridge Source",
        type: "object",
        required: ["awsAccountId", "awsAccountRegion", "eventSourceSuffix", "eventFilter"],
        properties: {
            awsAccountId: { type: "string", pattern: "^\\d{12}$" },
            awsAccountRegion: { type: "string" },
            eventSourceSuffix: { type: "string", pattern: "^[A-Za-z0-9._-]{1,64}$" },
            eventFilter: { type: "array", items: { type: "string" }, minItems: 1 },
        },
    },
};
