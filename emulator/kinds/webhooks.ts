import { crudRoutes } from "../crudRoutes";
import { isPlainObject } from "../jsonObject";
import type { KindModule } from "../kind";
import { BodyChecker, httpsUrlProblem, type Validation } from "../validation";

// Both event spellings: "routing.recording.storage.updated" and "routing:strategy:updated".
const EVENT = /^[A-Za-z][A-Za-z0-9_-]*((\.[A-Za-z0-9_-]+){2,}|(:[A-Za-z0-9_-]+){2,})$/;
const RESERVED_HEADERS = ["authorization", "content-length", "host"];
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function checkHeaders(check: BodyChecker, raw: unknown): void {
    if (raw === undefined || raw === null) return;
    if (!isPlainObject(raw)) {
        check.fail("headers", "invalid.value", "headers must be an object of header names to string values");
        return;
    }
    const before = check.errors.length;
    for (const [name, value] of Object.entries(raw)) {
        if (RESERVED_HEADERS.includes(name.toLowerCase()))
            check.fail("headers", "invalid.value", `headers may not set ${name}: the platform sets it`);
        else if (!HEADER_NAME.test(name))
            check.fail("headers", "invalid.value", "headers has a name that is not a valid HTTP header name");
        if (typeof value !== "string" || /[\r\n\0]/.test(value))
            check.fail(
                "headers",
                "invalid.value",
                `headers.${HEADER_NAME.test(name) ? name : "?"} must be a string without CR, LF or NUL`,
            );
    }
    if (check.errors.length === before) check.value.headers = raw;
}

export function validateWebhook(body: unknown): Validation {
    const check = new BodyChecker(body);
    check.string("name", { maxLength: 200 });
    check.string("targetUrl");
    const targetUrl = check.value.targetUrl;
    if (typeof targetUrl === "string") {
        const problem = httpsUrlProblem(targetUrl);
        if (problem) {
            delete check.value.targetUrl;
            check.fail("targetUrl", "invalid.value", `targetUrl ${problem}`);
        }
    }
    check.stringArray("events", {
        nonEmpty: true,
        unique: true,
        itemProblem: (item) =>
            EVENT.test(item)
                ? undefined
                : "must be an event name such as routing.strategy.updated or routing:strategy:updated",
    });
    check.boolean("enabled");
    const secret = check.string("secret", { required: false, maxLength: 256 });
    if (secret !== undefined && secret.length < 16) {
        delete check.value.secret;
        check.fail("secret", "invalid.value", "secret must be at least 16 characters");
    }
    check.oneOf("format", ["application/json"]);
    checkHeaders(check, isPlainObject(body) ? body.headers : undefined);
    return check.result();
}

export const webhooks: KindModule = {
    name: "webhooks",
    label: "Webhook",
    basePath: "/api/v2/webhooks",
    writeOnlyFields: ["secret"],
    validate: validateWebhook,
    // `?name=` lets a provider find the object of a create whose response was lost.
    routes: (context) =>
        crudRoutes(webhooks, context, {
            readScope: "webhook:read",
            writeScope: "webhook:write",
            filterableFields: ["name"],
        }),
};
