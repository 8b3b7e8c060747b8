import type { DeploymentRow } from "./deploymentTable";

/** Where and as whom the demo deploys. */
export interface DemoTarget {
    projectDir: string;
    project: string;
    stack: string;
    apiUrl: string;
    clientId: string;
    clientSecret: string;
}

export interface DeploymentOutcome {
    rows: DeploymentRow[];
    outputs: Record<string, unknown>;
    /** Resources a preview of the unchanged program would change: must be 0. */
    changesOnSecondPreview: number;
}
