import { dataTables } from "./dataTables";
import { integrationCredentials } from "./integrationCredentials";
import { integrationTypeRoutes } from "./integrationTypeRoutes";
import { integrations } from "./integrations";
import { mediaRetentionPolicies } from "./mediaRetentionPolicies";
import { organization } from "./organization";
import type { PlatformModule } from "./platformModule";
import { processAutomationTriggers } from "./processAutomationTriggers";

/** Every family of real platform objects the emulator serves; a new one is a module here plus one entry. */
export const PLATFORM_MODULES: readonly PlatformModule[] = [
    organization,
    dataTables,
    // Before integrations: their literal paths (credentials, types) would otherwise be read as integration ids.
    integrationCredentials,
    integrationTypeRoutes,
    integrations,
    mediaRetentionPolicies,
    processAutomationTriggers,
];
