import { ApiError } from "../apiError";

/**
 * Every Genesys Cloud permission an endpoint of the emulator's real paths requires (`domain:entity:action`, as
 * listed per operation by the vendor's CLI). A client-credentials client holds them through the roles of its
 * OAuth client; the emulator grants all of them unless the operator withholds some.
 */
export const ALL_PERMISSIONS = [
    "architect:datatable:add",
    "architect:datatable:view",
    "architect:datatable:edit",
    "architect:datatable:delete",
    "architect:datatableRow:add",
    "architect:datatableRow:view",
    "architect:datatableRow:edit",
    "architect:datatableRow:delete",
    "integrations:integration:add",
    "integrations:integration:view",
    "integrations:integration:edit",
    "integrations:integration:delete",
] as const;

export type Permission = (typeof ALL_PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
    return (ALL_PERMISSIONS as readonly string[]).includes(value);
}

/**
 * What an endpoint requires, as the platform's API definition states it: ALL of the permissions, or ANY one of
 * them. An empty ALL list means any authenticated caller (e.g. `GET /api/v2/organizations/me`).
 */
export interface PermissionRequirement {
    type: "ALL" | "ANY";
    permissions: readonly Permission[];
}

export const allOf = (...permissions: Permission[]): PermissionRequirement => ({ type: "ALL", permissions });
export const anyOf = (...permissions: Permission[]): PermissionRequirement => ({ type: "ANY", permissions });

/** The permissions of the requirement the holder lacks; empty when the call is allowed. */
export function missingPermissions(requirement: PermissionRequirement, held: (p: Permission) => boolean): Permission[] {
    const missing = requirement.permissions.filter((p) => !held(p));
    if (requirement.type === "ANY" && missing.length < requirement.permissions.length) return [];
    return missing;
}

/**
 * The platform's 403: `missing.permissions` ("You are missing the following permission(s): [...]") when every
 * listed permission is needed, `missing.any.permissions` when any one of them would do.
 */
export function permissionDenied(requirement: PermissionRequirement, missing: readonly Permission[]): ApiError {
    const list = `[${missing.join(", ")}]`;
    return requirement.type === "ANY"
        ? new ApiError(
              403,
              "missing.any.permissions",
              `Unable to perform the requested action. You must have at least one of the following permissions assigned: ${list}`,
              { permissions: missing.join(", ") },
          )
        : new ApiError(
              403,
              "missing.permissions",
              `Unable to perform the requested action. You are missing the following permission(s): ${list}`,
              { permissions: missing.join(", ") },
          );
}
