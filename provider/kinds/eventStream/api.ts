import { objectCollection } from "../../lifecycle/objectCollection";
import type { ReplaySequence } from "./derived";
import { eventBusRegion, type EventStreamInputs, type SequenceIndexTrigger } from "./schema";

/** The platform's body for an event stream. */
export interface EventStreamBody {
    name: string;
    description?: string;
    enabled: boolean;
    retentionDays: number;
    destination: { type: "eventbridge"; eventBridgeConfig: { arn: string; roleArn: string; region: string } };
    filters: { topics: string[] };
    replayConfig?: { enabled: boolean; startDate: string; sequenceIndexTrigger: SequenceIndexTrigger };
}

export interface LiveEventStream extends EventStreamBody {
    id: string;
    version: number;
    selfUri: string;
    dateCreated: string;
    dateModified: string;
    /** Present once a replay exists. */
    replayStatus?: ReplaySequence;
}

const COLLECTION = "/api/v2/eventstreams";

export function toBody(inputs: EventStreamInputs): EventStreamBody {
    return {
        name: inputs.name,
        description: inputs.description,
        enabled: inputs.enabled,
        retentionDays: inputs.retentionDays,
        destination: {
            type: "eventbridge",
            eventBridgeConfig: {
                arn: inputs.eventBusArn,
                roleArn: inputs.roleArn,
                region: inputs.region ?? (eventBusRegion(inputs.eventBusArn) as string),
            },
        },
        filters: { topics: inputs.topics },
        replayConfig: inputs.replay && {
            enabled: true,
            startDate: inputs.replay.startDate,
            sequenceIndexTrigger: inputs.replay.sequenceIndexTrigger ?? "automatic",
        },
    };
}

export const eventStreamApi = objectCollection<EventStreamBody, LiveEventStream>(COLLECTION);
