import { DynamicProvider, kindProvider } from "../../kindProvider";
import { bodyMatches } from "../../lifecycle/bodyMatches";
import { createAdoptingOrphan } from "../../lifecycle/createByPost";
import { updateVersioned } from "../../lifecycle/versionedUpdate";
import { eventStreamApi as api, LiveEventStream, toBody } from "./api";
import { replayCoverage } from "./derived";
import { EventStreamInputs, eventStreamDefaults, eventStreamInputs, eventStreamRules, withDerivedDefaults } from "./schema";

const LABEL = "event stream";

/** The event-stream provider with the clock its replay-window rule reads; tests pass a fixed one. */
export function createEventStreamProvider(now: () => Date = () => new Date()): DynamicProvider {
    const provider = kindProvider<EventStreamInputs, LiveEventStream>({
        label: LABEL,
        schema: eventStreamInputs,
        rules: eventStreamRules(now),
        defaults: eventStreamDefaults,
        nameMaxLength: 200,
        replaceOn: [],

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
                ? { startDate: live.replayConfig.startDate, sequenceIndexTrigger: live.replayConfig.sequenceIndexTrigger }
                : undefined,
        }),

        outputs(live, inputs) {
            return {
                ...this.inputsFromLive(live, inputs),
                streamId: live.id,
                version: live.version,
                replayStatus: live.replayStatus && replayCoverage(live.replayStatus),
            };
        },
    });
    // Region and trigger defaults depend on other inputs, which the kind's static defaults cannot express.
    return { ...provider, check: (olds, news) => provider.check(olds, withDerivedDefaults(news)) };
}

export const eventStreamProvider = createEventStreamProvider();
