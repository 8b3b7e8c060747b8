import { z } from "zod";
import { flag, oneOf, platformId, text } from "../../validation/fieldRules";
import { notificationTopic } from "../../validation/notificationTopic";
import { strictShape } from "../../validation/strictShape";
import type { CrossFieldRule } from "../../validation/checkInputs";
import { containsUnknown } from "../../validation/unknowns";

/** The platform's enums (Java SDK docs: TriggerTarget, WorkflowTargetSettings, MatchCriteria). */
export const TARGET_TYPES = ["Workflow"] as const;
export const DATA_FORMATS = ["Json", "TopLevelPrimitives"] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];
/** Operators compared with a list in `values`; every other operator takes one `value`. */
export const LIST_OPERATORS = ["In", "NotIn", "All"] as const;
export const NUMBER_OPERATORS = ["GreaterThan", "GreaterThanOrEqual", "LessThan", "LessThanOrEqual"] as const;
export const MATCH_OPERATORS = [
    ...NUMBER_OPERATORS,
    "Equal",
    "NotEqual",
    "Contains",
    "Exists",
    "Size",
    ...LIST_OPERATORS,
] as const;

/** eventTTLSeconds and delayBySeconds bounds, from the platform's model descriptions. */
export const MIN_EVENT_TTL_SECONDS = 10;
export const DELAY_SECONDS = { min: 60, max: 900 } as const;

const seconds = (min: number, max?: number) => {
    const range = max === undefined ? `at least ${min}` : `from ${min} to ${max}`;
    const error = `must be a whole number of seconds ${range}`;
    const base = z.number({ error }).int({ error }).min(min, { error });
    return max === undefined ? base : base.max(max, { error });
};

const target = strictShape("a trigger target", {
    type: oneOf(TARGET_TYPES),
    id: platformId,
    workflowTargetSettings: strictShape("workflow target settings", { dataFormat: oneOf(DATA_FORMATS) }).optional(),
});

const criterion = strictShape("a match criterion", {
    // Goessner JSONPath into the event's body.
    jsonPath: text(512).regex(/^\$/, {
        error: "must be a JSONPath into the event, starting with $ (e.g. $.mediaType)",
    }),
    operator: oneOf(MATCH_OPERATORS),
    value: z.json().optional(),
    values: z.array(z.json(), { error: "must be a list" }).optional(),
}).superRefine(
    (value, ctx) => {
        if (containsUnknown(value)) return;
        const fail = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
        const takesList = (LIST_OPERATORS as readonly string[]).includes(value.operator);
        const one = value.value !== undefined;
        const many = value.values !== undefined;
        if (takesList) {
            if (one) fail("value", `is not read by ${value.operator}, which compares with a list: use values`);
            if (!many || value.values?.length === 0) fail("values", `must list what ${value.operator} compares with`);
            return;
        }
        if (many) fail("values", `is read only by ${LIST_OPERATORS.join(", ")}: use value with ${value.operator}`);
        if (!one) fail("value", `is required with ${value.operator}`);
        else if (value.operator === "Exists" && typeof value.value !== "boolean")
            fail("value", "must be true or false with Exists (whether the path is present)");
        else if (value.operator === "Size" && !(Number.isInteger(value.value) && (value.value as number) >= 0))
            fail("value", "must be a whole number with Size (the length of the list at the path)");
        else if ((NUMBER_OPERATORS as readonly string[]).includes(value.operator) && typeof value.value !== "number")
            fail("value", `must be a number with ${value.operator}`);
    },
    { when: (payload) => payload.issues.length === 0 },
);

export const processAutomationTriggerInputs = z.object({
    name: text(256),
    topicName: notificationTopic,
    target,
    matchCriteria: z.array(criterion, { error: "must be a list of match criteria" }).optional(),
    eventTTLSeconds: seconds(MIN_EVENT_TTL_SECONDS).optional(),
    delayBySeconds: seconds(DELAY_SECONDS.min, DELAY_SECONDS.max).optional(),
    enabled: flag,
    description: text(512).optional(),
});

export type ProcessAutomationTriggerInputs = z.infer<typeof processAutomationTriggerInputs>;

export const processAutomationTriggerDefaults: Partial<ProcessAutomationTriggerInputs> = { enabled: true };

export const processAutomationTriggerRules: CrossFieldRule<ProcessAutomationTriggerInputs>[] = [
    {
        reads: ["eventTTLSeconds", "delayBySeconds"],
        check({ eventTTLSeconds, delayBySeconds }) {
            if (eventTTLSeconds === undefined || delayBySeconds === undefined) return [];
            return [
                {
                    property: "delayBySeconds",
                    reason: "delayBySeconds cannot be set with eventTTLSeconds: a trigger either delays its events or lets them expire; keep one",
                },
            ];
        },
    },
];

/** The target's type where the program left it out: Workflow is the one type the platform has. */
export function withTargetType(news: Record<string, unknown>): Record<string, unknown> {
    const given = news.target;
    if (typeof given !== "object" || given === null || Array.isArray(given) || "type" in given) return news;
    return { ...news, target: { type: TARGET_TYPES[0], ...given } };
}
