import { describeFaultMatrix, KIND_FIXTURES } from "./faultMatrix";

describeFaultMatrix(KIND_FIXTURES.EventBridgeIntegration, { host: "inProcess" });
