import assert from "node:assert/strict";
import { test } from "node:test";
import type { Models } from "purecloud-platform-client-v2";
import { refusal, sdkSession } from "./sdkSession";

const EXPORT = "aws-s3-recording-bulk-actions-integration";
const ROLE = "arn:aws:iam::123456789012:role/genesys-recording-export";

test("the SDK learns where the S3 export type keeps its bucket and role from the type itself", async (t) => {
    const { integrations } = await sdkSession(t);
    const type = await integrations.getIntegrationsType(EXPORT);
    const [[credentialKey, spec]] = Object.entries(type.credentials ?? {});
    assert.deepEqual(spec.credentialTypes, ["amazonWebServicesARN"]);
    const schema = await integrations.getIntegrationsTypeConfigschema(EXPORT, "properties");
    assert.deepEqual(schema.required, ["bucketName"]);
    assert.equal(typeof credentialKey, "string");
    assert.equal((await refusal(integrations.getIntegrationsType("no-such-type"))).status, 404);
});

test("the SDK creates, reads, lists, updates and deletes a role credential, whose fields never come back", async (t) => {
    const { integrations } = await sdkSession(t);
    const body: Models.Credential = {
        name: "exports-role",
        type: { name: "amazonWebServicesARN" },
        credentialFields: { ARN: ROLE },
    };
    const created = await integrations.postIntegrationsCredentials({ body });
    const id = created.id as string;
    assert.equal(created.type?.name, "amazonWebServicesARN");

    const read = await integrations.getIntegrationsCredential(id);
    assert.equal(read.name, "exports-role");
    assert.equal(read.credentialFields, undefined, "fields are redacted");
    assert.equal(JSON.stringify(read).includes(ROLE), false);

    const listed = await integrations.getIntegrationsCredentials();
    assert.deepEqual(
        listed.entities?.map((c) => c.id),
        [id],
    );

    const renamed = await integrations.putIntegrationsCredential(id, {
        body: { ...body, name: "exports-role-2", credentialFields: { ARN: `${ROLE}-2` } },
    });
    assert.equal(renamed.name, "exports-role-2");

    const missing = await refusal(
        integrations.postIntegrationsCredentials({ body: { ...body, credentialFields: {} } }),
    );
    assert.equal(missing.status, 400);
    assert.match(missing.message ?? "", /credentialFields\.ARN is required/);

    await integrations.deleteIntegrationsCredential(id);
    assert.equal((await refusal(integrations.getIntegrationsCredential(id))).status, 404);
});

test("the SDK installs the export integration with its bucket and credential, updates the config by version", async (t) => {
    const { integrations } = await sdkSession(t);
    const credential = await integrations.postIntegrationsCredentials({
        body: { name: "exports", type: { name: "amazonWebServicesARN" }, credentialFields: { ARN: ROLE } },
    });
    const [credentialKey] = Object.keys((await integrations.getIntegrationsType(EXPORT)).credentials ?? {});
    const created = await integrations.postIntegrations({ body: { name: "exports", integrationType: { id: EXPORT } } });
    const id = created.id as string;
    const config = (version: number, bucket: string): Models.IntegrationConfiguration => ({
        name: "exports",
        version,
        notes: "",
        advanced: {},
        properties: { bucketName: bucket },
        credentials: { [credentialKey]: { id: credential.id } },
    });

    const configured = await integrations.putIntegrationConfigCurrent(id, { body: config(1, "cc-exports") });
    assert.equal(configured.version, 2);
    assert.equal(configured.credentials[credentialKey].id, credential.id);
    const enabled = await integrations.patchIntegration(id, { body: { intendedState: "ENABLED" } });
    assert.equal(enabled.reportedState?.code, "ACTIVE");

    const read = await integrations.getIntegration(id);
    assert.deepEqual([read.name, read.integrationType?.id, read.intendedState], ["exports", EXPORT, "ENABLED"]);
    const current = await integrations.getIntegrationConfigCurrent(id);
    assert.equal(current.version, 2);
    assert.deepEqual(current.properties, { bucketName: "cc-exports" });
    assert.equal(current.credentials[credentialKey].id, credential.id);

    const listed = await integrations.getIntegrations({ integrationType: EXPORT, expand: ["config.current"] });
    assert.deepEqual(listed.entities?.[0]?.config?.current?.properties, { bucketName: "cc-exports" });

    const moved = await integrations.putIntegrationConfigCurrent(id, { body: config(2, "cc-exports-2") });
    assert.equal(moved.version, 3);
    const stale = await refusal(integrations.putIntegrationConfigCurrent(id, { body: config(2, "cc-other") }));
    assert.equal(stale.status, 409);

    const bad = await refusal(integrations.putIntegrationConfigCurrent(id, { body: config(3, "Bad_Bucket") }));
    assert.equal(bad.status, 400);
    assert.match(bad.message ?? "", /properties\.bucketName must follow the S3 bucket naming rules/);
    const unknown = await refusal(
        integrations.putIntegrationConfigCurrent(id, {
            body: { ...config(3, "cc-exports"), properties: { bucketName: "cc-exports", pathPrefix: "x" } },
        }),
    );
    assert.match(unknown.message ?? "", /properties\.pathPrefix is not a property/);

    await integrations.deleteIntegration(id);
    assert.equal((await refusal(integrations.getIntegration(id))).status, 404);
});
