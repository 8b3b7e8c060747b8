import { isDeepStrictEqual } from "node:util";
import type { Models } from "purecloud-platform-client-v2";
import type { ApiClient } from "../client/apiClient";
import { readConfirmingGone } from "../lifecycle/confirmGone";
import { createAdoptingOrphan } from "../lifecycle/createAdoptingOrphan";
import { UnconfirmedCreate } from "../lifecycle/unconfirmedCreate";
import { updateUnversioned } from "../lifecycle/updateUnversioned";
import { updateVersioned } from "../lifecycle/updateVersioned";
import { type IntendedState, type Integration, integrationApi } from "./integrationApi";

/** What a kind wants in an integration's `config/current`, without the version the platform keeps. */
export interface DesiredConfig {
    name: string;
    notes: string;
    properties: Record<string, unknown>;
    advanced: Record<string, unknown>;
    /** Credential references by the keys the integration type takes. */
    credentials: Record<string, { id: string }>;
}

/** An integration and its current configuration, as the platform holds them. */
export interface LiveIntegration {
    integration: Integration;
    config: Models.IntegrationConfiguration;
}

/** A configuration as it compares with what we send: credentials reduce to the ids they reference. */
export function comparableConfig(config: Models.IntegrationConfiguration): DesiredConfig {
    return {
        name: config.name,
        notes: config.notes ?? "",
        properties: (config.properties ?? {}) as Record<string, unknown>,
        advanced: (config.advanced ?? {}) as Record<string, unknown>,
        credentials: Object.fromEntries(
            Object.entries(config.credentials ?? {}).map(([key, info]) => [key, { id: info.id ?? "" }]),
        ),
    };
}

/**
 * Reads of an integration this stack holds or has just written. A 404 is believed only once it lasts beyond the
 * platform's read-after-write lag: the client knows that lag only for the path it wrote, and the integration and its
 * configuration are written at two paths.
 */
const settledIntegration = (client: ApiClient, id: string) =>
    readConfirmingGone(() => integrationApi.get(client, id), client.readAfterWriteMs);
const settledConfig = (client: ApiClient, id: string) =>
    readConfirmingGone(() => integrationApi.config(client, id), client.readAfterWriteMs);

async function currentConfig(client: ApiClient, label: string, id: string): Promise<Models.IntegrationConfiguration> {
    const config = await settledConfig(client, id);
    if (config === undefined) throw new Error(`the ${label} ${id} disappeared while it was being set up`);
    return config;
}

/**
 * Moves the integration from the state the stack last saw to another, by PATCH: refused when it no longer holds the
 * state last seen (changed outside Pulumi), and confirmed by a read when every response of the PATCH was lost.
 */
function changeState(
    client: ApiClient,
    label: string,
    id: string,
    from: string,
    to: IntendedState,
): Promise<Integration> {
    return updateUnversioned({
        label,
        id,
        known: { intendedState: from },
        sent: { intendedState: to },
        put: () => integrationApi.setState(client, id, to),
        get: () => integrationApi.get(client, id),
        readAfterWriteMs: client.readAfterWriteMs,
    });
}

/**
 * A create that got as far as the integration but not through setting it up. It is recorded like a create never
 * confirmed, under its (unique) name: the next `pulumi up` removes it and installs it again, `pulumi refresh` adopts
 * it, and no second integration is ever left beside it.
 */
export class UnfinishedInstall extends UnconfirmedCreate {
    constructor(name: string, cause: unknown) {
        super(name, cause);
        this.message =
            `the integration "${name}" was created but setting it up failed ` +
            `(${cause instanceof Error ? cause.message : String(cause)}); ` +
            "the next `pulumi up` removes it and installs it again, and a `pulumi refresh` adopts it";
    }
}

/**
 * Installs an integration in three steps the platform keeps apart: POST it, PUT its configuration with the version
 * it has, PATCH its state. Each step is resumable: under an auto-name (derived from this project, stack and
 * resource, so no one else's), an integration already there is an earlier attempt that failed midway, picked up
 * where it stopped instead of installing a second one, and a step whose result is already there is skipped. Under
 * a name the program chose, an integration already there may be anyone's: the install is refused rather than take
 * it over. `configure` gives the configuration once the integration exists (a kind may have more to create first,
 * such as a credential).
 */
export async function installIntegration(
    client: ApiClient,
    steps: {
        label: string;
        typeId: string;
        name: string;
        /** The name is an auto-name, this resource's own. */
        autoNamed: boolean;
        configure(): Promise<DesiredConfig>;
        state: IntendedState;
    },
): Promise<LiveIntegration> {
    const { label, typeId, name, state } = steps;
    const findByName = () => integrationApi.findByName(client, typeId, name);
    const earlier = await findByName();
    if (earlier !== undefined && !steps.autoNamed) {
        throw new Error(
            `an integration named ${JSON.stringify(name)} already exists (${earlier.id}); this stack does not take ` +
                "over an integration it did not create: choose another name (or leave `name` out for an auto-name), " +
                "or delete that integration if this stack should manage it",
        );
    }
    const installed =
        earlier ??
        (await createAdoptingOrphan({ name, post: () => integrationApi.create(client, typeId, name), findByName }));
    try {
        const desired = await steps.configure();
        let config = await currentConfig(client, label, installed.id);
        if (!isDeepStrictEqual(comparableConfig(config), desired)) {
            const { version } = config;
            // A retried PUT whose first response was lost meets its own write as the next version: that is ours.
            config = await updateVersioned({
                label,
                id: installed.id,
                knownVersion: version,
                sent: desired,
                put: (v) => integrationApi.putConfig(client, installed.id, { ...desired, version: v }),
                get: () => settledConfig(client, installed.id),
                fieldsOf: (live) => ({ ...comparableConfig(live) }),
            });
        }
        const integration =
            installed.intendedState === state
                ? installed
                : await changeState(client, label, installed.id, installed.intendedState, state);
        return { integration, config };
    } catch (err) {
        throw new UnfinishedInstall(name, err);
    }
}

/** Undefined when the integration (or its configuration) no longer exists. */
export async function readIntegration(client: ApiClient, id: string): Promise<LiveIntegration | undefined> {
    const integration = await integrationApi.get(client, id);
    if (integration === undefined) return undefined;
    const config = await integrationApi.config(client, id);
    return config === undefined ? undefined : { integration, config };
}

/**
 * Updates the configuration with the version the stack last saw (a change made outside Pulumi is refused, never
 * overwritten), and the state only when it changes, after checking it still holds what the stack last set.
 */
export async function updateIntegration(
    client: ApiClient,
    steps: {
        label: string;
        id: string;
        knownVersion: number;
        previous: { desired: DesiredConfig; state: IntendedState };
        desired: DesiredConfig;
        state: IntendedState;
    },
): Promise<LiveIntegration> {
    const { label, id, desired, state, previous } = steps;
    const config = isDeepStrictEqual(previous.desired, desired)
        ? await currentConfig(client, label, id)
        : await updateVersioned({
              label,
              id,
              knownVersion: steps.knownVersion,
              sent: desired,
              put: (version) => integrationApi.putConfig(client, id, { ...desired, version }),
              get: () => settledConfig(client, id),
              fieldsOf: (live) => ({ ...comparableConfig(live) }),
          });
    const integration =
        state === previous.state
            ? await settledIntegration(client, id)
            : await changeState(client, label, id, previous.state, state);
    if (integration === undefined) {
        throw new Error(
            `the ${label} ${id} no longer exists on the platform: run \`pulumi refresh\` to drop it from the stack`,
        );
    }
    return { integration, config };
}

export function stateOf(enabled: boolean): IntendedState {
    return enabled ? "ENABLED" : "DISABLED";
}

/**
 * How a kind of integration is read, whatever its type: by id, and (for a create recorded unconfirmed) by its name
 * among the integrations of its type, our auto-names being unique. `complete` adds what the kind's outputs need.
 */
export function integrationReads<L extends LiveIntegration>(
    typeId: string,
    complete: (client: ApiClient, live: LiveIntegration | undefined) => Promise<L | undefined>,
) {
    return {
        read: async (client: ApiClient, id: string) => complete(client, await readIntegration(client, id)),
        async resolveUnconfirmed(client: ApiClient, name: string) {
            const found = await integrationApi.findByName(client, typeId, name);
            return found && complete(client, await readIntegration(client, found.id));
        },
        idOf: (live: L) => live.integration.id,
    };
}
