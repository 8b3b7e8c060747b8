import type { Models } from "purecloud-platform-client-v2";
import { ApiError, badRequest, type FieldError } from "../apiError";
import type { Collection } from "../collection";
import { isPlainObject, type JsonObject } from "../jsonObject";
import type { Route } from "../kind";
import { pageList, sentQuery } from "../pagination";
import { allOf } from "./permissions";
import { fieldsOf, type PlatformModule } from "./platformModule";

const POLICIES_PATH = "/api/v2/recording/mediaretentionpolicies";
const POLICY = `${POLICIES_PATH}/{policyId}`;

/** Each channel's media policy, and the conditions only that channel has (CallMediaPolicyConditions, …). */
const CHANNEL_CONDITIONS: Record<string, readonly string[]> = {
    callPolicy: ["directions", "duration"],
    chatPolicy: ["duration"],
    emailPolicy: ["customerParticipation"],
    messagePolicy: ["customerParticipation"],
};
const COMMON_CONDITIONS = ["forUsers", "dateRanges", "forQueues", "wrapupCodes", "languages", "timeAllowed", "teams"];
const RETENTION_PARENTS = ["retentionDuration", "initiateScreenRecording"] as const;

/** The enums of the models (Java SDK docs), by the field that holds them. */
const ENUMS: Record<string, readonly string[]> = {
    storageMedium: ["CLOUDARCHIVE"],
    directions: ["INBOUND", "OUTBOUND"],
    customerParticipation: ["YES", "NO"],
    durationTarget: ["DURATION", "DURATION_RANGE"],
    durationMode: ["Between", "Over", "Under"],
};

/** What the platform checks of a `PolicyCreate`/`Policy` body: its required name, types, enums and required references. */
export function policyErrors(body: unknown): FieldError[] {
    const errors: FieldError[] = [];
    const fail = (fieldName: string, errorCode: string, message: string) =>
        errors.push({ fieldName, errorCode, message: `${fieldName} ${message}` });
    if (!isPlainObject(body)) {
        fail("body", "invalid.value", "must be a JSON object (a PolicyCreate)");
        return errors;
    }
    if (typeof body.name !== "string" || body.name.trim() === "") fail("name", "required", "is required");
    if (body.order !== undefined && !(Number.isInteger(body.order) && (body.order as number) >= 0))
        fail("order", "invalid.value", "must be a whole number, 0 or more");
    if (body.description !== undefined && typeof body.description !== "string")
        fail("description", "invalid.value", "must be a string");
    if (body.enabled !== undefined && typeof body.enabled !== "boolean")
        fail("enabled", "invalid.value", "must be true or false");
    if (body.mediaPolicies === undefined) return errors;
    if (!isPlainObject(body.mediaPolicies)) {
        fail("mediaPolicies", "invalid.value", "must be an object of channel policies");
        return errors;
    }
    for (const [channel, policy] of Object.entries(body.mediaPolicies)) {
        const at = `mediaPolicies.${channel}`;
        const own = CHANNEL_CONDITIONS[channel];
        if (!own) {
            fail(at, "invalid.field", `is not a media policy (${Object.keys(CHANNEL_CONDITIONS).join(", ")})`);
            continue;
        }
        if (policy === null) continue;
        if (!isPlainObject(policy)) {
            fail(at, "invalid.value", "must be an object {actions, conditions}");
            continue;
        }
        if (isPlainObject(policy.conditions)) {
            for (const [key, value] of Object.entries(policy.conditions)) {
                if (!COMMON_CONDITIONS.includes(key) && !own.includes(key))
                    fail(`${at}.conditions.${key}`, "invalid.field", `is not a condition of ${channel}`);
                else checkEnums(`${at}.conditions.${key}`, key, value, fail);
            }
        }
        if (isPlainObject(policy.actions)) checkActions(`${at}.actions`, policy.actions, fail);
    }
    return errors;
}

type Fail = (fieldName: string, errorCode: string, message: string) => void;

function checkEnums(at: string, key: string, value: unknown, fail: Fail): void {
    const values = Array.isArray(value) ? value : [value];
    if (ENUMS[key] && values.some((v) => v !== null && !ENUMS[key].includes(v as string))) {
        fail(at, "invalid.value", `must be one of ${ENUMS[key].join(", ")}`);
    }
    if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) checkEnums(`${at}.${k}`, k, v, fail);
}

function checkActions(at: string, actions: JsonObject, fail: Fail): void {
    for (const key of ["retainRecording", "deleteRecording", "alwaysDelete"]) {
        if (actions[key] !== undefined && typeof actions[key] !== "boolean")
            fail(`${at}.${key}`, "invalid.value", "must be true or false");
    }
    for (const parent of RETENTION_PARENTS) {
        const holder = actions[parent];
        if (!isPlainObject(holder)) continue;
        for (const kind of ["archiveRetention", "deleteRetention"]) {
            const retention = holder[kind];
            if (!isPlainObject(retention)) continue;
            const days = retention.days;
            if (days !== undefined && !(Number.isInteger(days) && (days as number) >= 1))
                fail(`${at}.${parent}.${kind}.days`, "invalid.value", "must be a whole number of days, at least 1");
            checkEnums(`${at}.${parent}.${kind}`, kind, retention, fail);
        }
    }
    const exported = actions.integrationExport;
    if (
        isPlainObject(exported) &&
        !(isPlainObject(exported.integration) && typeof exported.integration.id === "string")
    )
        fail(`${at}.integrationExport.integration`, "required", "is required: {id} of the export integration");
    if (Array.isArray(actions.assignSurveys)) {
        actions.assignSurveys.forEach((survey, i) => {
            if (!isPlainObject(survey) || typeof survey.sendingDomain !== "string")
                fail(`${at}.assignSurveys[${i}].sendingDomain`, "required", "is required");
        });
    }
}

/** The fields of a policy body the platform keeps; read-only ones (id, dates, errors, selfUri) are its own. */
function storedFields(body: JsonObject): JsonObject {
    const { name, order, description, enabled, mediaPolicies, conditions, actions } = body;
    const fields: JsonObject = {
        name,
        order,
        description,
        enabled: enabled ?? false,
        mediaPolicies,
        conditions,
        actions,
    };
    return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null));
}

function present(stored: JsonObject): Models.Policy {
    const { dateCreated, dateModified, ...rest } = stored;
    const { version: _version, ...fields } = rest;
    return { ...(fields as Models.Policy), createdDate: dateCreated as string, modifiedDate: dateModified as string };
}

function checked(body: unknown): JsonObject {
    const errors = policyErrors(body);
    if (errors.length > 0) throw badRequest(errors, "media retention policy");
    return storedFields(body as JsonObject);
}

/** `name` filter: the API says it filters by the policy name, not how; a case-insensitive part is assumed. */
function nameFilter(query: URLSearchParams): (policy: JsonObject) => boolean {
    const name = query.get("name")?.toLowerCase();
    return (policy) => name === undefined || String(policy.name).toLowerCase().includes(name);
}

function policyRoutes(policies: Collection): Route[] {
    return [
        {
            method: "GET",
            pattern: POLICIES_PATH,
            permissions: allOf("recording:retentionPolicy:view"),
            handle: ({ query }) => {
                const enabled = query.get("enabled");
                const entities = policies
                    .list()
                    .filter(nameFilter(query))
                    .filter((p) => enabled === null || String(p.enabled) === enabled.toLowerCase())
                    .map(present);
                const keep = sentQuery(query, ["name", "enabled"]);
                const body: Models.PolicyEntityListing = pageList(entities, query, POLICIES_PATH, keep);
                return { status: 200, body };
            },
        },
        {
            method: "POST",
            pattern: POLICIES_PATH,
            permissions: allOf("recording:retentionPolicy:add"),
            handle: ({ body }) => ({ status: 200, body: present(policies.create(checked(body))) }),
        },
        {
            // Bulk delete: `?ids=a,b`.
            method: "DELETE",
            pattern: POLICIES_PATH,
            permissions: allOf("recording:retentionPolicy:delete"),
            handle: ({ query }) => {
                const ids = (query.get("ids") ?? "").split(",").filter((id) => id !== "");
                if (ids.length === 0) {
                    throw badRequest(
                        [
                            {
                                fieldName: "ids",
                                errorCode: "required",
                                message: "ids is required: the policies to delete, comma-separated",
                            },
                        ],
                        "bulk delete",
                    );
                }
                for (const id of ids) policies.current(id);
                for (const id of ids) policies.delete(id);
                return { status: 204 };
            },
        },
        {
            method: "GET",
            pattern: POLICY,
            permissions: allOf("recording:retentionPolicy:view"),
            handle: ({ params }) => ({ status: 200, body: present(policies.get(params.policyId)) }),
        },
        {
            // A full replacement: there is no version to check, whatever the policy holds is overwritten.
            method: "PUT",
            pattern: POLICY,
            permissions: allOf("recording:retentionPolicy:edit"),
            handle: ({ params, body }) => {
                policies.current(params.policyId);
                return { status: 200, body: present(policies.update(params.policyId, checked(body))) };
            },
        },
        {
            method: "PATCH",
            pattern: POLICY,
            permissions: allOf("recording:retentionPolicy:edit"),
            handle: ({ params, body }) => {
                const current = policies.current(params.policyId);
                const enabled = isPlainObject(body) ? body.enabled : undefined;
                if (typeof enabled !== "boolean") {
                    throw new ApiError(400, "bad.request", "enabled must be true or false (a PolicyUpdate)", {}, [
                        { fieldName: "enabled", errorCode: "invalid.value", message: "enabled must be true or false" },
                    ]);
                }
                const updated = policies.update(params.policyId, { ...fieldsOf(current), enabled });
                return { status: 200, body: present(updated) };
            },
        },
        {
            method: "DELETE",
            pattern: POLICY,
            permissions: allOf("recording:retentionPolicy:delete"),
            handle: ({ params }) => {
                policies.delete(params.policyId);
                return { status: 204 };
            },
        },
    ];
}

/** Media retention policies (`/api/v2/recording/mediaretentionpolicies`): no version, a full PUT, PATCH of `enabled`. */
export const mediaRetentionPolicies: PlatformModule = {
    name: "media retention policies",
    routes: (context) =>
        policyRoutes(
            context.collection({
                name: "platformMediaRetentionPolicies",
                label: "Media retention policy",
                selfUri: (id) => `${POLICIES_PATH}/${id}`,
            }),
        ),
};
