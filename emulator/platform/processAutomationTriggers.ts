import type { Models } from "purecloud-platform-client-v2";
import { ApiError, badRequest, type FieldError } from "../apiError";
import type { Collection } from "../collection";
import { isPlainObject, type JsonObject } from "../jsonObject";
import type { Route } from "../kind";
import { cursorList, sentQuery } from "../pagination";
import { NOTIFICATION_TOPIC as TOPIC } from "../../provider/validation/notificationTopic";
import { allOf, anyOf } from "./permissions";
import type { PlatformModule } from "./platformModule";

const TRIGGERS_PATH = "/api/v2/processautomation/triggers";
const TRIGGER = `${TRIGGERS_PATH}/{triggerId}`;
/** "Maximum of 200" (the list's pageSize). */
const MAX_TRIGGER_PAGE = 200;

const OPERATORS = [
    "GreaterThanOrEqual",
    "LessThanOrEqual",
    "Equal",
    "NotEqual",
    "LessThan",
    "GreaterThan",
    "NotIn",
    "In",
    "Contains",
    "All",
    "Exists",
    "Size",
];
const DATA_FORMATS = ["Json", "TopLevelPrimitives"];

/** What the platform checks of a `CreateTriggerRequest` (and an `UpdateTriggerRequest`, `version` aside). */
export function triggerErrors(body: unknown): FieldError[] {
    const errors: FieldError[] = [];
    const fail = (fieldName: string, errorCode: string, message: string) =>
        errors.push({ fieldName, errorCode, message: `${fieldName} ${message}` });
    if (!isPlainObject(body)) {
        fail("body", "invalid.value", "must be a JSON object (a CreateTriggerRequest)");
        return errors;
    }
    for (const key of ["name", "topicName"]) {
        const value = body[key];
        if (typeof value !== "string" || value.trim() === "") fail(key, "required", "is required");
        else if (value.length > 256) fail(key, "invalid.value", "must be at most 256 characters");
    }
    if (typeof body.topicName === "string" && body.topicName !== "" && !TOPIC.test(body.topicName))
        fail("topicName", "invalid.value", "is not a topic (see /api/v2/processautomation/triggers/topics)");
    if (typeof body.enabled !== "boolean") fail("enabled", "required", "is required (true or false)");
    const target = body.target;
    if (!isPlainObject(target)) fail("target", "required", "is required: {type: Workflow, id}");
    else {
        if (target.type !== "Workflow") fail("target.type", "invalid.value", "must be Workflow");
        if (typeof target.id !== "string" || target.id === "") fail("target.id", "required", "is required");
        const format = isPlainObject(target.workflowTargetSettings)
            ? target.workflowTargetSettings.dataFormat
            : undefined;
        if (format !== undefined && !DATA_FORMATS.includes(format as string))
            fail(
                "target.workflowTargetSettings.dataFormat",
                "invalid.value",
                `must be one of ${DATA_FORMATS.join(", ")}`,
            );
    }
    if (body.matchCriteria !== undefined && !Array.isArray(body.matchCriteria))
        fail("matchCriteria", "invalid.value", "must be a list");
    (Array.isArray(body.matchCriteria) ? body.matchCriteria : []).forEach((criterion, i) => {
        const at = `matchCriteria[${i}]`;
        if (!isPlainObject(criterion)) {
            fail(at, "invalid.value", "must be an object {jsonPath, operator, value|values}");
            return;
        }
        if (typeof criterion.jsonPath !== "string" || !criterion.jsonPath.startsWith("$"))
            fail(`${at}.jsonPath`, "invalid.value", "must be a JSONPath starting with $");
        if (!OPERATORS.includes(criterion.operator as string))
            fail(`${at}.operator`, "invalid.value", `must be one of ${OPERATORS.join(", ")}`);
        if ((criterion.value === undefined) === (criterion.values === undefined))
            fail(at, "invalid.value", "must have exactly one of value and values");
    });
    const ttl = body.eventTTLSeconds;
    if (ttl !== undefined && !(Number.isInteger(ttl) && (ttl as number) >= 10))
        fail("eventTTLSeconds", "invalid.value", "must be a whole number of seconds, at least 10");
    const delay = body.delayBySeconds;
    if (delay !== undefined && !(Number.isInteger(delay) && (delay as number) >= 60 && (delay as number) <= 900))
        fail("delayBySeconds", "invalid.value", "must be a whole number of seconds from 60 to 900");
    if (ttl !== undefined && delay !== undefined)
        fail("delayBySeconds", "invalid.value", "cannot be set with eventTTLSeconds (only one of them)");
    if (body.description !== undefined && !(typeof body.description === "string" && body.description.length <= 512))
        fail("description", "invalid.value", "must be a string of at most 512 characters");
    return errors;
}

function checked(body: unknown): JsonObject {
    const errors = triggerErrors(body);
    if (errors.length > 0) throw badRequest(errors, "trigger");
    const { name, topicName, target, enabled, matchCriteria, eventTTLSeconds, delayBySeconds, description } =
        body as JsonObject;
    const fields = { name, topicName, target, enabled, matchCriteria, eventTTLSeconds, delayBySeconds, description };
    return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null));
}

function present(stored: JsonObject): Models.Trigger {
    const { dateCreated: _created, dateModified: _modified, ...trigger } = stored;
    return trigger as Models.Trigger;
}

function triggerRoutes(triggers: Collection): Route[] {
    const view = anyOf("processautomation:trigger:view", "processautomation:trigger:edit");
    return [
        {
            method: "GET",
            pattern: TRIGGERS_PATH,
            permissions: view,
            handle: ({ query }) => {
                const topics = (query.get("topicName") ?? "").split(",").filter((t) => t !== "");
                const enabled = query.get("enabled");
                const delayed = query.get("hasDelayBy");
                const entities = triggers
                    .list()
                    .filter((t) => topics.length === 0 || topics.includes(t.topicName as string))
                    .filter((t) => enabled === null || String(t.enabled) === enabled.toLowerCase())
                    .filter((t) => delayed === null || String(t.delayBySeconds !== undefined) === delayed.toLowerCase())
                    .map(present);
                const keep = sentQuery(query, ["topicName", "enabled", "hasDelayBy"]);
                const body: Models.TriggerEntityListing = cursorList(
                    entities,
                    query,
                    TRIGGERS_PATH,
                    MAX_TRIGGER_PAGE,
                    keep,
                );
                return { status: 200, body };
            },
        },
        {
            method: "POST",
            pattern: TRIGGERS_PATH,
            permissions: allOf("processautomation:trigger:add"),
            handle: ({ body }) => ({ status: 200, body: present(triggers.create(checked(body))) }),
        },
        {
            method: "GET",
            pattern: TRIGGER,
            permissions: view,
            handle: ({ params }) => ({ status: 200, body: present(triggers.get(params.triggerId)) }),
        },
        {
            method: "PUT",
            pattern: TRIGGER,
            permissions: allOf("processautomation:trigger:edit"),
            handle: ({ params, body }) => {
                const current = triggers.current(params.triggerId);
                const fields = checked(body);
                const version = isPlainObject(body) ? body.version : undefined;
                if (!Number.isInteger(version)) {
                    throw badRequest(
                        [
                            {
                                fieldName: "version",
                                errorCode: "required",
                                message: "version is required: the version you last read",
                            },
                        ],
                        "trigger",
                    );
                }
                if (fields.topicName !== current.topicName) {
                    throw badRequest(
                        [
                            {
                                fieldName: "topicName",
                                errorCode: "invalid.value",
                                message: `topicName must match the trigger's topic ${current.topicName}: it cannot be updated after creation`,
                            },
                        ],
                        "trigger",
                    );
                }
                if (version !== current.version) {
                    throw new ApiError(
                        409,
                        "version.mismatch",
                        `The version ${version} does not match the current version ${current.version} of trigger ${params.triggerId}; read it again and retry with its version.`,
                        { currentVersion: String(current.version), requestedVersion: String(version) },
                    );
                }
                return { status: 200, body: present(triggers.update(params.triggerId, fields)) };
            },
        },
        {
            method: "DELETE",
            pattern: TRIGGER,
            permissions: allOf("processautomation:trigger:delete"),
            handle: ({ params }) => {
                triggers.delete(params.triggerId);
                return { status: 204 };
            },
        },
    ];
}

/** Process-automation triggers (`/api/v2/processautomation/triggers`): `version` on update, a cursor-paged list. */
export const processAutomationTriggers: PlatformModule = {
    name: "process automation triggers",
    routes: (context) =>
        triggerRoutes(
            context.collection({
                name: "platformProcessAutomationTriggers",
                label: "Trigger",
                selfUri: (id) => `${TRIGGERS_PATH}/${id}`,
            }),
        ),
};
