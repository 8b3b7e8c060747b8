import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createConsumerProject, type ConsumerProject } from "./consumerProject";
import { echoProviderString, echoResourceType, installEchoProvider, readEchoCalls } from "./echoProviderFixture";
import { startProviderHost, type ProviderHost } from "./providerHost";
import { ProviderCallError, makeUrn } from "./providerProtocol";
import { makeSecret, unknownValue } from "./secrets";

const clientSecret = "s3cr3t-client-value";
const urn = (name: string) => makeUrn("dev", "consumer", echoResourceType, name);

describe("providerHost (real dynamic-provider host)", () => {
    let project: ConsumerProject;
    let host: ProviderHost;

    before(async () => {
        project = createConsumerProject();
        installEchoProvider(project);
        host = await startProviderHost({ cwd: project.dir, project: "consumer" });
    });

    after(async () => {
        await host?.stop();
        project?.cleanup();
    });

    it("answers Configure with acceptSecrets=false and hands the provider the unwrapped config", async () => {
        const answer = await host.configure({
            "genesys:clientId": "client-1",
            "genesys:clientSecret": makeSecret(clientSecret),
        });
        assert.equal(answer.acceptSecrets, false);
        // The provider's configure runs on first use, with the config the host kept.
        await host.check(urn("cfg"), {}, { __provider: echoProviderString, name: "cfg" });
        const configure = readEchoCalls(project).find((c) => c.op === "configure");
        assert.deepEqual(configure, { op: "configure", clientId: "client-1", clientSecret });
    });

    it("returns check failures with their property paths", async () => {
        const result = await host.check(
            urn("bad"),
            {},
            {
                __provider: echoProviderString,
                name: "",
                settings: { retentionDays: -1 },
            },
        );
        assert.deepEqual(
            result.failures.map((f) => f.property),
            ["name", "settings.retentionDays"],
        );
    });

    it("passes the unknown sentinel through to check", async () => {
        await host.check(urn("pending"), {}, { __provider: echoProviderString, name: unknownValue });
        const last = readEchoCalls(project)
            .filter((c) => c.op === "check")
            .pop();
        assert.deepEqual(last?.news, { __provider: echoProviderString, name: unknownValue });
    });

    it("round-trips create, read, update and delete, keeping __provider in the state", async () => {
        const created = await host.create(urn("rt"), { __provider: echoProviderString, name: "rt" });
        assert.match(created.id, /^rt-[0-9a-f]{6}$/);
        assert.equal(created.properties.__provider, echoProviderString);
        assert.equal(created.properties.token, `tok-${created.id}`);

        const read = await host.read(urn("rt"), created.id, created.properties, { name: "rt" });
        assert.equal(read.id, created.id);
        assert.equal(read.properties.observed, true);

        const diff = await host.diff(
            urn("rt"),
            created.id,
            created.properties,
            { ...created.properties, name: "rt2" },
            {},
        );
        assert.deepEqual({ changes: diff.changes, replaces: diff.replaces }, { changes: "some", replaces: [] });

        const updated = await host.update(
            urn("rt"),
            created.id,
            created.properties,
            {
                __provider: echoProviderString,
                name: "rt2",
            },
            {},
        );
        assert.equal(updated.name, "rt2");
        assert.equal(updated.token, created.properties.token);

        await host.delete(urn("rt"), created.id, updated, {});
        const deleted = readEchoCalls(project)
            .filter((c) => c.op === "delete")
            .pop();
        assert.equal(deleted?.id, created.id);
    });

    it("surfaces a partial create failure with the created id and properties", async () => {
        await assert.rejects(
            host.create(urn("half"), { __provider: echoProviderString, name: "half", failInit: true }),
            (err: unknown) => {
                assert.ok(err instanceof ProviderCallError);
                assert.equal(err.message, "created but failed to initialise");
                assert.deepEqual(err.initFailure, {
                    id: "partial-half",
                    properties: { name: "half" },
                    reasons: ["not ready"],
                });
                return true;
            },
        );
    });

    it("does not write the client secret to its stderr", () => {
        assert.ok(!host.stderr().includes(clientSecret));
    });
});
