import type { ApiClient } from "../../client/apiClient";
import { deleteOrGone, readOrGone } from "../../lifecycle/missingIsGone";
import type { WebhookInputs } from "./schema";

/** The platform's body for a webhook (API-CONTRACT.md); `secret` is write-only. */
export interface WebhookBody {
    name: string;
    targetUrl: string;
    events: string[];
    enabled: boolean;
    secret?: string;
    format: "application/json";
    headers?: Record<string, string>;
}

export interface LiveWebhook extends WebhookBody {
    id: string;
    version: number;
    selfUri: string;
    dateCreated: string;
    dateModified: string;
}

const COLLECTION = "/api/v2/webhooks";
const item = (id: string) => `${COLLECTION}/${encodeURIComponent(id)}`;

export function toBody(inputs: WebhookInputs): WebhookBody {
    return {
        name: inputs.name,
        targetUrl: inputs.targetUrl,
        events: inputs.events,
        enabled: inputs.enabled,
        secret: inputs.secret,
        format: inputs.format,
        headers: inputs.headers,
    };
}

/** What a read can show of a body we sent: everything but the write-only secret. */
export function readableBody(body: WebhookBody): WebhookBody {
    const { secret: _writeOnly, ...readable } = body;
    return readable;
}

export const webhookApi = {
    create: (client: ApiClient, body: WebhookBody) => client.post<LiveWebhook>(COLLECTION, body),
    get: (client: ApiClient, id: string) => readOrGone(() => client.get<LiveWebhook>(item(id))),
    put: (client: ApiClient, id: string, body: WebhookBody, version: number) => client.put<LiveWebhook>(item(id), { ...body, version }),
    delete: (client: ApiClient, id: string) => deleteOrGone(() => client.delete(item(id))),
    async findByName(client: ApiClient, name: string): Promise<LiveWebhook | undefined> {
        const page = await client.listPages<LiveWebhook>(COLLECTION, { name });
        return page.find((webhook) => webhook.name === name);
    },
};
