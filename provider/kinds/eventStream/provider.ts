import { type KindProvider, kindProvider } from "../../kindProvider";
import { postedObjectCrud } from "../../lifecycle/postedObjectCrud";
import { eventStreamApi as api, type LiveEventStream, toBody } from "./api";
import { replayCoverage } from "./derived";
import {
    type EventStreamInputs,
    eventStreamDefaults,
    eventStreamInputs,
    eventStreamRules,
    withDerivedDefaults,
} from "./schema";

const LABEL = "event stream";

/** The event-stream provider with the clock its replay-window rule reads; tests pass a fixed one. */
export function createEventStreamProvider(now: () => Date = () => new Date()): KindProvider {
    return kindProvider<EventStreamInputs, LiveEventStream>({
        label: LABEL,
        schema: eventStreamInputs,
        rules: eventStreamRules(now),
        defaults: eventStreamDefaults,
        nameMaxLength: 200,
        replaceOn: [],
        // Region and trigger defaults depend on other inputs, which the kind's static defaults cannot express.
        normalise: withDerivedDefaults,

        ...postedObjectCrud(LABEL, api, toBody),

        inputsFromLive: (live) => ({
            name: live.name,
            description: live.description,
            enabled: live.enabled,
            topics: live.filters.topics,
            retentionDays: live.retentionDays,
            eventBusArn: live.destination.eventBridgeConfig.arn,
            roleArn: live.destination.eventBridgeConfig.roleArn,
            region: live.destination.eventBridgeConfig.region,
            replay: live.replayConfig?.enabled
                ? {
                      startDate: live.replayConfig.startDate,
                      sequenceIndexTrigger: live.replayConfig.sequenceIndexTrigger,
                  }
                : undefined,
        }),

        computed: (live) => ({
            streamId: live.id,
            version: live.version,
            replayStatus: live.replayStatus && replayCoverage(live.replayStatus),
        }),
    });
}

export const eventStreamProvider = createEventStreamProvider();
