import { kindProvider } from "../../kindProvider";
import { postedCreate } from "../../lifecycle/postedObjectCrud";
import { readConfirmingGone } from "../../lifecycle/confirmGone";
import { updateUnversioned } from "../../lifecycle/unversionedUpdate";
import { projectOnSchema } from "../../validation/schemaProjection";
import { type LivePolicy, policyApi as api, toBody } from "./api";
import {
    type MediaRetentionPolicyInputs,
    mediaPolicies,
    mediaRetentionPolicyDefaults,
    mediaRetentionPolicyInputs,
} from "./schema";

const LABEL = "media retention policy";

/** What the live policy holds of the fields this kind writes, in the form the inputs give them. */
function writtenFields(live: LivePolicy): Record<string, unknown> {
    return {
        name: live.name,
        order: live.order,
        description: live.description,
        enabled: live.enabled,
        mediaPolicies: projectOnSchema(mediaPolicies, live.mediaPolicies),
    };
}

export const mediaRetentionPolicyProvider = kindProvider<MediaRetentionPolicyInputs, LivePolicy>({
    label: LABEL,
    schema: mediaRetentionPolicyInputs,
    defaults: mediaRetentionPolicyDefaults,
    nameMaxLength: 256,
    replaceOn: [],
    ...postedCreate(api, toBody),
    read: (client, id) => api.get(client, id),
    delete: (client, id) => api.delete(client, id),
    idOf: (live) => live.id,
    update(client, id, olds, inputs) {
        const body = toBody(inputs);
        return updateUnversioned({
            label: LABEL,
            id,
            known: toBody(olds as MediaRetentionPolicyInputs),
            sent: body,
            put: () => api.put(client, id, body),
            // Right after a write the platform may still answer 404: a policy is gone only if it stays missing.
            get: () => readConfirmingGone(() => api.get(client, id), client.readAfterWriteMs),
            fieldsOf: writtenFields,
        });
    },
    inputsFromLive: writtenFields,
    computed: (live) => ({ policyId: live.id }),
});
