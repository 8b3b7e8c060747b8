// The Pulumi program's entry point (Pulumi.yaml `main`): its exports are the stack outputs.
import { contactCenter } from "./program";

export = contactCenter();
