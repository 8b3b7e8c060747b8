import { eventBus, platformRole, recordingsBucket } from "./aws";
import { eventStream, failover, queueData, recording, webhooks } from "./genesys";
import { partnerEvents, recordingExport } from "./integrations";
import { stackSettings } from "./settings";

/**
 * The contact-center stack: the AWS resources Genesys Cloud depends on and the Genesys Cloud configuration,
 * in one program for every environment; each stack's differences live in its `Pulumi.<stack>.yaml`.
 * Returns the stack outputs.
 */
export function contactCenter() {
    const settings = stackSettings();

    const recordings = recordingsBucket(settings);
    const events = eventBus(settings);
    const role = platformRole(settings, recordings, events);
    const links = {
        bucket: recordings.bucket,
        encryption: recordings.encryption,
        kmsKey: recordings.kmsKey,
        eventBus: events.bus,
        platformRole: role,
    };

    const { storage, voice, video } = recording(settings, links);
    const strategy = failover(settings);
    const hooks = webhooks(settings);
    const stream = eventStream(settings, links);
    const data = queueData();
    const partner = partnerEvents(settings);
    const exports = recordingExport(settings, partner.integration.organizationId);

    return {
        recordingsBucket: recordings.bucket.id,
        eventBusArn: events.bus.arn,
        storageTargetId: storage.storageTargetId,
        voicePolicyId: voice.policyId,
        videoPolicyId: video.policyId,
        codecMatrix: { voice: voice.codecMatrix, video: video.codecMatrix },
        estimatedBandwidthKbps: { voice: voice.estimatedBandwidthKbps, video: video.estimatedBandwidthKbps },
        failoverStrategyId: strategy.strategyId,
        healthMatrix: strategy.healthMatrix,
        webhookIds: { dataLake: hooks.dataLake.webhookId, dnsSync: hooks.dnsSync.webhookId },
        eventStreamId: stream.streamId,
        replayStatus: stream.replayStatus,
        queueSchemaId: data.schema.schemaId,
        queueRecordCount: data.records.recordCount,
        partnerEventSource: partner.integration.eventSourceName,
        recordingExportIntegrationId: exports?.integration.integrationId,
    };
}
