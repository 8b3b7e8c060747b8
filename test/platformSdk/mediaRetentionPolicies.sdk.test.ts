import assert from "node:assert/strict";
import { test } from "node:test";
import type { Models } from "purecloud-platform-client-v2";
import { DEFAULT_CLIENT_ID } from "../../emulator";
import { refusal, sdkSession } from "./sdkSession";

/** The vendor's smallest policy, as the SDK's model types it. */
function policy(name: string, deleteDays = 3): Models.PolicyCreate {
    return {
        name,
        order: 0,
        enabled: false,
        mediaPolicies: {
            callPolicy: {
                actions: {
                    retainRecording: true,
                    retentionDuration: {
                        archiveRetention: { days: 1, storageMedium: "CLOUDARCHIVE" },
                        deleteRetention: { days: deleteDays },
                    },
                },
                conditions: { directions: ["INBOUND"] },
            },
        },
    };
}

test("the SDK creates, reads, lists, replaces, enables and deletes a media retention policy", async (t) => {
    const { recording } = await sdkSession(t);
    const created = await recording.postRecordingMediaretentionpolicies(policy("Inbound calls"));
    const id = created.id as string;
    assert.match(id, /^[0-9a-f-]{36}$/);
    assert.equal(created.selfUri, `/api/v2/recording/mediaretentionpolicies/${id}`);
    assert.deepEqual(created.mediaPolicies, policy("x").mediaPolicies);
    assert.equal("version" in created, false, "a policy has no version");
    assert.equal(typeof created.createdDate, "string");

    const read = await recording.getRecordingMediaretentionpolicy(id);
    assert.deepEqual(read, created);

    await recording.postRecordingMediaretentionpolicies(policy("Outbound calls"));
    const byName = await recording.getRecordingMediaretentionpolicies({ name: "inbound" });
    assert.deepEqual(
        byName.entities?.map((p) => p.name),
        ["Inbound calls"],
    );
    const paged = await recording.getRecordingMediaretentionpolicies({ pageSize: 1, pageNumber: 2 });
    assert.equal(paged.total, 2);
    assert.equal(paged.pageCount, 2);
    assert.equal(paged.entities?.length, 1);
    assert.match(paged.firstUri ?? "", /pageNumber=1/);

    // A PUT replaces the policy whatever it holds: there is no version to send.
    const replaced = await recording.putRecordingMediaretentionpolicy(id, { ...read, ...policy("Inbound calls", 30) });
    assert.equal(replaced.mediaPolicies?.callPolicy?.actions?.retentionDuration?.deleteRetention?.days, 30);
    const enabled = await recording.patchRecordingMediaretentionpolicy(id, { enabled: true });
    assert.equal(enabled.enabled, true);
    assert.equal(enabled.mediaPolicies?.callPolicy?.actions?.retentionDuration?.deleteRetention?.days, 30);

    await recording.deleteRecordingMediaretentionpolicy(id);
    assert.equal((await refusal(recording.getRecordingMediaretentionpolicy(id))).status, 404);
    assert.equal((await recording.getRecordingMediaretentionpolicies()).total, 1);
});

test("a policy the platform would refuse is a 400 naming each field, and changes nothing", async (t) => {
    const { recording } = await sdkSession(t);
    const bad = policy("");
    const call = bad.mediaPolicies?.callPolicy as Models.CallMediaPolicy;
    (call.actions as Models.PolicyActions).retentionDuration = { archiveRetention: { days: 0, storageMedium: "S3" } };
    (call.conditions as Models.CallMediaPolicyConditions).directions = ["SIDEWAYS"];
    const chat = { conditions: { directions: ["INBOUND"] } } as Models.ChatMediaPolicy;
    const error = await refusal(
        recording.postRecordingMediaretentionpolicies({
            ...bad,
            mediaPolicies: { ...bad.mediaPolicies, chatPolicy: chat },
        }),
    );
    assert.equal(error.status, 400);
    assert.deepEqual(error.details?.map((d) => d.fieldName).sort(), [
        "mediaPolicies.callPolicy.actions.retentionDuration.archiveRetention.days",
        "mediaPolicies.callPolicy.actions.retentionDuration.archiveRetention.storageMedium",
        "mediaPolicies.callPolicy.conditions.directions",
        "mediaPolicies.chatPolicy.conditions.directions",
        "name",
    ]);
    assert.equal((await recording.getRecordingMediaretentionpolicies()).total, 0);
});

test("a client whose roles lack recording:retentionPolicy:add gets the platform's 403 naming it", async (t) => {
    const { emulator, recording } = await sdkSession(t);
    emulator.setWithheldPermissions(DEFAULT_CLIENT_ID, ["recording:retentionPolicy:add"]);
    const error = await refusal(recording.postRecordingMediaretentionpolicies(policy("Denied")));
    assert.equal(error.status, 403);
    assert.equal(error.code, "missing.permissions");
    assert.match(error.message ?? "", /recording:retentionPolicy:add/);
    assert.equal((await recording.getRecordingMediaretentionpolicies()).total, 0, "viewing is still granted");
});
