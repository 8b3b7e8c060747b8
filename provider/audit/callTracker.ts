import { AsyncLocalStorage } from "node:async_hooks";
import type { CallOutcome } from "../client/apiClient";

/**
 * The host runs many operations at once on one shared API client, so "the last call" of the client says nothing
 * about a given operation. Each audited operation runs in its own async context, and every call the client
 * finishes inside it is attributed to it.
 */
const operationCalls = new AsyncLocalStorage<CallOutcome[]>();

/** The API client's `onCall`: files the call under the operation that made it (calls outside one are ignored). */
export function observeCall(call: CallOutcome): void {
    operationCalls.getStore()?.push(call);
}

/** Runs `operation`, collecting into `calls` every API call it finishes, including those of concurrent sub-tasks. */
export function trackCalls<T>(calls: CallOutcome[], operation: () => Promise<T>): Promise<T> {
    return operationCalls.run(calls, operation);
}
