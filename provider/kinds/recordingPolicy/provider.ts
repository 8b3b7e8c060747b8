import { kindProvider } from "../../kindProvider";
import { postedObjectCrud } from "../../lifecycle/postedObjectCrud";
import { type LiveRecordingPolicy, recordingPolicyApi as api, toBody } from "./api";
import { codecMatrix, estimatedBandwidthKbps } from "./derived";
import {
    type RecordingPolicyInputs,
    recordingPolicyDefaults,
    recordingPolicyInputs,
    recordingPolicyRules,
} from "./schema";

const LABEL = "recording policy";

export const recordingPolicyProvider = kindProvider<RecordingPolicyInputs, LiveRecordingPolicy>({
    label: LABEL,
    schema: recordingPolicyInputs,
    rules: recordingPolicyRules,
    defaults: recordingPolicyDefaults,
    nameMaxLength: 200,
    replaceOn: [],
    // A copy of the paired target's retention, for the rule at preview: not a reason to write the policy.
    checkOnly: ["storageTargetRetentionDays"],

    ...postedObjectCrud(LABEL, api, toBody),

    inputsFromLive: (live, oldInputs) => ({
        name: live.name,
        description: live.description,
        enabled: live.enabled,
        mediaTypes: live.mediaTypes,
        quality: live.recordingQuality,
        retentionDays: live.retentionDays,
        maxDurationHours: live.maxDurationHours,
        storageTargetId: live.storageTargetId,
        storageTargetRetentionDays: oldInputs.storageTargetRetentionDays,
        webhookUrls: live.webhookUrls,
    }),

    computed: (live) => ({
        policyId: live.id,
        version: live.version,
        codecMatrix: codecMatrix(live.mediaTypes, live.recordingQuality),
        estimatedBandwidthKbps: estimatedBandwidthKbps(live.mediaTypes, live.recordingQuality),
    }),
});
