import assert from "node:assert/strict";
import { test } from "node:test";
import type { Models } from "purecloud-platform-client-v2";
import { asModel } from "./platformModel";

// These lines are checked by the compiler: each @ts-expect-error fails the build if the line compiles.
test("a value naming only the model's fields, with references as { id }, is accepted as the model", () => {
    const actions = asModel<
        Models.PolicyActions,
        { retainRecording: boolean; assignEvaluations: { user: { id: string } }[] }
    >({ retainRecording: true, assignEvaluations: [{ user: { id: "u1" } }] });
    assert.equal(actions.retainRecording, true);
    // @ts-expect-error: retentionDays is no field of PolicyActions (it is retentionDuration)
    asModel<Models.PolicyActions, { retentionDays: number }>({ retentionDays: 30 });
    asModel<Models.PolicyActions, { assignEvaluations: { usr: { id: string } }[] }>({
        // @ts-expect-error: a typo in a nested reference's field (usr for user)
        assignEvaluations: [{ usr: { id: "u1" } }],
    });
    // @ts-expect-error: retainRecording is a boolean in the model
    asModel<Models.PolicyActions, { retainRecording: string }>({ retainRecording: "yes" });
});
