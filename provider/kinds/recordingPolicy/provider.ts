import { kindProvider } from "../../kindProvider";
import { bodyMatches } from "../../lifecycle/bodyMatches";
import { createAdoptingOrphan } from "../../lifecycle/createByPost";
import { updateVersioned } from "../../lifecycle/versionedUpdate";
import { LiveRecordingPolicy, recordingPolicyApi as api, toBody } from "./api";
import { codecMatrix, estimatedBandwidthKbps } from "./derived";
import { RecordingPolicyInputs, recordingPolicyDefaults, recordingPolicyInputs, recordingPolicyRules } from "./schema";

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

    create(client, inputs) {
        const body = toBody(inputs);
        return createAdoptingOrphan({
            post: () => api.create(client, body),
            findByName: () => api.findByName(client, body.name),
        });
    },

    read: (client, id) => api.get(client, id),

    update(client, id, olds, inputs) {
        const body = toBody(inputs);
        return updateVersioned({
            label: LABEL,
            id,
            knownVersion: Number(olds.version),
            put: (version) => api.put(client, id, body, version),
            get: async () => {
                const live = await api.get(client, id);
                if (!live) throw new Error(`the ${LABEL} ${id} no longer exists on the platform: run \`pulumi refresh\` to drop it from the stack`);
                return live;
            },
            holdsOurChange: (live) => bodyMatches({ ...body }, { ...live }),
        });
    },

    delete: (client, id) => api.delete(client, id),

    idOf: (live) => live.id,

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

    outputs(live, inputs) {
        return {
            ...this.inputsFromLive(live, inputs),
            policyId: live.id,
            version: live.version,
            codecMatrix: codecMatrix(live.mediaTypes, live.recordingQuality),
            estimatedBandwidthKbps: estimatedBandwidthKbps(live.mediaTypes, live.recordingQuality),
        };
    },
});
