import type { ApiClient } from "../../client/apiClient";
import { kindProvider } from "../../kindProvider";
import { isAutoNamed } from "../../lifecycle/autoName";
import { integrationApi } from "../../integrations/integrationApi";
import {
    installIntegration,
    integrationReads,
    type LiveIntegration,
    readIntegration,
    stateOf,
    updateIntegration,
} from "../../integrations/integrationLifecycle";
import { organizationId } from "../../integrations/organizationId";
import { createAdoptingOrphan } from "../../lifecycle/createAdoptingOrphan";
import { bucketPreflight } from "../storageTarget/bucketPreflight";
import { credentialIdOf, desiredConfig, inputsFromLive } from "./api";
import { credentialApi, roleCredential } from "./credentialApi";
import { type ExportTypeShape, exportTypeShape, RECORDING_EXPORT_TYPE } from "./exportTypeShape";
import {
    PREFLIGHT_ONLY,
    type RecordingExportIntegrationInputs,
    recordingExportIntegrationDefaults,
    recordingExportIntegrationInputs,
    recordingExportIntegrationRules,
} from "./schema";

const LABEL = "recording export integration";

/** The integration with what reading it needs: the type's shape and the org id (the role's external id). */
type LiveExport = LiveIntegration & { shape: ExportTypeShape; organizationId: string };

async function complete(client: ApiClient, live: LiveIntegration | undefined): Promise<LiveExport | undefined> {
    if (live === undefined) return undefined;
    const [shape, org] = await Promise.all([exportTypeShape(client), organizationId(client)]);
    return { ...live, shape, organizationId: org };
}

/**
 * The role credential, named after the integration. Under an auto-name (this resource's own) an earlier attempt's
 * credential is taken up and set to the role, so a failure midway never leaves a second one; under a name the
 * program chose, a credential already there may be anyone's, and a new one is made.
 */
async function ensureCredential(client: ApiClient, name: string, roleArn: string, autoNamed: boolean): Promise<string> {
    const body = roleCredential(name, roleArn);
    const earlier = autoNamed ? await credentialApi.findByName(client, name) : undefined;
    if (earlier !== undefined) return (await credentialApi.put(client, earlier.id, body)).id;
    const created = await createAdoptingOrphan({
        name,
        post: () => credentialApi.create(client, body),
        findByName: () => credentialApi.findByName(client, name),
    });
    return created.id;
}

export const recordingExportIntegrationProvider = kindProvider<RecordingExportIntegrationInputs, LiveExport>({
    label: LABEL,
    schema: recordingExportIntegrationInputs,
    rules: recordingExportIntegrationRules,
    defaults: recordingExportIntegrationDefaults,
    checkOnly: PREFLIGHT_ONLY,
    nameMaxLength: 200,

    async create(client, inputs) {
        await bucketPreflight(inputs);
        const autoNamed = isAutoNamed(inputs);
        const shape = await exportTypeShape(client);
        // The credential is made once the integration exists, so an unfinished install always has an integration
        // to be found and removed by (the credential goes with it, found by the same name).
        const live = await installIntegration(client, {
            label: LABEL,
            typeId: RECORDING_EXPORT_TYPE,
            name: inputs.name,
            autoNamed,
            configure: async () =>
                desiredConfig(inputs, shape, await ensureCredential(client, inputs.name, inputs.roleArn, autoNamed)),
            state: stateOf(inputs.enabled),
        });
        return (await complete(client, live)) as LiveExport;
    },

    ...integrationReads(RECORDING_EXPORT_TYPE, complete),

    async update(client, id, olds, inputs) {
        await bucketPreflight(inputs);
        const shape = await exportTypeShape(client);
        const credentialId = String(olds.credentialId);
        // Credentials carry no version and their fields are never returned: the role is set whenever it changes.
        if (olds.roleArn !== inputs.roleArn)
            await credentialApi.put(client, credentialId, roleCredential(inputs.name, inputs.roleArn));
        const previous = olds as RecordingExportIntegrationInputs;
        const live = await updateIntegration(client, {
            label: LABEL,
            id,
            knownVersion: Number(olds.version),
            previous: { desired: desiredConfig(previous, shape, credentialId), state: stateOf(previous.enabled) },
            desired: desiredConfig(inputs, shape, credentialId),
            state: stateOf(inputs.enabled),
        });
        return (await complete(client, live)) as LiveExport;
    },

    // The integration first (it references the credential), then its credential: the one its configuration names,
    // or, for an install that stopped before configuring, the one named after it.
    async delete(client, id) {
        const live = await readIntegration(client, id);
        await integrationApi.delete(client, id);
        if (live === undefined) return;
        const credentialId =
            credentialIdOf(live, await exportTypeShape(client)) ??
            (await credentialApi.findByName(client, live.config.name))?.id;
        if (credentialId !== undefined) await credentialApi.delete(client, credentialId);
    },

    inputsFromLive: (live, oldInputs) => inputsFromLive(live, live.shape, oldInputs),

    computed: (live) => ({
        integrationId: live.integration.id,
        credentialId: credentialIdOf(live, live.shape),
        version: live.config.version,
        reportedState: live.integration.reportedState?.code,
        organizationId: live.organizationId,
    }),
});
