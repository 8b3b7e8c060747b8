import type { KindModule } from "../kind";
import { recordingPolicies } from "./recordingPolicies";

/** Every kind the emulator serves; a new kind is one file in this folder plus one entry here. */
export const KINDS: readonly KindModule[] = [recordingPolicies];
