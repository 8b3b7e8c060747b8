import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UNKNOWN } from "../../validation/unknowns";
import { toBody } from "./api";
import { mediaRetentionPolicyProvider as provider } from "./provider";
import type { MediaRetentionPolicyInputs } from "./schema";

/** The vendor's smallest policy: keep inbound calls, archive after a day, delete after three. */
const callPolicy = {
    actions: {
        retainRecording: true,
        retentionDuration: {
            archiveRetention: { days: 1, storageMedium: "CLOUDARCHIVE" },
            deleteRetention: { days: 3 },
        },
    },
    conditions: { directions: ["INBOUND"] },
};
const valid = { __resourceName: "calls", order: 0, mediaPolicies: { callPolicy } };

async function reasonsFor(news: Record<string, unknown>): Promise<Record<string, string>> {
    const { failures } = await provider.check({}, { ...valid, ...news });
    return Object.fromEntries(failures.map((f) => [f.property, f.reason]));
}

describe("MediaRetentionPolicy check", () => {
    it("accepts the platform's smallest policy, enables it and auto-names it", async () => {
        const { inputs, failures } = await provider.check({}, valid);
        assert.deepEqual(failures, []);
        assert.equal(inputs.enabled, true);
        assert.match(String(inputs.name), /^calls-[0-9a-f]{7}$/);
        assert.deepEqual(toBody(inputs as MediaRetentionPolicyInputs), {
            name: inputs.name,
            order: 0,
            description: undefined,
            enabled: true,
            mediaPolicies: { callPolicy },
        });
    });

    it("refuses a delete retention shorter than the archive one, at its path, for recordings and screens", async () => {
        const reasons = await reasonsFor({
            mediaPolicies: {
                chatPolicy: {
                    actions: {
                        retentionDuration: { archiveRetention: { days: 90 }, deleteRetention: { days: 30 } },
                        initiateScreenRecording: { archiveRetention: { days: 10 }, deleteRetention: { days: 5 } },
                    },
                },
            },
        });
        assert.deepEqual(Object.keys(reasons).sort(), [
            "mediaPolicies.chatPolicy.actions.initiateScreenRecording.deleteRetention.days",
            "mediaPolicies.chatPolicy.actions.retentionDuration.deleteRetention.days",
        ]);
        assert.match(
            reasons["mediaPolicies.chatPolicy.actions.retentionDuration.deleteRetention.days"],
            /must be at least retentionDuration.archiveRetention.days \(90\): a recording cannot be deleted before it is archived/,
        );
    });

    it("refuses keeping and deleting the same recordings, and durations on deleted ones", async () => {
        const both = await reasonsFor({
            mediaPolicies: {
                callPolicy: { actions: { retainRecording: true, deleteRecording: true, alwaysDelete: true } },
            },
        });
        assert.deepEqual(Object.keys(both).sort(), [
            "mediaPolicies.callPolicy.actions.alwaysDelete",
            "mediaPolicies.callPolicy.actions.deleteRecording",
        ]);
        assert.match(both["mediaPolicies.callPolicy.actions.deleteRecording"], /contradicts retainRecording: true/);
        const durations = await reasonsFor({
            mediaPolicies: {
                emailPolicy: {
                    actions: { deleteRecording: true, retentionDuration: { deleteRetention: { days: 3 } } },
                },
            },
        });
        assert.match(
            durations["mediaPolicies.emailPolicy.actions.retentionDuration"],
            /keeps recordings that deleteRecording: true deletes/,
        );
    });

    it("takes each channel's own conditions only, and the platform's enums", async () => {
        const reasons = await reasonsFor({
            mediaPolicies: {
                chatPolicy: { conditions: { directions: ["INBOUND"] } },
                callPolicy: { conditions: { directions: ["SIDEWAYS"], customerParticipation: "YES" } },
                messagePolicy: { conditions: { customerParticipation: "MAYBE" } },
                emailPolicy: { actions: { retentionDuration: { archiveRetention: { days: 1, storageMedium: "S3" } } } },
            },
        });
        assert.match(
            reasons["mediaPolicies.chatPolicy.conditions"],
            /unknown field\(s\) directions: chat conditions take/,
        );
        assert.match(reasons["mediaPolicies.callPolicy.conditions"], /unknown field\(s\) customerParticipation/);
        assert.match(reasons["mediaPolicies.callPolicy.conditions.directions[0]"], /"INBOUND", "OUTBOUND"/);
        assert.match(reasons["mediaPolicies.messagePolicy.conditions.customerParticipation"], /"YES", "NO"/);
        assert.match(
            reasons["mediaPolicies.emailPolicy.actions.retentionDuration.archiveRetention.storageMedium"],
            /"CLOUDARCHIVE"/,
        );
    });

    it("checks date ranges, time windows, references and day counts", async () => {
        const reasons = await reasonsFor({
            mediaPolicies: {
                callPolicy: {
                    actions: {
                        retentionDuration: { deleteRetention: { days: 0 } },
                        assignEvaluations: [{ evaluationForm: { id: "../forms" }, user: { id: "u1" } }],
                    },
                    conditions: {
                        dateRanges: ["2025-02-01T00:00:00.000Z/2025-01-01T00:00:00.000Z", "last week"],
                        timeAllowed: {
                            timeZoneId: "Mars/Olympus",
                            timeSlots: [{ startTime: "17:00", stopTime: "08:00", day: 8 }],
                        },
                        forQueues: [{ id: "q1", name: "Sales" }],
                    },
                },
            },
        });
        const at = (path: string) => reasons[`mediaPolicies.callPolicy.${path}`];
        assert.match(at("actions.retentionDuration.deleteRetention.days"), /at least 1/);
        assert.match(at("actions.assignEvaluations[0].evaluationForm.id"), /platform id/);
        assert.match(at("conditions.dateRanges[0]"), /must end after it starts/);
        assert.match(at("conditions.dateRanges[1]"), /ISO 8601 interval/);
        assert.match(at("conditions.timeAllowed.timeZoneId"), /IANA time zone/);
        assert.match(at("conditions.timeAllowed.timeSlots[0].day"), /1 \(Monday\) to 7 \(Sunday\)/);
        assert.match(at("conditions.forQueues[0]"), /unknown field\(s\) name: a queue takes id/);
        const slot = await reasonsFor({
            mediaPolicies: {
                callPolicy: {
                    conditions: {
                        timeAllowed: {
                            timeZoneId: "Europe/Paris",
                            timeSlots: [{ startTime: "17:00", stopTime: "08:00", day: 1 }],
                        },
                    },
                },
            },
        });
        assert.match(slot["mediaPolicies.callPolicy.conditions.timeAllowed.timeSlots[0].stopTime"], /after startTime/);
    });

    it("refuses a policy for no channel", async () => {
        assert.match((await reasonsFor({ mediaPolicies: {} })).mediaPolicies, /at least one of callPolicy, chatPolicy/);
        assert.match((await reasonsFor({ mediaPolicies: undefined })).mediaPolicies, /media policies/);
    });

    it("passes unknown values during preview, and skips rules that would read them", async () => {
        const { failures } = await provider.check(
            {},
            {
                ...valid,
                mediaPolicies: {
                    callPolicy: {
                        actions: {
                            retentionDuration: { archiveRetention: { days: 30 }, deleteRetention: { days: UNKNOWN } },
                            integrationExport: { integration: { id: UNKNOWN } },
                        },
                    },
                },
            },
        );
        assert.deepEqual(failures, []);
    });
});

describe("MediaRetentionPolicy diff", () => {
    it("updates in place for any change, the name included", async () => {
        const { inputs: olds } = await provider.check({}, valid);
        for (const change of [
            { name: "renamed" },
            { order: 3 },
            { enabled: false },
            { mediaPolicies: { chatPolicy: {} } },
        ]) {
            const result = await provider.diff("p1", { ...olds, policyId: "p1" }, { ...olds, ...change });
            assert.equal(result.changes, true, JSON.stringify(change));
            assert.deepEqual(result.replaces, []);
        }
        assert.equal((await provider.diff("p1", { ...olds, policyId: "p1" }, olds)).changes, false);
    });
});
