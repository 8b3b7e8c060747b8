// Section 4's worker: measures one validator on a fresh heap and posts the figures back (see bulkRecords.ts).
import { parentPort, workerData } from "node:worker_threads";
import { measureValidator, type ValidatorName } from "./bulkRecords";

const { validator, count, minMs } = workerData as { validator: ValidatorName; count: number; minMs: number };
parentPort?.postMessage(measureValidator(validator, count, minMs));
