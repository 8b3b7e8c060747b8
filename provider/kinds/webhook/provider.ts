import { kindProvider } from "../../kindProvider";
import { postedObjectCrud } from "../../lifecycle/postedObjectCrud";
import { type LiveWebhook, readableBody, toBody, webhookApi as api } from "./api";
import { type WebhookInputs, webhookDefaults, webhookInputs, webhookRules } from "./schema";

const LABEL = "webhook";

export const webhookProvider = kindProvider<WebhookInputs, LiveWebhook>({
    label: LABEL,
    schema: webhookInputs,
    rules: webhookRules,
    defaults: webhookDefaults,
    secretFields: ["secret", "headers"],
    nameMaxLength: 200,
    replaceOn: [],

    ...postedObjectCrud(LABEL, api, toBody, { readable: readableBody }),

    // The platform never returns `secret`: it comes from the previous inputs/outputs, so a refresh shows no
    // false drift and a changed secret in the program still shows as a change.
    inputsFromLive: (live, oldInputs) => ({
        name: live.name,
        targetUrl: live.targetUrl,
        events: live.events,
        enabled: live.enabled,
        secret: oldInputs.secret,
        headers: live.headers,
        format: live.format,
    }),

    computed: (live) => ({ webhookId: live.id, version: live.version }),
});
