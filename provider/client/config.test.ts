import { test } from "node:test";
import assert from "node:assert/strict";
import { PureCloudRegionHosts } from "purecloud-platform-client-v2";
import { REGION_DOMAINS, resolveConfig } from "./config";

const stack = (values: Record<string, string>) => (key: string) => values[key];
const creds = { "genesys:clientId": "id-1", "genesys:clientSecret": "secret-1" };

test("stack config wins over the environment", () => {
    const config = resolveConfig(stack({ ...creds, "genesys:region": "eu-west-1" }), {
        GENESYSCLOUD_OAUTHCLIENT_ID: "env-id",
        GENESYSCLOUD_OAUTHCLIENT_SECRET: "env-secret",
        GENESYSCLOUD_REGION: "ap-northeast-1",
    });
    assert.deepEqual(config, {
        clientId: "id-1",
        clientSecret: "secret-1",
        apiUrl: "https://api.mypurecloud.ie",
        loginUrl: "https://login.mypurecloud.ie",
        region: "eu-west-1",
        credentialsFrom: "stack config",
    });
});

test("environment variables are the fallback for every setting", () => {
    const config = resolveConfig(stack({}), {
        GENESYSCLOUD_OAUTHCLIENT_ID: "env-id",
        GENESYSCLOUD_OAUTHCLIENT_SECRET: "env-secret",
        GENESYSCLOUD_REGION: "us-west-2",
    });
    assert.equal(config.clientId, "env-id");
    assert.equal(config.clientSecret, "env-secret");
    assert.equal(config.apiUrl, "https://api.usw2.pure.cloud");
    assert.equal(config.loginUrl, "https://login.usw2.pure.cloud");
    assert.equal(config.credentialsFrom, "environment");
});

test("every region maps to api.<domain> and login.<domain>", () => {
    for (const [region, domain] of Object.entries(REGION_DOMAINS)) {
        const config = resolveConfig(stack({ ...creds, "genesys:region": region }), {});
        assert.equal(config.apiUrl, `https://api.${domain}`);
        assert.equal(config.loginUrl, `https://login.${domain}`);
    }
    assert.equal(REGION_DOMAINS["eu-central-1"], "mypurecloud.de");
    assert.equal(REGION_DOMAINS["ap-southeast-2"], "mypurecloud.com.au");
});

test("the regions are exactly those of the official SDK, with the same hosts", () => {
    const fromSdk = Object.fromEntries(
        Object.entries(PureCloudRegionHosts).map(([key, host]) => [key.replaceAll("_", "-"), host]),
    );
    assert.equal(Object.keys(fromSdk).length, 18);
    assert.deepEqual({ ...REGION_DOMAINS }, fromSdk);
    const config = resolveConfig(stack({ ...creds, "genesys:region": "eusc-de-east-1" }), {});
    assert.equal(config.apiUrl, "https://api.edee1.eusc-pure.cloud");
    assert.equal(config.loginUrl, "https://login.edee1.eusc-pure.cloud");
});

test("without region or apiUrl the default is us-east-1", () => {
    const config = resolveConfig(stack(creds), {});
    assert.equal(config.region, "us-east-1");
    assert.equal(config.apiUrl, "https://api.mypurecloud.com");
    assert.equal(config.loginUrl, "https://login.mypurecloud.com");
});

test("an explicit apiUrl serves both API and token endpoint and overrides the region", () => {
    const config = resolveConfig(
        stack({ ...creds, "genesys:apiUrl": "http://127.0.0.1:8787/", "genesys:region": "eu-west-1" }),
        {},
    );
    assert.equal(config.apiUrl, "http://127.0.0.1:8787");
    assert.equal(config.loginUrl, "http://127.0.0.1:8787");
    const fromEnv = resolveConfig(stack(creds), { GENESYSCLOUD_API_URL: "https://emulator.example/base/" });
    assert.equal(fromEnv.apiUrl, "https://emulator.example/base");
});

test("a missing client id or secret names both ways to set it", () => {
    assert.throws(
        () => resolveConfig(stack({ "genesys:clientSecret": "s" }), {}),
        /Missing Genesys Cloud client id: run `pulumi config set genesys:clientId <value>` or set GENESYSCLOUD_OAUTHCLIENT_ID/,
    );
    assert.throws(
        () => resolveConfig(stack({ "genesys:clientId": "id" }), { GENESYSCLOUD_OAUTHCLIENT_SECRET: "  " }),
        /Missing Genesys Cloud client secret: run `pulumi config set --secret genesys:clientSecret <value>` or set GENESYSCLOUD_OAUTHCLIENT_SECRET/,
    );
});

test("an unknown region lists the valid ones", () => {
    assert.throws(
        () => resolveConfig(stack({ ...creds, "genesys:region": "mars-north-1" }), {}),
        (error: Error) => {
            assert.match(error.message, /Unknown Genesys Cloud region "mars-north-1"/);
            for (const region of Object.keys(REGION_DOMAINS)) assert.ok(error.message.includes(region), region);
            return true;
        },
    );
});

test("an unusable apiUrl is refused, without echoing embedded credentials", () => {
    assert.throws(
        () => resolveConfig(stack({ ...creds, "genesys:apiUrl": "api.mypurecloud.com" }), {}),
        /Invalid Genesys Cloud API URL "api.mypurecloud.com"/,
    );
    assert.throws(
        () => resolveConfig(stack({ ...creds, "genesys:apiUrl": "ftp://host" }), {}),
        /absolute http\(s\) URL/,
    );
    assert.throws(
        () => resolveConfig(stack({ ...creds, "genesys:apiUrl": "https://user:hunter2@host" }), {}),
        (error: Error) => !error.message.includes("hunter2") && /user:password@/.test(error.message),
    );
    assert.throws(
        () => resolveConfig(stack({ ...creds, "genesys:apiUrl": "https://host/api?access_token=tok-123" }), {}),
        (error: Error) => !error.message.includes("tok-123") && /"https:\/\/host\/api"/.test(error.message),
    );
});

test("secrets never appear in configuration errors", () => {
    const secret = "very-secret-value";
    const extras: Record<string, string>[] = [{ "genesys:region": "nowhere" }, { "genesys:apiUrl": "not a url" }];
    for (const extra of extras) {
        assert.throws(
            () => resolveConfig(stack({ ...creds, "genesys:clientSecret": secret, ...extra }), {}),
            (error: Error) => !error.message.includes(secret),
        );
    }
});
