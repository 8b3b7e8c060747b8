/**
 * Keys the SDK adds beside a resource's inputs and the provider reads back, so both sides spell them from here.
 * The dynamic-provider host is told neither the resource's name nor the stack (the engine gives provider plugins
 * no URN and no PULUMI_STACK), so the program passes them.
 */

/** The Pulumi resource name: the base of an auto-generated platform name, and the audit trail's `resourceName`. */
export const RESOURCE_NAME_KEY = "__resourceName";

/** The stack being deployed: the audit trail's `stack`, and part of what an auto-name is derived from. */
export const STACK_KEY = "__stack";

/** The project being deployed: part of what an auto-name is derived from, so two projects' stacks never share a name. */
export const PROJECT_KEY = "__project";
