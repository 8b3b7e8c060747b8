import type { DesiredConfig, LiveIntegration } from "../../integrations/integrationLifecycle";
import type { ExportTypeShape } from "./exportTypeShape";
import { PREFLIGHT_ONLY, type RecordingExportIntegrationInputs } from "./schema";

/** The configuration: the bucket under the type's bucket property, the role credential under the type's key. */
export function desiredConfig(
    inputs: Pick<RecordingExportIntegrationInputs, "name" | "notes" | "bucket">,
    shape: ExportTypeShape,
    credentialId: string,
): DesiredConfig {
    return {
        name: inputs.name,
        notes: inputs.notes ?? "",
        properties: { [shape.bucketProperty]: inputs.bucket },
        advanced: {},
        credentials: { [shape.credentialKey]: { id: credentialId } },
    };
}

/** The credential the live configuration references, if any. */
export function credentialIdOf(live: LiveIntegration, shape: ExportTypeShape): string | undefined {
    return live.config.credentials?.[shape.credentialKey]?.id;
}

/**
 * The inputs that would produce the live integration. The platform never returns the role's ARN (credential fields
 * are redacted) nor holds the bucket's region and encryption, so those come from the previous inputs.
 */
export function inputsFromLive(
    live: LiveIntegration,
    shape: ExportTypeShape,
    oldInputs: Record<string, unknown>,
): Record<string, unknown> {
    const properties = (live.config.properties ?? {}) as Record<string, unknown>;
    return {
        name: live.config.name,
        notes: live.config.notes ? live.config.notes : undefined,
        enabled: live.integration.intendedState === "ENABLED",
        bucket: properties[shape.bucketProperty],
        roleArn: oldInputs.roleArn,
        ...Object.fromEntries(PREFLIGHT_ONLY.map((key) => [key, oldInputs[key]])),
    };
}
