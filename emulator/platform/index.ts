import { dataTables } from "./dataTables";
import { integrations } from "./integrations";
import { organization } from "./organization";
import type { PlatformModule } from "./platformModule";

/** Every family of real platform objects the emulator serves; a new one is a module here plus one entry. */
export const PLATFORM_MODULES: readonly PlatformModule[] = [organization, dataTables, integrations];
