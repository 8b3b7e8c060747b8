import type * as pulumi from "@pulumi/pulumi";
import { eventBus, platformRole, recordingsBucket } from "./aws";
import { existingAwsLinks } from "./existingAws";
import { type AwsLinks, eventStream, failover, queueData, recording, webhooks } from "./genesys";
import { partnerEvents, recordingExport } from "./integrations";
import { queueTable } from "./queueTable";
import { retention } from "./retention";
import { type StackSettings, stackSettings } from "./settings";

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
    // Integrations whose AWS partners (the partner bus, the export bucket and role) are declared beside them.
    const partner = partnerEvents(settings);
    const exports = recordingExport(settings, partner.integration.organizationId);
    const outputs = genesysSide(
        settings,
        {
            bucket: recordings.bucket.id,
            bucketRegion: recordings.bucket.region,
            bucketEncryption: recordings.encryption,
            kmsKeyArn: recordings.kmsKey?.arn,
            eventBusArn: events.bus.arn,
            platformRoleArn: role.arn,
        },
        // Its id, which a preview of the integration's update keeps known.
        exports?.integration.id,
    );
    return {
        ...outputs,
        partnerEventSource: partner.integration.eventSourceName,
        recordingExportIntegrationId: exports?.integration.integrationId,
    };
}

/**
 * The same Genesys Cloud configuration on AWS resources another stack owns: their names and ARNs come from this
 * stack's config (see `EXISTING_AWS_KEYS`) and nothing on AWS is declared. Same stack outputs.
 */
export function contactCenterOnExistingAws() {
    const settings = stackSettings();
    return genesysSide(settings, existingAwsLinks(settings));
}

function genesysSide(settings: StackSettings, links: AwsLinks, exportIntegration?: pulumi.Input<string>) {
    const { storage, voice, video } = recording(settings, links);
    const strategy = failover(settings);
    const hooks = webhooks(settings);
    const stream = eventStream(settings, links);
    const data = queueData();
    const table = queueTable();
    const retained = retention(settings, exportIntegration);

    return {
        recordingsBucket: links.bucket,
        eventBusArn: links.eventBusArn,
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
        queueTableId: table.table.datatableId,
        queueTableRowCount: table.rows.rowCount,
        retentionPolicyId: retained.policy.policyId,
        surveyTriggerId: retained.survey.triggerId,
        retentionBandwidthKbps: retained.estimatedBandwidthKbps,
    };
}
