import type { Models } from "purecloud-platform-client-v2";
import { asModel } from "../../client/platformModel";
import { objectCollection } from "../../lifecycle/objectCollection";
import type { MediaPoliciesInput, MediaRetentionPolicyInputs } from "./schema";

export const MEDIA_RETENTION_POLICIES = "/api/v2/recording/mediaretentionpolicies";

/** A policy as the platform returns it: it always names and identifies it. */
export type LivePolicy = Models.Policy & { id: string; name: string };

/** The fields this kind writes: the POST body (`PolicyCreate`), and the PUT body (`Policy`), which replaces them all. */
export type PolicyBody = Pick<Models.PolicyCreate, "name" | "order" | "description" | "enabled" | "mediaPolicies">;

export function toBody(inputs: MediaRetentionPolicyInputs): PolicyBody {
    return {
        name: inputs.name,
        order: inputs.order,
        description: inputs.description,
        enabled: inputs.enabled,
        mediaPolicies: asModel<Models.MediaPolicies, MediaPoliciesInput>(inputs.mediaPolicies),
    };
}

/**
 * Policies: no `version` (a PUT replaces whatever the platform holds), and a list filtered by `name`. Whether that
 * filter matches exactly or in part is not documented, so `findByName` keeps only the exact match either way.
 */
export const policyApi = objectCollection<PolicyBody, LivePolicy>(MEDIA_RETENTION_POLICIES);
