import type * as pulumi from "@pulumi/pulumi";
import type { KindProvider } from "./kindProvider";
import { auditTrail, configure } from "./providerContext";
import { auditedProvider } from "./audit/auditedProvider";
import { wireCheckedProvider } from "./wireValues";
import { recordingPolicyProvider } from "./kinds/recordingPolicy/provider";
import { dataSchemaProvider } from "./kinds/dataSchema/provider";
import { dataRecordProvider } from "./kinds/dataRecord/provider";
import { dataRecordSetProvider } from "./kinds/dataRecordSet/provider";
import { failoverStrategyProvider } from "./kinds/failoverStrategy/provider";
import { storageTargetProvider } from "./kinds/storageTarget/provider";
import { webhookProvider } from "./kinds/webhook/provider";
import { eventStreamProvider } from "./kinds/eventStream/provider";
import { eventBridgeIntegrationProvider } from "./kinds/eventBridgeIntegration/provider";
import { recordingExportIntegrationProvider } from "./kinds/recordingExportIntegration/provider";
import { dataTableProvider } from "./kinds/dataTable/provider";
import { dataTableRowProvider } from "./kinds/dataTableRow/provider";
import { dataTableRowsProvider } from "./kinds/dataTableRows/provider";
import { mediaRetentionPolicyProvider } from "./kinds/mediaRetentionPolicy/provider";
import { processAutomationTriggerProvider } from "./kinds/processAutomationTrigger/provider";

/**
 * Every kind by its id. The id is the program-facing name: the SDK class, the last part of the resource's type
 * token (`pulumi-nodejs:dynamic/genesys:RecordingPolicy`), the argument of `load` in `__provider`, and the `kind`
 * of audit records.
 */
const providers = {
    RecordingPolicy: recordingPolicyProvider,
    DataSchema: dataSchemaProvider,
    DataRecord: dataRecordProvider,
    DataRecordSet: dataRecordSetProvider,
    FailoverStrategy: failoverStrategyProvider,
    StorageTarget: storageTargetProvider,
    Webhook: webhookProvider,
    EventStream: eventStreamProvider,
    EventBridgeIntegration: eventBridgeIntegrationProvider,
    RecordingExportIntegration: recordingExportIntegrationProvider,
    DataTable: dataTableProvider,
    DataTableRow: dataTableRowProvider,
    DataTableRows: dataTableRowsProvider,
    MediaRetentionPolicy: mediaRetentionPolicyProvider,
    ProcessAutomationTrigger: processAutomationTriggerProvider,
} satisfies Record<string, KindProvider>;

export type KindId = keyof typeof providers;

/** What the host gets: every kind with its writes audited under its id, and its results checked for the engine. */
const hosted = new Map<string, KindProvider>(
    Object.entries(providers).map(([kind, provider]) => [
        kind,
        auditedProvider(kind, wireCheckedProvider(kind, provider), auditTrail),
    ]),
);

/** The id of a kind as states written by earlier versions spell it, with a lower-case first letter (`recordingPolicy`). */
function fromEarlierSpelling(kind: string): string {
    return kind.charAt(0).toUpperCase() + kind.slice(1);
}

/**
 * The one entry point the `__provider` of every SDK resource requires, by package path, inside the
 * dynamic-provider host (see sdk/dynamicResource.ts). Keeping the implementation out of `__provider` keeps it
 * about a hundred bytes, free of configuration values, and valid across package upgrades. States written by
 * earlier versions hold a serialized closure that calls `load` per method: `load` keeps that name and contract.
 */
export function load(kind: string): KindProvider {
    const provider = hosted.get(kind) ?? hosted.get(fromEarlierSpelling(kind));
    if (!provider)
        throw new Error(
            `genesys-pulumi has no resource kind "${kind}"; is the installed package older than the program's?`,
        );
    return provider satisfies pulumi.dynamic.ResourceProvider;
}

export { configure };
