import type { KindModule } from "../kind";
import { recordingPolicies } from "./recordingPolicies";
import { dataSchemas } from "./dataSchemas";
import { dataRecords } from "./dataRecords";
import { eventStreams } from "./eventStreams";
import { failoverStrategies } from "./failoverStrategies";
import { storageTargets } from "./storageTargets";
import { webhooks } from "./webhooks";

/** Every kind the emulator serves; a new kind is one file in this folder plus one entry here. */
export const KINDS: readonly KindModule[] = [
    recordingPolicies,
    dataSchemas,
    dataRecords,
    eventStreams,
    failoverStrategies,
    storageTargets,
    webhooks,
];
