import { z } from "zod";
import { flag, oneOf, platformId, text } from "../../validation/fieldRules";
import { reference, strictShape } from "../../validation/strictShape";
import { containsUnknown } from "../../validation/unknowns";

/** The channels a policy holds a media policy for, by their key in `mediaPolicies`. */
export const CHANNEL_POLICIES = ["callPolicy", "chatPolicy", "emailPolicy", "messagePolicy"] as const;
export type ChannelPolicy = (typeof CHANNEL_POLICIES)[number];

/** The platform's enums (Java SDK docs: ArchiveRetention, CallMediaPolicyConditions, DurationCondition, …). */
export const STORAGE_MEDIA = ["CLOUDARCHIVE"] as const;
export const DIRECTIONS = ["INBOUND", "OUTBOUND"] as const;
export const CUSTOMER_PARTICIPATION = ["YES", "NO"] as const;
export const DURATION_TARGETS = ["DURATION", "DURATION_RANGE"] as const;
export const DURATION_MODES = ["Between", "Over", "Under"] as const;

const days = z
    .number({ error: "must be a whole number of days, at least 1" })
    .int({ error: "must be a whole number of days, at least 1" })
    .min(1, { error: "must be a whole number of days, at least 1" });
const count = (min: number) =>
    z
        .number({ error: `must be a whole number, at least ${min}` })
        .int({ error: `must be a whole number, at least ${min}` })
        .min(min, { error: `must be a whole number, at least ${min}` });

const archiveRetention = strictShape("an archive retention", {
    days,
    storageMedium: oneOf(STORAGE_MEDIA).optional(),
});
const deleteRetention = strictShape("a delete retention", { days });

// A UTC instant as the platform writes them in date ranges: 2022-05-12T04:00:00.000Z.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;
const dateRange = z.string({ error: "must be an ISO 8601 interval start/end" }).superRefine((value, ctx) => {
    const [start, end, ...rest] = value.split("/");
    if (rest.length > 0 || !INSTANT.test(start ?? "") || !INSTANT.test(end ?? "") || Number.isNaN(Date.parse(start))) {
        ctx.addIssue({
            code: "custom",
            message:
                "must be an ISO 8601 interval of two UTC instants, e.g. 2025-01-01T00:00:00.000Z/2025-02-01T00:00:00.000Z",
        });
    } else if (Date.parse(end) <= Date.parse(start)) {
        ctx.addIssue({ code: "custom", message: "must end after it starts" });
    }
});

// Times of day as the vendor's Terraform examples write them: 10:10:10.010 (seconds and milliseconds optional).
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{3})?)?$/;
const clock = z.string({ error: "must be a time of day HH:mm[:ss[.SSS]]" }).regex(CLOCK, {
    error: "must be a time of day HH:mm[:ss[.SSS]], e.g. 08:00 or 17:30:00.000",
});
const timeSlot = strictShape("a time slot", {
    startTime: clock,
    stopTime: clock,
    day: z
        .number({ error: "must be a day of the week from 1 (Monday) to 7 (Sunday)" })
        .int({ error: "must be a day of the week from 1 (Monday) to 7 (Sunday)" })
        .min(1, { error: "must be a day of the week from 1 (Monday) to 7 (Sunday)" })
        .max(7, { error: "must be a day of the week from 1 (Monday) to 7 (Sunday)" }),
}).superRefine(
    (slot, ctx) => {
        // Zero-padded times compare as text.
        if (!containsUnknown(slot) && slot.stopTime <= slot.startTime) {
            ctx.addIssue({ code: "custom", path: ["stopTime"], message: "must be after startTime" });
        }
    },
    { when: (payload) => payload.issues.length === 0 },
);
function isTimeZone(value: string): boolean {
    try {
        new Intl.DateTimeFormat("en", { timeZone: value });
        return true;
    } catch {
        return false;
    }
}
const timeAllowed = strictShape("a time window", {
    timeSlots: z.array(timeSlot, { error: "must be a list of time slots" }).min(1, { error: "must list a time slot" }),
    timeZoneId: z
        .string({ error: "must be an IANA time zone such as Europe/Paris" })
        .refine(isTimeZone, { error: "must be an IANA time zone such as Europe/Paris" }),
    empty: flag.optional(),
});
const duration = strictShape("a duration condition", {
    durationTarget: oneOf(DURATION_TARGETS).optional(),
    durationOperator: text(64).optional(),
    durationRange: text(64).optional(),
    durationMode: oneOf(DURATION_MODES).optional(),
});

const references = (what: string) => z.array(reference(what), { error: `must be a list of {id} of ${what}s` });

/** What every channel's conditions take; each channel adds its own below. */
const commonConditions = {
    forUsers: references("a user").optional(),
    dateRanges: z.array(dateRange, { error: "must be a list of date ranges" }).optional(),
    forQueues: references("a queue").optional(),
    wrapupCodes: references("a wrap-up code").optional(),
    languages: references("a language").optional(),
    timeAllowed: timeAllowed.optional(),
    teams: references("a team").optional(),
};
const callConditions = strictShape("call conditions", {
    ...commonConditions,
    directions: z
        .array(oneOf(DIRECTIONS), { error: "must be a list of directions" })
        .min(1, { error: "must list INBOUND, OUTBOUND or both" })
        .optional(),
    duration: duration.optional(),
});
const chatConditions = strictShape("chat conditions", { ...commonConditions, duration: duration.optional() });
const conversationConditions = (what: string) =>
    strictShape(what, { ...commonConditions, customerParticipation: oneOf(CUSTOMER_PARTICIPATION).optional() });

const timeInterval = strictShape("a time interval", {
    months: count(0).optional(),
    weeks: count(0).optional(),
    days: count(0).optional(),
    hours: count(0).optional(),
});
const evaluators = references("an evaluator").min(1, { error: "must list at least one evaluator" });
const actions = strictShape("policy actions", {
    retainRecording: flag.optional(),
    deleteRecording: flag.optional(),
    alwaysDelete: flag.optional(),
    assignEvaluations: z
        .array(
            strictShape("an evaluation", {
                evaluationForm: reference("an evaluation form"),
                user: reference("a user"),
            }),
        )
        .optional(),
    assignMeteredEvaluations: z
        .array(
            strictShape("a metered evaluation", {
                evaluationContextId: platformId.optional(),
                evaluators,
                maxNumberEvaluations: count(1),
                evaluationForm: reference("an evaluation form"),
                assignToActiveUser: flag.optional(),
                timeInterval: timeInterval.optional(),
            }),
        )
        .optional(),
    assignMeteredAssignmentByAgent: z
        .array(
            strictShape("a metered evaluation by agent", {
                evaluationContextId: platformId.optional(),
                evaluators,
                maxNumberEvaluations: count(1),
                evaluationForm: reference("an evaluation form"),
                timeInterval: timeInterval.optional(),
                timeZone: z.string().refine(isTimeZone, { error: "must be an IANA time zone" }).optional(),
            }),
        )
        .optional(),
    assignCalibrations: z
        .array(
            strictShape("a calibration", {
                calibrator: reference("a user"),
                evaluators,
                evaluationForm: reference("an evaluation form"),
                expertEvaluator: reference("a user").optional(),
            }),
        )
        .optional(),
    assignSurveys: z
        .array(
            strictShape("a survey", {
                surveyForm: strictShape("a published survey form", {
                    id: platformId.optional(),
                    name: text(256).optional(),
                    contextId: platformId.optional(),
                }),
                flow: reference("a flow").optional(),
                inviteTimeInterval: text(64).optional(),
                sendingUser: text(256).optional(),
                sendingDomain: text(256),
                useThreadingTimelineForSendTime: flag.optional(),
            }),
        )
        .optional(),
    retentionDuration: strictShape("a retention duration", {
        archiveRetention: archiveRetention.optional(),
        deleteRetention: deleteRetention.optional(),
    }).optional(),
    initiateScreenRecording: strictShape("a screen recording", {
        recordACW: flag.optional(),
        archiveRetention: archiveRetention.optional(),
        deleteRetention: deleteRetention.optional(),
    }).optional(),
    integrationExport: strictShape("an export to an integration", {
        integration: reference("an aws-s3-recording-bulk-actions-integration"),
        shouldExportScreenRecordings: flag.optional(),
    }).optional(),
});

export type PolicyActionsInput = z.infer<typeof actions>;

/** Where in `actions` a delete retention must not come before the archive one. */
const RETENTION_PAIRS = [
    ["retentionDuration", "archiveRetention", "deleteRetention"],
    ["initiateScreenRecording", "archiveRetention", "deleteRetention"],
] as const;

/** Combinations of actions the platform would hold but cannot carry out, each at its own path. */
export function contradictoryActions(value: PolicyActionsInput): { path: string[]; message: string }[] {
    const found: { path: string[]; message: string }[] = [];
    const deletes = (["deleteRecording", "alwaysDelete"] as const).filter((key) => value[key] === true);
    if (value.retainRecording === true) {
        for (const key of deletes) {
            found.push({
                path: [key],
                message: `contradicts retainRecording: true (a recording is either kept or deleted); set one of them to false`,
            });
        }
    } else if (deletes.length > 0 && value.retentionDuration !== undefined) {
        found.push({
            path: ["retentionDuration"],
            message: `keeps recordings that ${deletes[0]}: true deletes; remove it, or set ${deletes[0]} to false and retainRecording to true`,
        });
    }
    for (const [parent, archive, remove] of RETENTION_PAIRS) {
        const archiveDays = value[parent]?.[archive]?.days;
        const deleteDays = value[parent]?.[remove]?.days;
        if (archiveDays !== undefined && deleteDays !== undefined && deleteDays < archiveDays) {
            found.push({
                path: [parent, remove, "days"],
                message: `must be at least ${parent}.${archive}.days (${archiveDays}): a recording cannot be deleted before it is archived`,
            });
        }
    }
    return found;
}

const checkedActions = actions.superRefine(
    (value, ctx) => {
        if (containsUnknown(value)) return;
        for (const { path, message } of contradictoryActions(value)) ctx.addIssue({ code: "custom", path, message });
    },
    { when: (payload) => payload.issues.length === 0 },
);

export const mediaPolicies = strictShape("media policies", {
    callPolicy: strictShape("a call policy", {
        actions: checkedActions.optional(),
        conditions: callConditions.optional(),
    }).optional(),
    chatPolicy: strictShape("a chat policy", {
        actions: checkedActions.optional(),
        conditions: chatConditions.optional(),
    }).optional(),
    emailPolicy: strictShape("an email policy", {
        actions: checkedActions.optional(),
        conditions: conversationConditions("email conditions").optional(),
    }).optional(),
    messagePolicy: strictShape("a message policy", {
        actions: checkedActions.optional(),
        conditions: conversationConditions("message conditions").optional(),
    }).optional(),
}).refine((value) => CHANNEL_POLICIES.some((key) => value[key] !== undefined), {
    error: `must hold at least one of ${CHANNEL_POLICIES.join(", ")}: a policy without one applies to nothing`,
});

export type MediaPoliciesInput = z.infer<typeof mediaPolicies>;

export const mediaRetentionPolicyInputs = z.object({
    name: text(256),
    order: count(0).optional(),
    description: text(1000).optional(),
    enabled: flag,
    mediaPolicies,
});

export type MediaRetentionPolicyInputs = z.infer<typeof mediaRetentionPolicyInputs>;

export const mediaRetentionPolicyDefaults: Partial<MediaRetentionPolicyInputs> = { enabled: true };
