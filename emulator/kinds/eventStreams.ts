import { isDeepStrictEqual } from "node:util";
import { badRequest, type FieldError, notFound } from "../apiError";
import { isPlainObject, type JsonObject } from "../jsonObject";
import { crudRoutes, expectedVersion, kindCollection } from "../crudRoutes";
import type { KindContext, KindModule, Route } from "../kind";
import { replaySequence } from "../replaySequence";
import { BodyChecker, type Validation } from "../validation";

export const TOPIC_PATTERN = /^genesys\.[a-z0-9\-.]+$/;
/** What `aws.cloudwatch.EventBus` really has (partner buses included): arn:<partition>:events:<region>:<account>:event-bus/<name>. */
export const EVENT_BUS_ARN_PATTERN =
    /^arn:(aws[a-z-]*):events:([a-z]{2}(?:-[a-z]+)+-\d+):(\d{12}):event-bus\/([A-Za-z0-9._\-/]{1,256})$/;
export const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\-/]{1,512}$/;
export const AWS_REGION_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
export const SEQUENCE_INDEX_TRIGGERS = ["automatic", "manual"] as const;
export const MAX_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;
const ISO_WITH_ZONE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Epoch ms of an ISO 8601 date-time that carries a zone and names a real calendar date; undefined otherwise. */
export function parseZonedDateTime(value: string): number | undefined {
    const parts = ISO_WITH_ZONE.exec(value);
    if (!parts) return undefined;
    const [year, month, day, hour, minute, second] = parts.slice(1, 7).map((part) => Number(part ?? 0));
    const calendar = new Date(Date.UTC(year, month - 1, day));
    const realDate =
        calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
    if (!realDate || hour > 23 || minute > 59 || second > 59) return undefined;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
}

/** Checks a nested object with its own BodyChecker, reporting its failures under `name.field`. */
function nested(
    parent: BodyChecker,
    body: unknown,
    name: string,
    check: (inner: BodyChecker) => void,
    required = true,
): JsonObject | undefined {
    const raw = isPlainObject(body) ? body[name] : undefined;
    if (raw === undefined || raw === null) {
        if (required) parent.fail(name, "required", `${name} is required`);
        return undefined;
    }
    if (!isPlainObject(raw)) {
        parent.fail(name, "invalid.value", `${name} must be a JSON object`);
        return undefined;
    }
    const inner = new BodyChecker(raw);
    check(inner);
    for (const e of inner.errors) parent.fail(`${name}.${e.fieldName}`, e.errorCode, `${name}.${e.message}`);
    if (inner.errors.length > 0) return undefined;
    parent.value[name] = inner.value;
    return inner.value;
}

export function validateEventStream(body: unknown): Validation {
    const check = new BodyChecker(body);
    check.string("name", { maxLength: 200 });
    check.string("description", { required: false });
    check.boolean("enabled");
    check.integer("retentionDays", { min: 1, max: MAX_RETENTION_DAYS });
    nested(check, body, "destination", (destination) => {
        destination.oneOf("type", ["eventbridge"]);
        nested(destination, isPlainObject(body) ? body.destination : undefined, "eventBridgeConfig", (config) => {
            const arn = config.string("arn");
            if (arn !== undefined && !EVENT_BUS_ARN_PATTERN.test(arn)) {
                config.fail(
                    "arn",
                    "invalid.value",
                    "arn must be an EventBridge event bus ARN, arn:<partition>:events:<region>:<12-digit account>:event-bus/<name>",
                );
            }
            const roleArn = config.string("roleArn");
            if (roleArn !== undefined && !ROLE_ARN_PATTERN.test(roleArn)) {
                config.fail(
                    "roleArn",
                    "invalid.value",
                    "roleArn must be an IAM role ARN, arn:<partition>:iam::<12-digit account>:role/<name>",
                );
            }
            const region = config.string("region");
            if (region !== undefined && !AWS_REGION_PATTERN.test(region))
                config.fail("region", "invalid.value", "region must be an AWS region such as us-east-1");
            const arnRegion = arn === undefined ? undefined : EVENT_BUS_ARN_PATTERN.exec(arn)?.[2];
            if (region !== undefined && arnRegion !== undefined && region !== arnRegion) {
                config.fail("region", "invalid.value", `region ${region} must be the event bus's region ${arnRegion}`);
            }
        });
    });
    nested(check, body, "filters", (filters) => {
        filters.stringArray("topics", {
            nonEmpty: true,
            unique: true,
            itemProblem: (topic) =>
                TOPIC_PATTERN.test(topic)
                    ? undefined
                    : `must match ${TOPIC_PATTERN.source}, e.g. genesys.conversations.call`,
        });
    });
    nested(
        check,
        body,
        "replayConfig",
        (replay) => {
            replay.boolean("enabled");
            const startDate = replay.string("startDate");
            if (startDate !== undefined && parseZonedDateTime(startDate) === undefined) {
                replay.fail(
                    "startDate",
                    "invalid.value",
                    "startDate must be an ISO 8601 date-time with a zone, e.g. 2024-01-15T08:00:00Z",
                );
            }
            replay.oneOf("sequenceIndexTrigger", SEQUENCE_INDEX_TRIGGERS);
        },
        false,
    );
    return check.result();
}

/** The clock-dependent rule: a replay starts no later than now and no earlier than the retention window reaches back. */
function replayWindowErrors(fields: JsonObject, now: number): FieldError[] {
    const replay = fields.replayConfig as JsonObject | undefined;
    if (replay?.enabled !== true) return [];
    const start = parseZonedDateTime(String(replay.startDate)) as number;
    const retentionDays = fields.retentionDays as number;
    const fieldName = "replayConfig.startDate";
    if (start > now) {
        return [
            {
                fieldName,
                errorCode: "invalid.value",
                message: `replayConfig.startDate ${replay.startDate} is in the future; a replay can only start at or before now`,
            },
        ];
    }
    const earliest = now - retentionDays * DAY_MS;
    if (start < earliest) {
        return [
            {
                fieldName,
                errorCode: "invalid.value",
                message: `replayConfig.startDate ${replay.startDate} is outside the ${retentionDays}-day retention window (earliest ${new Date(earliest).toISOString()})`,
            },
        ];
    }
    return [];
}

/** A new or changed enabled replay starts over with fresh sequence data; anything else keeps what it had. */
function withReplayStatus(fields: JsonObject, previous: JsonObject | undefined, context: KindContext): JsonObject {
    const replay = fields.replayConfig as JsonObject | undefined;
    if (replay?.enabled !== true) return fields;
    if (previous && isDeepStrictEqual(previous.replayConfig, replay) && previous.replayStatus !== undefined) {
        return { ...fields, replayStatus: previous.replayStatus };
    }
    return { ...fields, replayStatus: replaySequence(context.replay.current()) };
}

function changedReplay(fields: JsonObject, previous: JsonObject | undefined): boolean {
    return !previous || !isDeepStrictEqual(previous.replayConfig, fields.replayConfig);
}

/**
 * Page-based CRUD like every server-id kind, except that writes check the replay window against the clock
 * (only when the replay is new or changed, so an unchanged stream stays writable after its window passes)
 * and reads carry `replayStatus` once a replay exists.
 */
function eventStreamRoutes(context: KindContext): Route[] {
    const collection = kindCollection(eventStreams, context);
    const subject = eventStreams.label.toLowerCase();
    const scopes = {
        readScope: "eventstream:read",
        writeScope: "eventstream:write",
        filterableFields: ["name"],
    } as const;
    const readAndDelete = crudRoutes(eventStreams, context, scopes).filter(
        (route) => route.method === "GET" || route.method === "DELETE",
    );
    const stored = (id: string) => collection.list().find((o) => o.id === id);
    return [
        ...readAndDelete,
        {
            method: "POST",
            pattern: eventStreams.basePath,
            scope: scopes.writeScope,
            handle: ({ body }) => {
                const checked = eventStreams.validate(body);
                if (!checked.ok) throw badRequest(checked.errors, subject);
                const windowErrors = replayWindowErrors(checked.value, context.now());
                if (windowErrors.length > 0) throw badRequest(windowErrors, subject);
                return { status: 200, body: collection.create(withReplayStatus(checked.value, undefined, context)) };
            },
        },
        {
            method: "PUT",
            pattern: `${eventStreams.basePath}/{id}`,
            scope: scopes.writeScope,
            handle: ({ params, body }) => {
                const checked = eventStreams.validate(body);
                const version = expectedVersion(body);
                const errors = [...(checked.ok ? [] : checked.errors), ...(version.error ? [version.error] : [])];
                if (errors.length > 0 || !checked.ok) throw badRequest(errors, subject);
                const previous = stored(params.id);
                if (!previous) throw notFound(eventStreams.label, params.id);
                const windowErrors = changedReplay(checked.value, previous)
                    ? replayWindowErrors(checked.value, context.now())
                    : [];
                if (windowErrors.length > 0) throw badRequest(windowErrors, subject);
                return {
                    status: 200,
                    body: collection.update(
                        params.id,
                        withReplayStatus(checked.value, previous, context),
                        version.version,
                    ),
                };
            },
        },
    ];
}

export const eventStreams: KindModule = {
    name: "eventStreams",
    label: "Event stream",
    basePath: "/api/v2/eventstreams",
    writeOnlyFields: [],
    validate: validateEventStream,
    routes: eventStreamRoutes,
};
