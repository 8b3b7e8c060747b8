import { objectCollection } from "../../lifecycle/objectCollection";
import type { Encryption, StorageTargetInputs } from "./schema";

/** The platform's body for a storage target; `configuration.secretAccessKey` is write-only. */
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

export const storageTargetApi = objectCollection<StorageTargetBody, LiveStorageTarget>(COLLECTION);
