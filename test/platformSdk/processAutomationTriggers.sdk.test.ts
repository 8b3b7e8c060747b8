import assert from "node:assert/strict";
import { test } from "node:test";
import type { Models } from "purecloud-platform-client-v2";
import { refusal, sdkSession } from "./sdkSession";

const CUSTOMER_END = "v2.detail.events.conversation.{id}.customer.end";

function trigger(name: string, overrides: Partial<Models.CreateTriggerRequest> = {}): Models.CreateTriggerRequest {
    return {
        name,
        topicName: CUSTOMER_END,
        enabled: true,
        target: { type: "Workflow", id: "5f3a7c1e-workflow", workflowTargetSettings: { dataFormat: "Json" } },
        matchCriteria: [{ jsonPath: "$.mediaType", operator: "In", values: ["VOICE" as unknown as object] }],
        eventTTLSeconds: 60,
        description: "Survey callers after the call",
        ...overrides,
    };
}

/** The `after` cursor of a list's nextUri, as a caller of the SDK follows it. */
const afterOf = (listing: Models.TriggerEntityListing) =>
    new URL(listing.nextUri as string, "http://x").searchParams.get("after") ?? undefined;

test("the SDK creates, reads, updates with its version and deletes a process automation trigger", async (t) => {
    const { processAutomation: api } = await sdkSession(t);
    const created = await api.postProcessautomationTriggers(trigger("Post-call survey"));
    const id = created.id as string;
    assert.equal(created.version, 1);
    assert.deepEqual(created.target, trigger("x").target);
    assert.deepEqual(await api.getProcessautomationTrigger(id), created);

    const update = { ...trigger("Post-call survey", { enabled: false }), version: 1 };
    const updated = await api.putProcessautomationTrigger(id, update);
    assert.equal(updated.version, 2);
    assert.equal(updated.enabled, false);

    const stale = await refusal(api.putProcessautomationTrigger(id, update));
    assert.equal(stale.status, 409);
    assert.match(stale.message ?? "", /does not match the current version/);
    const moved = await refusal(
        api.putProcessautomationTrigger(id, { ...update, version: 2, topicName: "v2.users.{id}.activity" }),
    );
    assert.equal(moved.status, 400);
    assert.match(moved.message ?? "", /cannot be updated after creation/);
    assert.equal((await api.getProcessautomationTrigger(id)).version, 2, "refused writes changed nothing");

    await api.deleteProcessautomationTrigger(id);
    assert.equal((await refusal(api.getProcessautomationTrigger(id))).status, 404);
});

test("the SDK walks the cursor-paged list with after, and filters by topic", async (t) => {
    const { processAutomation: api } = await sdkSession(t);
    for (let i = 0; i < 5; i++) await api.postProcessautomationTriggers(trigger(`t${i}`));
    await api.postProcessautomationTriggers(trigger("presence", { topicName: "v2.users.{id}.activity" }));
    const names: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
        const page = await api.getProcessautomationTriggers({ pageSize: "2", after });
        names.push(...(page.entities ?? []).map((e) => e.name as string));
        assert.equal("pageNumber" in page, false, "a cursor list, not a numbered one");
        after = page.nextUri ? afterOf(page) : undefined;
        pages += 1;
    } while (after);
    assert.equal(pages, 3);
    assert.deepEqual(names, ["t0", "t1", "t2", "t3", "t4", "presence"]);
    const byTopic = await api.getProcessautomationTriggers({ topicName: "v2.users.{id}.activity" });
    assert.deepEqual(
        byTopic.entities?.map((e) => e.name),
        ["presence"],
    );
    assert.equal((await refusal(api.getProcessautomationTriggers({ pageSize: "201" }))).status, 400);
});

test("a trigger the platform would refuse is a 400 naming each field", async (t) => {
    const { processAutomation: api } = await sdkSession(t);
    const error = await refusal(
        api.postProcessautomationTriggers(
            trigger("", {
                topicName: "conversation.end",
                target: { type: "Lambda", id: "f" },
                delayBySeconds: 30,
                matchCriteria: [{ jsonPath: "mediaType", operator: "Like" }],
            }),
        ),
    );
    assert.equal(error.status, 400);
    assert.deepEqual([...new Set(error.details?.map((d) => d.fieldName))].sort(), [
        "delayBySeconds",
        "matchCriteria[0]",
        "matchCriteria[0].jsonPath",
        "matchCriteria[0].operator",
        "name",
        "target.type",
        "topicName",
    ]);
    assert.equal((await api.getProcessautomationTriggers()).entities?.length, 0);
});
