import type { Models } from "purecloud-platform-client-v2";
import type { ApiClient } from "../../client/apiClient";
import { deleteOrGone, readOrGone } from "../../lifecycle/missingIsGone";
import { ROLE_ARN_FIELD, ROLE_CREDENTIAL_TYPE } from "./exportTypeShape";

const CREDENTIALS_PATH = "/api/v2/integrations/credentials";
const item = (id: string) => `${CREDENTIALS_PATH}/${encodeURIComponent(id)}`;

/** A credential as listed or read: its fields are never returned. */
export type CredentialInfo = Models.CredentialInfo & { id: string };

/** The role credential Genesys Cloud presents to AWS: the role's ARN under the credential's name. */
export function roleCredential(name: string, roleArn: string): Models.Credential {
    return { name, type: { name: ROLE_CREDENTIAL_TYPE }, credentialFields: { [ROLE_ARN_FIELD]: roleArn } };
}

/** `/api/v2/integrations/credentials`: no version, no name filter, fields redacted on every read. */
export const credentialApi = {
    create: (client: ApiClient, body: Models.Credential) => client.post<CredentialInfo>(CREDENTIALS_PATH, body),
    get: (client: ApiClient, id: string) => readOrGone(() => client.get<CredentialInfo>(item(id))),
    put: (client: ApiClient, id: string, body: Models.Credential) => client.put<CredentialInfo>(item(id), body),
    delete: (client: ApiClient, id: string) => deleteOrGone(() => client.delete(item(id))),
    async findByName(client: ApiClient, name: string): Promise<CredentialInfo | undefined> {
        return (await client.listPages<CredentialInfo>(CREDENTIALS_PATH)).find(
            (credential) => credential.name === name,
        );
    },
};
