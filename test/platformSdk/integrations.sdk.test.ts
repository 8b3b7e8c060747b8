import assert from "node:assert/strict";
import { test } from "node:test";
import type { Models } from "purecloud-platform-client-v2";
import { DEFAULT_CLIENT_ID } from "../../emulator";
import { refusal, sdkSession } from "./sdkSession";

const EVENTBRIDGE = "amazon-eventbridge-source";

function eventBridgeConfig(version: number, overrides: Record<string, unknown> = {}): Models.IntegrationConfiguration {
    return {
        name: "Contact-center events",
        version,
        notes: "Conversation ends to the analytics account",
        advanced: {},
        credentials: {},
        properties: {
            awsAccountId: "123456789012",
            awsAccountRegion: "eu-west-1",
            eventSourceSuffix: "cc-events.prod",
            eventFilter: ["v2.detail.events.conversation.{id}.customer.end", "v2.audits.entitytype.{id}.entityid.{id}"],
            ...overrides,
        },
    };
}

test("the SDK reads the org, whose id names the EventBridge partner event source", async (t) => {
    const { organization } = await sdkSession(t);
    const org = await organization.getOrganizationsMe();
    assert.match(org.id ?? "", /^[0-9a-f-]{36}$/);
    assert.equal(typeof org.version, "number");
    assert.equal(org.selfUri, `/api/v2/organizations/${org.id}`);
    assert.equal((await organization.getOrganizationsMe()).id, org.id, "the same org on every call");
});

test("the SDK installs an EventBridge integration, configures it with its version and enables it", async (t) => {
    const { integrations } = await sdkSession(t);
    const created = await integrations.postIntegrations({
        body: { name: "Contact-center events", integrationType: { id: EVENTBRIDGE } },
    });
    assert.equal(created.intendedState, "DISABLED");
    assert.equal(created.reportedState?.code, "INACTIVE");
    assert.equal(created.integrationType?.id, EVENTBRIDGE);
    const id = created.id as string;

    const fresh = await integrations.getIntegrationConfigCurrent(id);
    assert.equal(fresh.version, 1);
    assert.deepEqual(fresh.properties, {});

    const configured = await integrations.putIntegrationConfigCurrent(id, { body: eventBridgeConfig(fresh.version) });
    assert.equal(configured.version, 2);
    assert.deepEqual(configured.properties, eventBridgeConfig(1).properties);

    const stale = await refusal(integrations.putIntegrationConfigCurrent(id, { body: eventBridgeConfig(1) }));
    assert.equal(stale.status, 409);
    assert.match(stale.message ?? "", /does not match the current version/);
    assert.equal((await integrations.getIntegrationConfigCurrent(id)).version, 2, "the stale write changed nothing");

    const enabled = await integrations.patchIntegration(id, { body: { intendedState: "ENABLED" } });
    assert.equal(enabled.intendedState, "ENABLED");
    assert.equal(enabled.reportedState?.code, "ACTIVE");
    assert.equal(enabled.notes, "Conversation ends to the analytics account");

    const listed = await integrations.getIntegrations({ integrationType: EVENTBRIDGE, expand: ["config.current"] });
    assert.equal(listed.total, 1);
    assert.equal(listed.entities?.[0]?.config?.current?.version, 2);
    assert.equal((await integrations.getIntegrations({ integrationType: "other-type" })).total, 0);

    const disabled = await integrations.patchIntegration(id, { body: { intendedState: "DISABLED" } });
    assert.equal(disabled.reportedState?.code, "INACTIVE");

    const deleted = await integrations.deleteIntegration(id);
    assert.equal(deleted.id, id);
    assert.equal((await refusal(integrations.getIntegration(id))).status, 404);
    assert.equal((await refusal(integrations.getIntegrationConfigCurrent(id))).status, 404);
});

test("a configuration the platform would refuse is a 400 naming each property, and changes nothing", async (t) => {
    const { integrations } = await sdkSession(t);
    const id = (await integrations.postIntegrations({ body: { name: "Events", integrationType: { id: EVENTBRIDGE } } }))
        .id as string;
    const refused = await refusal(
        integrations.putIntegrationConfigCurrent(id, {
            body: eventBridgeConfig(1, {
                awsAccountId: "12345",
                eventSourceSuffix: "x".repeat(65),
                eventFilter: ["genesys.conversation.end"],
                topicFilters: [],
            }),
        }),
    );
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.details?.map((d) => d.fieldName).sort(), [
        "properties.awsAccountId",
        "properties.eventFilter",
        "properties.eventSourceSuffix",
        "properties.topicFilters",
    ]);
    const { version: _v, ...withoutVersion } = eventBridgeConfig(1);
    const noVersion = await refusal(
        integrations.putIntegrationConfigCurrent(id, { body: withoutVersion as Models.IntegrationConfiguration }),
    );
    assert.deepEqual(
        noVersion.details?.map((d) => d.fieldName),
        ["version"],
    );
    assert.equal((await integrations.getIntegrationConfigCurrent(id)).version, 1);

    const unknownType = await refusal(
        integrations.postIntegrations({ body: { name: "x", integrationType: { id: "nope" } } }),
    );
    assert.deepEqual(
        unknownType.details?.map((d) => d.fieldName),
        ["integrationType.id"],
    );
    const badState = await refusal(integrations.patchIntegration(id, { body: { intendedState: "ON" } }));
    assert.deepEqual(
        badState.details?.map((d) => d.fieldName),
        ["intendedState"],
    );
});

test("enabling an integration whose configuration is incomplete reports the error the platform shows", async (t) => {
    const { integrations } = await sdkSession(t);
    const id = (await integrations.postIntegrations({ body: { name: "Events", integrationType: { id: EVENTBRIDGE } } }))
        .id as string;
    const enabled = await integrations.patchIntegration(id, { body: { intendedState: "ENABLED" } });
    assert.equal(enabled.reportedState?.code, "ERROR");
    assert.match(
        enabled.reportedState?.detail?.message ?? "",
        /awsAccountId, awsAccountRegion, eventSourceSuffix, eventFilter/,
    );
});

test("a missing integrations permission is a 403 naming it", async (t) => {
    const { integrations, emulator } = await sdkSession(t);
    const id = (await integrations.postIntegrations({ body: { name: "Events", integrationType: { id: EVENTBRIDGE } } }))
        .id as string;
    emulator.setWithheldPermissions(DEFAULT_CLIENT_ID, ["integrations:integration:edit"]);
    const denied = await refusal(integrations.patchIntegration(id, { body: { intendedState: "ENABLED" } }));
    assert.equal(denied.status, 403);
    assert.deepEqual(denied.messageParams, { permissions: "integrations:integration:edit" });
    assert.equal((await integrations.getIntegration(id)).intendedState, "DISABLED");
});
