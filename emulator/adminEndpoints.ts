import type { IncomingMessage } from "node:http";
import { ApiError } from "./apiError";
import { checkFaultsPatch, type Faults } from "./faults";
import type { ApiResult } from "./kind";
import { checkRegionConfigs, type RegionConfig, type RegionHealth } from "./kinds/regions";
import { checkReplayPatch, type ReplayOptions } from "./replaySequence";
import { parseJsonBody, readBody } from "./requestBody";
import type { EmulatorStats } from "./stats";

export const ADMIN_PREFIX = "/__emulator/";

/** The operator controls of a running emulator, shared by the in-process API and the admin endpoints. */
export interface AdminControls {
    faults(): Faults;
    setFaults(patch: Partial<Faults>): void;
    /** Every issued token becomes invalid (401). */
    revokeTokens(): void;
    stats(): EmulatorStats;
    /** Replay settings for replays started from now on (existing replays keep their data). */
    replay(): ReplayOptions;
    setReplay(patch: Partial<ReplayOptions>): void;
    regions(): RegionHealth[];
    /** Replaces every region; a health change may switch failover strategies (audit-log Failover entries). */
    setRegions(regions: RegionConfig[]): void;
    /** Per client, the platform permissions its roles do not grant. */
    withheldPermissions(): Record<string, string[]>;
    /** Replaces what one client's roles do not grant, effective for tokens already issued; throws a TypeError for an unknown client or permission. */
    setWithheldPermissions(clientId: string, permissions: string[]): void;
}

/** `/__emulator/*`: unauthenticated operator endpoints, outside `/api/v2` and untouched by faults, rate limits and stats. */
export async function serveAdmin(req: IncomingMessage, rawPath: string, controls: AdminControls): Promise<ApiResult> {
    const endpoint = `${req.method} ${rawPath}`;
    switch (endpoint) {
        case "GET /__emulator/faults":
            return { status: 200, body: controls.faults() };
        case "PUT /__emulator/faults": {
            const checked = checkFaultsPatch(parseJsonBody(await readBody(req)));
            if (!checked.ok) {
                throw new ApiError(
                    400,
                    "bad.request",
                    `Invalid faults: ${checked.errors.map((e) => e.message).join("; ")}`,
                    {},
                    checked.errors,
                );
            }
            controls.setFaults(checked.value);
            return { status: 200, body: controls.faults() };
        }
        case "POST /__emulator/revoke-tokens":
            controls.revokeTokens();
            return { status: 204 };
        case "GET /__emulator/stats":
            return { status: 200, body: controls.stats() };
        case "GET /__emulator/replay":
            return { status: 200, body: controls.replay() };
        case "PUT /__emulator/replay": {
            const checked = checkReplayPatch(parseJsonBody(await readBody(req)), controls.replay());
            if (!checked.ok) {
                throw new ApiError(
                    400,
                    "bad.request",
                    `Invalid replay settings: ${checked.errors.map((e) => e.message).join("; ")}`,
                    {},
                    checked.errors,
                );
            }
            controls.setReplay(checked.value);
            return { status: 200, body: controls.replay() };
        }
        case "GET /__emulator/regions":
            return { status: 200, body: controls.regions() };
        case "PUT /__emulator/regions": {
            const checked = checkRegionConfigs(parseJsonBody(await readBody(req)));
            if (!checked.ok) {
                throw new ApiError(
                    400,
                    "bad.request",
                    `Invalid regions: ${checked.errors.map((e) => e.message).join("; ")}`,
                    {},
                    checked.errors,
                );
            }
            controls.setRegions(checked.value);
            return { status: 200, body: controls.regions() };
        }
        case "GET /__emulator/permissions":
            return { status: 200, body: controls.withheldPermissions() };
        case "PUT /__emulator/permissions": {
            const body = parseJsonBody(await readBody(req)) as { clientId?: unknown; withheld?: unknown };
            try {
                controls.setWithheldPermissions(String(body?.clientId), body?.withheld as string[]);
            } catch (error) {
                const message = `Invalid permissions: ${(error as Error).message}; send {"clientId": "...", "withheld": ["architect:datatable:add", ...]}`;
                throw new ApiError(400, "bad.request", message, {}, [
                    { fieldName: "withheld", errorCode: "invalid.value", message },
                ]);
            }
            return { status: 200, body: controls.withheldPermissions() };
        }
        default:
            throw new ApiError(
                404,
                "not.found",
                `No emulator admin endpoint ${endpoint}; use GET/PUT ${ADMIN_PREFIX}faults, POST ${ADMIN_PREFIX}revoke-tokens, GET ${ADMIN_PREFIX}stats, GET/PUT ${ADMIN_PREFIX}replay, GET/PUT ${ADMIN_PREFIX}regions or GET/PUT ${ADMIN_PREFIX}permissions.`,
            );
    }
}
