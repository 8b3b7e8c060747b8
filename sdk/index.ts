export { RecordingPolicy, RecordingPolicyArgs, MediaType, RecordingQuality } from "./recordingPolicy";
export {
    DataSchema,
    DataSchemaArgs,
    DataField,
    DataFieldType,
    DataRule,
    DataCondition,
    DataScalar,
} from "./dataSchema";
export { DataRecord, DataRecordArgs } from "./dataRecord";
export { DataRecordSet, DataRecordSetArgs, DataRecordEntry } from "./dataRecordSet";
export { DataSchemaSourceArgs } from "./dataSchemaSource";
export {
    DataTable,
    DataTableArgs,
    DataTableField,
    DataTableFieldType,
    DataTableClientFieldRules,
    DataTableClientValidation,
} from "./dataTable";
export { DataTableRow, DataTableRowArgs } from "./dataTableRow";
export { DataTableRows, DataTableRowsArgs, DataTableRowEntry } from "./dataTableRows";
export { DataTableSourceArgs } from "./dataTableSource";
export {
    FailoverStrategy,
    FailoverStrategyArgs,
    FailoverRegion,
    FailoverTrigger,
    RegionStatus,
    getFailoverAuditLog,
    FailoverAuditLog,
    FailoverAuditEntry,
    FailoverAuditLogOptions,
} from "./failoverStrategy";
export {
    EventStream,
    EventStreamArgs,
    EventStreamReplay,
    EventStreamReplayStatus,
    SequenceIndexTrigger,
} from "./eventStream";
export { StorageTarget, StorageTargetArgs, ServerSideEncryption } from "./storageTarget";
export { Webhook, WebhookArgs } from "./webhook";
export { EventBridgeIntegration, EventBridgeIntegrationArgs } from "./eventBridgeIntegration";
export {
    RecordingExportIntegration,
    RecordingExportIntegrationArgs,
    GENESYS_AWS_ACCOUNT_ID,
    genesysTrustPolicy,
} from "./recordingExportIntegration";
export { MediaRetentionPolicy, MediaRetentionPolicyArgs, MediaPolicies } from "./mediaRetentionPolicy";
export {
    ProcessAutomationTrigger,
    ProcessAutomationTriggerArgs,
    TriggerTarget,
    MatchCriterion,
} from "./processAutomationTrigger";
export { codecMatrix, estimatedBandwidthKbps, MAX_BANDWIDTH_KBPS, recordedMediaTypes } from "./recordingEstimates";
