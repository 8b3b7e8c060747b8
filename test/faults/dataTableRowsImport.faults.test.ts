import { describeFaultMatrix, KIND_FIXTURES } from "./faultMatrix";

describeFaultMatrix(KIND_FIXTURES.DataTableRowsImport, { host: "inProcess" });
