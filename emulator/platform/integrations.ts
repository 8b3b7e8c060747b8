import type { Models } from "purecloud-platform-client-v2";
import { ApiError, badRequest, type FieldError } from "../apiError";
import type { Collection } from "../collection";
import { isPlainObject, type JsonObject } from "../jsonObject";
import type { Route } from "../kind";
import { pageList, sentQuery } from "../pagination";
import { INTEGRATION_TYPES, type IntegrationTypeSpec } from "./integrationTypes";
import { allOf } from "./permissions";
import { fieldsOf, type PlatformModule } from "./platformModule";

const INTEGRATIONS_PATH = "/api/v2/integrations";
const INTEGRATION = `${INTEGRATIONS_PATH}/{integrationId}`;
const CONFIG = `${INTEGRATION}/config/current`;
const INTENDED_STATES = ["ENABLED", "DISABLED"] as const;

function specOf(integration: JsonObject): IntegrationTypeSpec {
    return INTEGRATION_TYPES[integration.integrationTypeId as string];
}

/** The platform's verdict on an integration: what it is doing, not what was asked (`intendedState`). */
function reportedState(integration: JsonObject, config: JsonObject): Models.IntegrationStatusInfo {
    const lastUpdated = integration.dateModified as string;
    if (integration.intendedState !== "ENABLED") return { code: "INACTIVE", effective: "Inactive", lastUpdated };
    const properties = (config.properties ?? {}) as JsonObject;
    const missing = specOf(integration).requiredProperties.filter((p) => properties[p] === undefined);
    if (missing.length === 0) return { code: "ACTIVE", effective: "Active", lastUpdated };
    const message = `The configuration lacks ${missing.join(", ")}; put them in config/current.`;
    return {
        code: "ERROR",
        effective: "Error",
        detail: { message, messageWithParams: message, messageParams: {} },
        lastUpdated,
    };
}

function configBody(config: JsonObject): Models.IntegrationConfiguration {
    const { name, properties, advanced, notes, credentials } = config;
    return {
        id: config.id as string,
        name: name as string,
        version: config.version as number,
        properties: properties as object,
        advanced: advanced as object,
        notes: notes as string,
        credentials: credentials as Models.IntegrationConfiguration["credentials"],
        selfUri: `${INTEGRATIONS_PATH}/${config.id}/config/current`,
    };
}

/** The PUT body of config/current: every field the model requires, and the type's property rules. */
function checkConfig(
    body: unknown,
    spec: IntegrationTypeSpec,
): { value?: JsonObject; version?: number; errors: FieldError[] } {
    const errors: FieldError[] = [];
    const raw = isPlainObject(body) ? body : {};
    const fail = (fieldName: string, errorCode: string, message: string) =>
        errors.push({ fieldName, errorCode, message });
    if (typeof raw.name !== "string" || raw.name.trim() === "") fail("name", "required", "name is required");
    const version = raw.version;
    if (version === undefined || version === null) {
        fail("version", "required", "version is required: the version of config/current you last read");
    } else if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
        fail(
            "version",
            "invalid.value",
            "version must be a positive integer (the version of config/current you last read)",
        );
    }
    if (typeof raw.notes !== "string") fail("notes", "required", "notes is required (a string, may be empty)");
    for (const field of ["properties", "advanced", "credentials"]) {
        if (!isPlainObject(raw[field])) fail(field, "required", `${field} is required (an object, may be empty)`);
    }
    if (isPlainObject(raw.properties)) errors.push(...spec.propertyErrors(raw.properties));
    if (isPlainObject(raw.credentials) && spec.credentialKeys) {
        for (const key of Object.keys(raw.credentials).filter((k) => !spec.credentialKeys?.includes(k))) {
            fail(
                `credentials.${key}`,
                "unknown.credential",
                spec.credentialKeys.length === 0
                    ? `credentials.${key}: integrations of type ${spec.type.id} take no credentials`
                    : `credentials.${key} is not a credential of ${spec.type.id} (credentials: ${spec.credentialKeys.join(", ")})`,
            );
        }
    }
    if (errors.length > 0) return { errors };
    const { name, notes, properties, advanced, credentials } = raw;
    return { value: { name, notes, properties, advanced, credentials }, version: version as number, errors };
}

function integrationRoutes(integrations: Collection, configs: Collection): Route[] {
    const present = (integration: JsonObject, expandConfig: boolean): Models.Integration => {
        const config = configs.current(integration.id as string);
        return {
            id: integration.id as string,
            name: config.name as string,
            integrationType: specOf(integration).type,
            notes: config.notes as string,
            intendedState: integration.intendedState as string,
            ...(expandConfig ? { config: { current: configBody(config) } } : {}),
            reportedState: reportedState(integration, config),
            attributes: {},
            selfUri: integration.selfUri as string,
        };
    };
    const expandsConfig = (query: URLSearchParams) =>
        query.getAll("expand").some((e) => e.split(",").includes("config.current"));

    return [
        {
            method: "GET",
            pattern: INTEGRATIONS_PATH,
            permissions: allOf("integrations:integration:view"),
            handle: ({ query }) => {
                const type = query.get("integrationType");
                const ids = query
                    .getAll("ids")
                    .flatMap((i) => i.split(","))
                    .filter((i) => i !== "");
                const state = query.get("reportedState")?.toUpperCase();
                const entities = integrations
                    .list()
                    .filter((i) => type === null || i.integrationTypeId === type)
                    .filter((i) => ids.length === 0 || ids.includes(i.id as string))
                    .map((i) => present(i, expandsConfig(query)))
                    .filter((i) => state === undefined || i.reportedState?.code === state);
                const keep = sentQuery(query, ["integrationType", "expand", "reportedState"]);
                const body: Models.IntegrationEntityListing = pageList(entities, query, INTEGRATIONS_PATH, keep);
                return { status: 200, body };
            },
        },
        {
            method: "POST",
            pattern: INTEGRATIONS_PATH,
            permissions: allOf("integrations:integration:add"),
            handle: ({ body }) => {
                const raw = isPlainObject(body) ? body : {};
                const typeId = isPlainObject(raw.integrationType) ? raw.integrationType.id : undefined;
                const spec = typeof typeId === "string" ? INTEGRATION_TYPES[typeId] : undefined;
                const errors: FieldError[] = [];
                if (!spec) {
                    errors.push({
                        fieldName: "integrationType.id",
                        errorCode: typeId === undefined ? "required" : "invalid.value",
                        message: `integrationType.id must name an integration type: ${Object.keys(INTEGRATION_TYPES).join(", ")}`,
                    });
                }
                if (raw.name !== undefined && (typeof raw.name !== "string" || raw.name.trim() === "")) {
                    errors.push({
                        fieldName: "name",
                        errorCode: "invalid.value",
                        message: "name must be a non-empty string",
                    });
                }
                if (!spec || errors.length > 0) throw badRequest(errors, "integration");
                // The vendor's Terraform provider creates with the type alone and names the integration through
                // its configuration, so the name is optional here; the type's name stands in until then.
                const name = typeof raw.name === "string" ? raw.name : spec.type.name;
                const created = integrations.create({ integrationTypeId: spec.type.id, intendedState: "DISABLED" });
                configs.put(created.id as string, { name, notes: "", properties: {}, advanced: {}, credentials: {} });
                return { status: 200, body: present(created, false) };
            },
        },
        {
            method: "GET",
            pattern: INTEGRATION,
            permissions: allOf("integrations:integration:view"),
            handle: ({ params, query }) => ({
                status: 200,
                body: present(integrations.get(params.integrationId), expandsConfig(query)),
            }),
        },
        {
            // The only way to change an integration's state; other fields of the body are read-only here.
            method: "PATCH",
            pattern: INTEGRATION,
            permissions: allOf("integrations:integration:edit"),
            handle: ({ params, body }) => {
                const current = integrations.current(params.integrationId);
                const state = isPlainObject(body) ? body.intendedState : undefined;
                if (typeof state !== "string" || !(INTENDED_STATES as readonly string[]).includes(state)) {
                    throw badRequest(
                        [
                            {
                                fieldName: "intendedState",
                                errorCode: state === undefined ? "required" : "invalid.value",
                                message: "intendedState must be ENABLED or DISABLED",
                            },
                        ],
                        "integration",
                    );
                }
                const updated = integrations.update(params.integrationId, {
                    ...fieldsOf(current),
                    intendedState: state,
                });
                return { status: 200, body: present(updated, false) };
            },
        },
        {
            method: "DELETE",
            pattern: INTEGRATION,
            permissions: allOf("integrations:integration:delete"),
            handle: ({ params }) => {
                const gone = present(integrations.current(params.integrationId), false);
                integrations.delete(params.integrationId);
                configs.delete(params.integrationId);
                return { status: 200, body: gone };
            },
        },
        {
            method: "GET",
            pattern: CONFIG,
            permissions: allOf("integrations:integration:view"),
            handle: ({ params }) => {
                integrations.get(params.integrationId);
                return { status: 200, body: configBody(configs.current(params.integrationId)) };
            },
        },
        {
            method: "PUT",
            pattern: CONFIG,
            permissions: allOf("integrations:integration:edit"),
            handle: ({ params, body }) => {
                const integration = integrations.current(params.integrationId);
                const spec = specOf(integration);
                const checked = checkConfig(body, spec);
                if (!checked.value) throw badRequest(checked.errors, "integration configuration");
                const current = configs.current(params.integrationId);
                if (checked.version !== current.version) {
                    throw new ApiError(
                        409,
                        "version.mismatch",
                        `The version ${checked.version} does not match the current version ${current.version} of the configuration of integration ${params.integrationId}; read config/current again and retry with its version.`,
                        { currentVersion: String(current.version), requestedVersion: String(checked.version) },
                    );
                }
                const suffixTaken = integrations
                    .list()
                    .filter((i) => i.id !== params.integrationId && i.integrationTypeId === spec.type.id)
                    .some((i) => {
                        const other = configs.current(i.id as string).properties as JsonObject;
                        const mine = checked.value?.properties as JsonObject;
                        return (
                            mine.eventSourceSuffix !== undefined && other.eventSourceSuffix === mine.eventSourceSuffix
                        );
                    });
                if (suffixTaken) {
                    throw badRequest(
                        [
                            {
                                fieldName: "properties.eventSourceSuffix",
                                errorCode: "duplicate.value",
                                message:
                                    "properties.eventSourceSuffix is used by another EventBridge integration of this org; choose a unique suffix",
                            },
                        ],
                        "integration configuration",
                    );
                }
                const updated = configs.update(params.integrationId, checked.value);
                // The integration's own record changes too (its name and reported state are its configuration's).
                integrations.update(params.integrationId, fieldsOf(integration));
                return { status: 200, body: configBody(updated) };
            },
        },
    ];
}

/** Integrations (`/api/v2/integrations`) and their current configuration, for the types in `integrationTypes.ts`. */
export const integrations: PlatformModule = {
    name: "integrations",
    routes: (context) =>
        integrationRoutes(
            context.collection({
                name: "platformIntegrations",
                label: "Integration",
                selfUri: (id) => `${INTEGRATIONS_PATH}/${id}`,
            }),
            context.collection({
                name: "platformIntegrationConfigs",
                label: "Integration configuration",
                selfUri: (id) => `${INTEGRATIONS_PATH}/${id}/config/current`,
            }),
        ),
};
