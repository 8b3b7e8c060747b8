import { objectCollection } from "../../lifecycle/objectCollection";
import type { WebhookInputs } from "./schema";

/** The platform's body for a webhook; `secret` is write-only. */
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

export const webhookApi = objectCollection<WebhookBody, LiveWebhook>(COLLECTION);
