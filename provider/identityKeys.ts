/**
 * Keys the SDK adds beside a resource's inputs and the provider reads back, so both sides spell them from here.
 * The dynamic-provider host is told neither the resource's name nor the stack (the engine gives provider plugins
 * no URN and no PULUMI_STACK), so the program passes them.
 */

/** The Pulumi resource name: the base of an auto-generated platform name, and the audit trail's `resourceName`. */
export const RESOURCE_NAME_KEY = "__resourceName";

/** The stack being deployed: the audit trail's `stack`. */
export const STACK_KEY = "__stack";
