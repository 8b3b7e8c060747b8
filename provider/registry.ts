import type { DynamicProvider } from "./kindProvider";
import { auditTrail, configure } from "./providerContext";
import { auditedProvider } from "./audit/auditedProvider";
import { recordingPolicyProvider } from "./kinds/recordingPolicy/provider";
import { dataSchemaProvider } from "./kinds/dataSchema/provider";
import { dataRecordProvider } from "./kinds/dataRecord/provider";
import { dataRecordSetProvider } from "./kinds/dataRecordSet/provider";
import { failoverStrategyProvider } from "./kinds/failoverStrategy/provider";
import { storageTargetProvider } from "./kinds/storageTarget/provider";
import { webhookProvider } from "./kinds/webhook/provider";
import { eventStreamProvider } from "./kinds/eventStream/provider";
import { dataTableProvider } from "./kinds/dataTable/provider";
import { dataTableRowProvider } from "./kinds/dataTableRow/provider";
import { dataTableRowsProvider } from "./kinds/dataTableRows/provider";

/**
 * The one entry point the `__provider` of every SDK resource requires, by package path, inside the
 * dynamic-provider host (see sdk/dynamicResource.ts). Keeping the implementation out of `__provider` keeps it
 * about a hundred bytes, free of configuration values, and valid across package upgrades. States written by
 * earlier versions hold a serialized closure that calls `load` per method: `load` keeps that name and contract.
 */
const providers = {
    recordingPolicy: recordingPolicyProvider,
    dataSchema: dataSchemaProvider,
    dataRecord: dataRecordProvider,
    dataRecordSet: dataRecordSetProvider,
    failoverStrategy: failoverStrategyProvider,
    storageTarget: storageTargetProvider,
    webhook: webhookProvider,
    eventStream: eventStreamProvider,
    dataTable: dataTableProvider,
    dataTableRow: dataTableRowProvider,
    dataTableRows: dataTableRowsProvider,
} satisfies Record<string, DynamicProvider>;

/** What the host gets: every kind with its writes audited under its program-facing name (`RecordingPolicy`). */
const audited: Record<string, DynamicProvider> = Object.fromEntries(
    Object.entries(providers).map(([kind, provider]) => [
        kind,
        auditedProvider(kind[0].toUpperCase() + kind.slice(1), provider, auditTrail),
    ]),
);

export function load(kind: string): DynamicProvider {
    const provider = Object.hasOwn(audited, kind) ? audited[kind] : undefined;
    if (!provider)
        throw new Error(
            `genesys-pulumi has no resource kind "${kind}"; is the installed package older than the program's?`,
        );
    return provider;
}

export { configure };
