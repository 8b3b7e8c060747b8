import type { ApiClient } from "../../client/apiClient";
import { deleteOrGone, readOrGone } from "../../lifecycle/missingIsGone";
import type { Encryption, StorageTargetInputs } from "./schema";

/** The platform's body for a storage target (API-CONTRACT.md); `configuration.secretAccessKey` is write-only. */
export interface StorageTargetBody {
    name: string;
    type: "aws-s3";
    configuration: {
        bucket: string;
        region: string;
        accessKeyId?: string;
        secretAccessKey?: string;
        roleArn?: string;
        serverSideEncryption: Encryption;
        kmsKeyId?: string;
        pathPrefix: string;
    };
    retentionDays: number;
    enabled: boolean;
}

export interface LiveStorageTarget extends StorageTargetBody {
    id: string;
    version: number;
    selfUri: string;
    dateCreated: string;
    dateModified: string;
}

const COLLECTION = "/api/v2/recording/storage/targets";
const item = (id: string) => `${COLLECTION}/${encodeURIComponent(id)}`;

export function toBody(inputs: StorageTargetInputs): StorageTargetBody {
    return {
        name: inputs.name,
        type: "aws-s3",
        configuration: {
            bucket: inputs.bucket,
            region: inputs.region,
            accessKeyId: inputs.accessKeyId,
            secretAccessKey: inputs.secretAccessKey,
            roleArn: inputs.roleArn,
            serverSideEncryption: inputs.serverSideEncryption,
            kmsKeyId: inputs.kmsKeyId,
            pathPrefix: inputs.pathPrefix,
        },
        retentionDays: inputs.retentionDays,
        enabled: inputs.enabled,
    };
}

/** What a read can show of a body we sent: everything but the write-only secret. */
export function readableBody(body: StorageTargetBody): StorageTargetBody {
    const { secretAccessKey: _writeOnly, ...configuration } = body.configuration;
    return { ...body, configuration };
}

export const storageTargetApi = {
    /** The create and the update share the path: without `version` the PUT creates or overwrites (idempotent). */
    put: (client: ApiClient, id: string, body: StorageTargetBody, version?: number) =>
        client.put<LiveStorageTarget>(item(id), version === undefined ? body : { ...body, version }),
    get: (client: ApiClient, id: string) => readOrGone(() => client.get<LiveStorageTarget>(item(id))),
    delete: (client: ApiClient, id: string) => deleteOrGone(() => client.delete(item(id))),
};
