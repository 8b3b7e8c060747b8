import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import type { CrossFieldRule } from "../../validation/checkInputs";
import { awsRegion, iamRoleArn } from "../../validation/awsFields";
import { flag, matching, oneOf, text, uniqueList, wholeNumber } from "../../validation/fieldRules";
import { isUnknown } from "../../validation/unknowns";
import { parseZonedDateTime } from "./zonedDateTime";

export const TOPIC_PATTERN = /^genesys\.[a-z0-9\-.]+$/;
/**
 * The ARN `aws.cloudwatch.EventBus` really has, partner buses (`aws.partner/genesys.com/…`) included. An
 * `arn:aws:eventbridge:…` form is not one AWS issues, so accepting only it would refuse every real bus.
 */
export const EVENT_BUS_ARN_PATTERN =
    /^arn:(aws[a-z-]*):events:([a-z]{2}(?:-[a-z]+)+-\d+):(\d{12}):event-bus\/([A-Za-z0-9._\-/]{1,256})$/;
export const SEQUENCE_INDEX_TRIGGERS = ["automatic", "manual"] as const;
export type SequenceIndexTrigger = (typeof SEQUENCE_INDEX_TRIGGERS)[number];
export const MAX_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;

/** The region part of an event bus ARN, or undefined when the value is not one. */
export function eventBusRegion(arn: unknown): string | undefined {
    return typeof arn === "string" ? EVENT_BUS_ARN_PATTERN.exec(arn)?.[2] : undefined;
}

const zonedDateTime = z
    .string({ error: "must be an ISO 8601 date-time with a zone, e.g. 2024-01-15T08:00:00Z" })
    .refine((value) => parseZonedDateTime(value) !== undefined, {
        error: "must be an ISO 8601 date-time with a zone (Z or an offset such as +01:00) on a real calendar date, e.g. 2024-01-15T08:00:00Z",
    });

export const eventStreamInputs = z.object({
    name: text(200),
    description: text(1000).optional(),
    enabled: flag,
    topics: uniqueList(
        matching(
            TOPIC_PATTERN,
            "a Genesys topic matching genesys.<namespace>.<event>, e.g. genesys.conversations.call",
        ),
        {
            min: 1,
            noun: "topic",
        },
    ),
    retentionDays: wholeNumber(1, MAX_RETENTION_DAYS, "days"),
    eventBusArn: matching(
        EVENT_BUS_ARN_PATTERN,
        "an EventBridge event bus ARN, arn:<partition>:events:<region>:<12-digit account>:event-bus/<name>",
    ),
    roleArn: iamRoleArn,
    /** Filled from `eventBusArn` by `check` when omitted. */
    region: awsRegion.optional(),
    replay: z
        .strictObject(
            {
                startDate: zonedDateTime,
                /** Filled with "automatic" by `check` when omitted. */
                sequenceIndexTrigger: oneOf(SEQUENCE_INDEX_TRIGGERS).optional(),
            },
            { error: "must be an object: { startDate, sequenceIndexTrigger? }" },
        )
        .optional(),
});

export type EventStreamInputs = z.infer<typeof eventStreamInputs>;

export const eventStreamDefaults: Partial<EventStreamInputs> = { enabled: true };

/**
 * Defaults that depend on other inputs, applied before `check` validates, so state holds what the platform
 * will hold and an omitted region or trigger never shows as drift. Values that are not plain yet (unknown
 * during preview, or invalid) are left for validation to report.
 */
export function withDerivedDefaults(news: Record<string, unknown>): Record<string, unknown> {
    const inputs = { ...news };
    const busRegion = eventBusRegion(inputs.eventBusArn);
    if (inputs.region === undefined && busRegion !== undefined) inputs.region = busRegion;
    const replay = inputs.replay;
    if (replay !== null && typeof replay === "object" && !Array.isArray(replay) && !isUnknown(replay)) {
        if ((replay as Record<string, unknown>).sequenceIndexTrigger === undefined)
            inputs.replay = { ...replay, sequenceIndexTrigger: "automatic" };
    }
    return inputs;
}

/**
 * The rule table. `now` is injected so tests control the clock. The replay window depends on the date, so
 * it applies only when the replay is new or changed: an unchanged stack must not start failing once its
 * replay's start date falls out of the window months later.
 */
export function eventStreamRules(now: () => Date): CrossFieldRule<EventStreamInputs>[] {
    return [
        {
            reads: ["eventBusArn", "region"],
            check({ eventBusArn, region }) {
                const busRegion = eventBusRegion(eventBusArn);
                if (region === undefined || busRegion === undefined || region === busRegion) return [];
                return [
                    {
                        property: "region",
                        reason:
                            `region ${region} is not the event bus's region ${busRegion} (from eventBusArn): EventBridge delivers only ` +
                            `within the bus's region; drop region to use the bus's, or point eventBusArn at a bus in ${region}`,
                    },
                ];
            },
        },
        {
            reads: ["replay", "retentionDays"],
            check({ replay, retentionDays }, olds) {
                if (replay === undefined || (olds !== undefined && isDeepStrictEqual(olds.replay, replay))) return [];
                const start = parseZonedDateTime(replay.startDate) as number;
                const current = now().getTime();
                if (start > current) {
                    return [
                        {
                            property: "replay.startDate",
                            reason: `replay.startDate ${replay.startDate} is in the future (now is ${new Date(current).toISOString()}): a replay re-delivers past events; use a start at or before now`,
                        },
                    ];
                }
                const earliest = current - retentionDays * DAY_MS;
                if (start >= earliest) return [];
                return [
                    {
                        property: "replay.startDate",
                        reason:
                            `replay.startDate ${replay.startDate} is before the ${retentionDays}-day retention window, which reaches back to ` +
                            `${new Date(earliest).toISOString()}: events older than that are gone; start later or raise retentionDays (at most ${MAX_RETENTION_DAYS})`,
                    },
                ];
            },
        },
    ];
}
