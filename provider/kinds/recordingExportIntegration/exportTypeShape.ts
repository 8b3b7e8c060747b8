import type { Models } from "purecloud-platform-client-v2";
import type { ApiClient } from "../../client/apiClient";

/** The integration type that exports recordings to an S3 bucket of the customer's. */
export const RECORDING_EXPORT_TYPE = "aws-s3-recording-bulk-actions-integration";

/**
 * The credential type Genesys Cloud uses for an IAM role it assumes, and the field holding the role's ARN (as
 * Genesys's own Lambda data-action Terraform module sends them: `amazonWebServicesARN`, field `ARN`).
 */
export const ROLE_CREDENTIAL_TYPE = "amazonWebServicesARN";
export const ROLE_ARN_FIELD = "ARN";

/** Where this integration type keeps the bucket and the role, as the platform describes the type. */
export interface ExportTypeShape {
    /** The `config.properties` key of the bucket name. */
    bucketProperty: string;
    /** The `config.credentials` key of the role credential. */
    credentialKey: string;
}

const TYPE_PATH = `/api/v2/integrations/types/${RECORDING_EXPORT_TYPE}`;
const known = new WeakMap<ApiClient, Promise<ExportTypeShape>>();

function unknownShape(what: string): Error {
    return new Error(
        `the platform's ${RECORDING_EXPORT_TYPE} integration type ${what}, so this package cannot tell where the ` +
            `bucket or the role goes; compare GET ${TYPE_PATH} and ${TYPE_PATH}/configschemas/properties with what ` +
            "this package expects (one property naming the bucket, one credential of type amazonWebServicesARN)",
    );
}

/**
 * The names of the bucket property and the credential key are not published, so they are read from the type
 * itself: its configuration schema (`configschemas/properties`) and its credential specification. The answer is
 * the same for every call of a client, so it is asked once per client.
 */
export function exportTypeShape(client: ApiClient): Promise<ExportTypeShape> {
    let shape = known.get(client);
    if (shape === undefined) {
        shape = discover(client);
        shape.catch(() => known.delete(client));
        known.set(client, shape);
    }
    return shape;
}

/** The shape given the type and its property schema; throws when the type does not say it unambiguously. */
export function shapeOf(type: Models.IntegrationType, schema: Models.JsonSchemaDocument): ExportTypeShape {
    const properties = Object.keys(schema.properties ?? {});
    const buckets = properties.filter((name) => /bucket/i.test(name));
    if (buckets.length !== 1) {
        throw unknownShape(
            `has ${buckets.length === 0 ? "no" : "more than one"} bucket property (properties: ${properties.join(", ") || "none"})`,
        );
    }
    const credentials = Object.entries(type.credentials ?? {}).filter(([, spec]) =>
        (spec.credentialTypes ?? []).includes(ROLE_CREDENTIAL_TYPE),
    );
    if (credentials.length !== 1) {
        const offered = Object.entries(type.credentials ?? {})
            .map(([key, spec]) => `${key}: ${(spec.credentialTypes ?? []).join("|")}`)
            .join(", ");
        throw unknownShape(
            `takes ${credentials.length} ${ROLE_CREDENTIAL_TYPE} credentials (credentials: ${offered || "none"})`,
        );
    }
    return { bucketProperty: buckets[0], credentialKey: credentials[0][0] };
}

async function discover(client: ApiClient): Promise<ExportTypeShape> {
    const [type, schema] = await Promise.all([
        client.get<Models.IntegrationType>(TYPE_PATH),
        client.get<Models.JsonSchemaDocument>(`${TYPE_PATH}/configschemas/properties`),
    ]);
    return shapeOf(type, schema);
}
