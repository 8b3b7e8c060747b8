// The cases where the engine's side matters most, through the REAL dynamic-provider host process (one per
// operation, as each `pulumi` command starts one): a refresh in a fresh process right after the writes, partial
// failures carried as ErrorResourceInitFailed, errors crossing gRPC. The full matrix runs in process (*.faults.test.ts).
import { REAL_HOST_CASES, REAL_HOST_FIXTURES } from "./faultCases";
import { describeFaultMatrix, KIND_FIXTURES } from "./faultMatrix";

for (const fixture of REAL_HOST_FIXTURES)
    describeFaultMatrix(KIND_FIXTURES[fixture], { host: "real", cases: REAL_HOST_CASES });
