import type { DeploymentRow } from "./deploymentTable";

/** Where and as whom the demo deploys, and the stack configuration it deploys with. */
export interface DemoTarget {
    projectDir: string;
    project: string;
    stack: string;
    apiUrl: string;
    clientId: string;
    clientSecret: string;
    /** Stack config as `Pulumi.<stack>.yaml` holds it, plus the demo's run-time values. */
    config: Record<string, string>;
    /** Config keys whose values are secrets (set as `pulumi config set --secret` would). */
    secretKeys: string[];
    /** Environment for the provider (the S3 endpoint and credentials of the simulated AWS side). */
    providerEnv: Record<string, string>;
}

export interface DeploymentOutcome {
    rows: DeploymentRow[];
    outputs: Record<string, unknown>;
    /** Resources a preview of the unchanged program would change: must be 0. */
    changesOnSecondPreview: number;
}
