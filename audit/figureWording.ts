import { type AuditFigures, PASS_SUCCESS_RATE } from "./auditFigures";

/** The verdict's rule, as both reports state it. */
export const VERDICT_RULE = `PASS at a success rate of at least ${PASS_SUCCESS_RATE}%, WARNING below`;

/** The recording-policy integrity figure, named by what it measures. */
export function integrityWording({ integrity }: AuditFigures): string {
    if (integrity.rate === null) return "Recording-policy integrity: n/a (no recording-policy creates or updates)";
    return `Recording-policy integrity: ${integrity.rate.toFixed(2)}% (${integrity.passed} of ${integrity.deployments} creates and updates confirmed with the policy's id)`;
}
