import { kindProvider } from "../../kindProvider";
import { postedUnversionedCrud } from "../../lifecycle/postedUnversionedCrud";
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
    // No version: an update compares the policy's written fields with what the stack last wrote.
    ...postedUnversionedCrud(api, toBody, { label: LABEL, written: (body) => body, live: writtenFields }),
    inputsFromLive: writtenFields,
    computed: (live) => ({ policyId: live.id }),
});
