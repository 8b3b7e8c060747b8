// The cases where the engine's side matters most, through the REAL dynamic-provider host process (one per
// operation, as each `pulumi` command starts one): a refresh in a fresh process right after the writes, partial
// failures carried as ErrorResourceInitFailed, errors crossing gRPC. The full matrix runs in process (*.faults.test.ts).
import { describeFaultMatrix, KIND_FIXTURES } from "./faultMatrix";

describeFaultMatrix(KIND_FIXTURES.DataRecordSet, {
    host: "real",
    cases: [
        "every write commits but its response is lost (create, update, delete)",
        "read-after-write 404s during a refresh right after the up",
        "a client missing the write scope",
        "409: the stable object was changed outside Pulumi",
    ],
});
