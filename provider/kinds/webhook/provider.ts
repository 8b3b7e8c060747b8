import { kindProvider } from "../../kindProvider";
import { bodyMatches } from "../../lifecycle/bodyMatches";
import { createAdoptingOrphan } from "../../lifecycle/createByPost";
import { updateVersioned } from "../../lifecycle/versionedUpdate";
import { LiveWebhook, readableBody, toBody, webhookApi as api } from "./api";
import { WebhookInputs, webhookDefaults, webhookInputs, webhookRules } from "./schema";

const LABEL = "webhook";

export const webhookProvider = kindProvider<WebhookInputs, LiveWebhook>({
    label: LABEL,
    schema: webhookInputs,
    rules: webhookRules,
    defaults: webhookDefaults,
    secretFields: ["secret"],
    nameMaxLength: 200,
    replaceOn: [],

    create(client, inputs) {
        const body = toBody(inputs);
        return createAdoptingOrphan({
            post: () => api.create(client, body),
            findByName: () => api.findByName(client, body.name),
        });
    },

    read: (client, id) => api.get(client, id),

    update(client, id, olds, inputs) {
        const body = toBody(inputs);
        return updateVersioned({
            label: LABEL,
            id,
            knownVersion: Number(olds.version),
            put: (version) => api.put(client, id, body, version),
            get: async () => {
                const live = await api.get(client, id);
                if (!live) throw new Error(`the ${LABEL} ${id} no longer exists on the platform: run \`pulumi refresh\` to drop it from the stack`);
                return live;
            },
            holdsOurChange: (live) => bodyMatches({ ...readableBody(body) }, { ...live }),
        });
    },

    delete: (client, id) => api.delete(client, id),

    idOf: (live) => live.id,

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

    outputs(live, inputs) {
        return { ...this.inputsFromLive(live, inputs), webhookId: live.id, version: live.version };
    },
});
