import { objectCollection } from "../../lifecycle/objectCollection";
import type { MediaType, Quality, RecordingPolicyInputs } from "./schema";

/** The platform's body for a recording policy. */
export interface RecordingPolicyBody {
    name: string;
    description?: string;
    enabled: boolean;
    mediaTypes: MediaType[];
    recordingQuality: Quality;
    storageTargetId?: string;
    retentionDays: number;
    maxDurationHours?: number;
    webhookUrls: string[];
}

export interface LiveRecordingPolicy extends RecordingPolicyBody {
    id: string;
    version: number;
    selfUri: string;
    dateCreated: string;
    dateModified: string;
}

const COLLECTION = "/api/v2/recording/policies";

export function toBody(inputs: RecordingPolicyInputs): RecordingPolicyBody {
    return {
        name: inputs.name,
        description: inputs.description,
        enabled: inputs.enabled,
        mediaTypes: inputs.mediaTypes,
        recordingQuality: inputs.quality,
        storageTargetId: inputs.storageTargetId,
        retentionDays: inputs.retentionDays,
        maxDurationHours: inputs.maxDurationHours,
        webhookUrls: inputs.webhookUrls,
    };
}

export const recordingPolicyApi = objectCollection<RecordingPolicyBody, LiveRecordingPolicy>(COLLECTION);
