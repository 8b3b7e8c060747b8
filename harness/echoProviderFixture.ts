// A fixture dynamic provider for the harness's own tests, installed into a consumer project's node_modules the way a
// real provider package would be. It logs every call (with what it received) to a file next to itself, so tests can
// assert the engine's call order and payloads without relying on the host's stdout.
import * as fs from "node:fs";
import * as path from "node:path";
import type { ConsumerProject } from "./consumerProject";

export const echoModuleName = "echo-provider";

/** What `__provider` holds for a hand-built desired resource: the host calls `.handler()` on the loaded module. */
export const echoProviderString = `exports.handler = function () { return require("${echoModuleName}"); };`;

export const echoResourceType = "pulumi-nodejs:dynamic/echo:Echo";

const source = `
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");
const log = (entry) => fs.appendFileSync(path.join(__dirname, "calls.log"), JSON.stringify(entry) + "\\n");
const digest = (text) => crypto.createHash("sha256").update(text).digest("hex").slice(0, 12);

module.exports = {
    async configure(req) {
        log({ op: "configure", clientId: req.config.get("genesys:clientId"), clientSecret: req.config.get("genesys:clientSecret") });
    },
    async check(olds, news) {
        log({ op: "check", olds, news });
        const failures = [];
        if (typeof news.name !== "string" || news.name === "") {
            failures.push({ property: "name", reason: "name must be a non-empty string" });
        }
        if (news.settings && news.settings.retentionDays < 0) {
            failures.push({ property: "settings.retentionDays", reason: "must be zero or more" });
        }
        return { inputs: news, failures };
    },
    async diff(id, olds, news) {
        log({ op: "diff", id, olds, news });
        const replaces = olds.region !== news.region ? ["region"] : [];
        const changes = replaces.length > 0 || olds.name !== news.name || olds.password !== news.password;
        return { changes, replaces, stables: ["token"], deleteBeforeReplace: news.deleteBeforeReplace === true };
    },
    async create(inputs) {
        log({ op: "create", inputs });
        if (inputs.failInit) {
            throw Object.assign(new Error("created but failed to initialise"), {
                id: "partial-" + inputs.name,
                properties: { name: inputs.name },
                reasons: ["not ready"],
            });
        }
        const id = inputs.name + "-" + crypto.randomBytes(3).toString("hex");
        const outs = { ...inputs, token: "tok-" + id };
        if (inputs.password !== undefined) {
            outs.passwordDigest = digest(inputs.password);
        }
        return { id, outs };
    },
    async read(id, props) {
        log({ op: "read", id, props });
        return { id, props: { ...props, observed: true } };
    },
    async update(id, olds, news) {
        log({ op: "update", id, olds, news });
        return { outs: { ...news, token: olds.token } };
    },
    async delete(id, props) {
        log({ op: "delete", id, props });
    },
};
`;

export interface EchoCall {
    op: string;
    id?: string;
    [key: string]: unknown;
}

export function installEchoProvider(project: ConsumerProject): void {
    project.addModule(echoModuleName, { "index.js": source, "package.json": JSON.stringify({ name: echoModuleName }) });
}

export function readEchoCalls(project: ConsumerProject): EchoCall[] {
    const file = path.join(project.dir, "node_modules", echoModuleName, "calls.log");
    if (!fs.existsSync(file)) {
        return [];
    }
    return fs
        .readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as EchoCall);
}

export function clearEchoCalls(project: ConsumerProject): void {
    fs.rmSync(path.join(project.dir, "node_modules", echoModuleName, "calls.log"), { force: true });
}
