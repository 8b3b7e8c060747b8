import { kindProvider } from "../../kindProvider";
import { chosenIdObjectCrud } from "../../lifecycle/chosenIdObjectCrud";
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

    ...chosenIdObjectCrud(LABEL, api, toBody, {
        readable: readableBody,
        preflight: {
            async beforeWrite(_client, inputs) {
                await bucketPreflight(inputs);
                // Nothing seen to keep: a compliant bucket is all the write needs.
                return {};
            },
        },
    }),

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

    computed: (live) => ({ storageTargetId: live.id, version: live.version }),
});
