import type { ApiClient } from "../../client/apiClient";
import { deleteOrGone, readOrGone } from "../../lifecycle/missingIsGone";
import type { MediaType, Quality } from "./derived";
import type { RecordingPolicyInputs } from "./schema";

/** The platform's body for a recording policy (API-CONTRACT.md). */
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
const item = (id: string) => `${COLLECTION}/${encodeURIComponent(id)}`;

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

export const recordingPolicyApi = {
    create: (client: ApiClient, body: RecordingPolicyBody) => client.post<LiveRecordingPolicy>(COLLECTION, body),
    get: (client: ApiClient, id: string) => readOrGone(() => client.get<LiveRecordingPolicy>(item(id))),
    put: (client: ApiClient, id: string, body: RecordingPolicyBody, version: number) =>
        client.put<LiveRecordingPolicy>(item(id), { ...body, version }),
    delete: (client: ApiClient, id: string) => deleteOrGone(() => client.delete(item(id))),
    async findByName(client: ApiClient, name: string): Promise<LiveRecordingPolicy | undefined> {
        const page = await client.listPages<LiveRecordingPolicy>(COLLECTION, { name });
        return page.find((policy) => policy.name === name);
    },
};
