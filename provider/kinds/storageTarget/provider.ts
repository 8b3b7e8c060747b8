import { kindProvider } from "../../kindProvider";
import { createWithClientId } from "../../lifecycle/createWithClientId";
import { updateVersioned } from "../../lifecycle/versionedUpdate";
import { bucketPreflight } from "./bucketPreflight";
import { type LiveStorageTarget, readableBody, storageTargetApi as api, toBody } from "./api";
import { type StorageTargetInputs, storageTargetDefaults, storageTargetInputs, storageTargetRules } from "./schema";

const LABEL = "recording storage target";

export const storageTargetProvider = kindProvider<StorageTargetInputs, LiveStorageTarget>({
    label: LABEL,
    schema: storageTargetInputs,
    rules: storageTargetRules,
    defaults: storageTargetDefaults,
    secretFields: ["secretAccessKey"],
    // A target is where recordings already are: pointing it at another bucket or region is a new target.
    replaceOn: ["bucket", "region"],
    // Whether to check the bucket is no reason on its own to write the target.
    checkOnly: ["verifyBucket"],
    nameMaxLength: 200,

    async create(client, inputs) {
        await bucketPreflight(inputs);
        const body = toBody(inputs);
        return createWithClientId({
            put: (id) => api.put(client, id, body),
            get: (id) => api.get(client, id),
        });
    },

    read: (client, id) => api.get(client, id),
    // The id was ours to choose: an unconfirmed create is looked for under it.
    resolveUnconfirmed: (client, id) => api.get(client, id),

    async update(client, id, olds, inputs) {
        await bucketPreflight(inputs);
        const body = toBody(inputs);
        return updateVersioned({
            label: LABEL,
            id,
            knownVersion: Number(olds.version),
            put: (version) => api.put(client, id, body, version),
            get: () => api.get(client, id),
            sent: readableBody(body),
        });
    },

    delete: (client, id) => api.delete(client, id),

    idOf: (live) => live.id,

    // The platform never returns secretAccessKey, so it comes from the previous inputs/outputs: a refresh
    // then shows no false drift, and a changed key in the program still shows as a change.
    inputsFromLive: (live, oldInputs) => ({
        name: live.name,
        bucket: live.configuration.bucket,
        region: live.configuration.region,
        serverSideEncryption: live.configuration.serverSideEncryption,
        kmsKeyId: live.configuration.kmsKeyId,
        pathPrefix: live.configuration.pathPrefix,
        retentionDays: live.retentionDays,
        enabled: live.enabled,
        roleArn: live.configuration.roleArn,
        accessKeyId: live.configuration.accessKeyId,
        secretAccessKey: live.configuration.accessKeyId === undefined ? undefined : oldInputs.secretAccessKey,
        verifyBucket: oldInputs.verifyBucket,
    }),

    outputs(live, inputs) {
        return { ...this.inputsFromLive(live, inputs), storageTargetId: live.id, version: live.version };
    },
});
