import type { Models } from "purecloud-platform-client-v2";
import { badRequest, type FieldError } from "../apiError";
import type { Collection } from "../collection";
import { isPlainObject, type JsonObject } from "../jsonObject";
import type { Route } from "../kind";
import { pageList } from "../pagination";
import { allOf } from "./permissions";
import type { PlatformModule } from "./platformModule";

const CREDENTIALS_PATH = "/api/v2/integrations/credentials";
const CREDENTIAL = `${CREDENTIALS_PATH}/{credentialId}`;

/** Credential types served, with the fields each requires (`amazonWebServicesARN` holds an IAM role's ARN). */
export const CREDENTIAL_TYPES: readonly Models.CredentialType[] = [
    {
        id: "amazonWebServicesARN",
        name: "amazonWebServicesARN",
        properties: { ARN: { type: "string", title: "Role ARN" } },
        displayOrder: ["ARN"],
        required: ["ARN"],
    },
    {
        id: "basicAuth",
        name: "basicAuth",
        properties: { userName: { type: "string" }, password: { type: "string" } },
        displayOrder: ["userName", "password"],
        required: ["userName", "password"],
    },
];

const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** The body of a POST or PUT: a name, a known type, and every field the type requires (strings). */
function checkCredential(body: unknown): { value?: JsonObject; errors: FieldError[] } {
    const raw = isPlainObject(body) ? body : {};
    const errors: FieldError[] = [];
    const fail = (fieldName: string, errorCode: string, message: string) =>
        errors.push({ fieldName, errorCode, message });
    if (typeof raw.name !== "string" || raw.name.trim() === "") fail("name", "required", "name is required");
    const typeName = isPlainObject(raw.type) ? raw.type.name : undefined;
    const type = CREDENTIAL_TYPES.find((t) => t.name === typeName);
    if (!type) {
        fail(
            "type.name",
            typeName === undefined ? "required" : "invalid.value",
            `type.name must name a credential type: ${CREDENTIAL_TYPES.map((t) => t.name).join(", ")}`,
        );
    }
    const fields = isPlainObject(raw.credentialFields) ? raw.credentialFields : {};
    for (const field of type?.required ?? []) {
        if (typeof fields[field] !== "string" || fields[field] === "")
            fail(`credentialFields.${field}`, "required", `credentialFields.${field} is required by ${typeName}`);
    }
    if (type?.name === "amazonWebServicesARN" && typeof fields.ARN === "string" && !ROLE_ARN.test(fields.ARN))
        fail("credentialFields.ARN", "invalid.value", "credentialFields.ARN must be an IAM role ARN");
    if (errors.length > 0) return { errors };
    return { value: { name: raw.name, typeName, credentialFields: fields }, errors };
}

/** What a read shows: never the fields, which the platform redacts. */
function info(credential: JsonObject): Models.CredentialInfo {
    const type = CREDENTIAL_TYPES.find((t) => t.name === credential.typeName);
    return {
        id: credential.id as string,
        name: credential.name as string,
        createdDate: credential.dateCreated as string,
        modifiedDate: credential.dateModified as string,
        type: { id: type?.id, name: type?.name },
        selfUri: credential.selfUri as string,
    };
}

function credentialRoutes(credentials: Collection): Route[] {
    const checked = (body: unknown) => {
        const result = checkCredential(body);
        if (!result.value) throw badRequest(result.errors, "credential");
        return result.value;
    };
    return [
        {
            method: "GET",
            pattern: `${CREDENTIALS_PATH}/types`,
            permissions: allOf("integrations:integration:view"),
            handle: () => ({ status: 200, body: { entities: CREDENTIAL_TYPES } }),
        },
        {
            method: "GET",
            pattern: CREDENTIALS_PATH,
            permissions: allOf("integrations:integration:view"),
            handle: ({ query }) => {
                const body: Models.CredentialInfoListing = pageList(
                    credentials.list().map(info),
                    query,
                    CREDENTIALS_PATH,
                );
                return { status: 200, body };
            },
        },
        {
            method: "POST",
            pattern: CREDENTIALS_PATH,
            permissions: allOf("integrations:integration:add"),
            handle: ({ body }) => ({ status: 200, body: info(credentials.create(checked(body))) }),
        },
        {
            method: "GET",
            pattern: CREDENTIAL,
            permissions: allOf("integrations:integration:view"),
            handle: ({ params }) => {
                const credential = credentials.get(params.credentialId);
                const body: Models.Credential = { ...info(credential), type: info(credential).type ?? {} };
                return { status: 200, body };
            },
        },
        {
            method: "PUT",
            pattern: CREDENTIAL,
            permissions: allOf("integrations:integration:edit"),
            handle: ({ params, body }) => {
                credentials.current(params.credentialId);
                return { status: 200, body: info(credentials.update(params.credentialId, checked(body))) };
            },
        },
        {
            method: "DELETE",
            pattern: CREDENTIAL,
            permissions: allOf("integrations:integration:delete"),
            handle: ({ params }) => {
                credentials.delete(params.credentialId);
                return { status: 204 };
            },
        },
    ];
}

/**
 * Integration credentials (`/api/v2/integrations/credentials`): what an integration presents to a third party,
 * referenced from its configuration by id. Fields are written, never read back.
 */
export const integrationCredentials: PlatformModule = {
    name: "integration credentials",
    routes: (context) =>
        credentialRoutes(
            context.collection({
                name: "platformIntegrationCredentials",
                label: "Credential",
                selfUri: (id) => `${CREDENTIALS_PATH}/${id}`,
            }),
        ),
};
