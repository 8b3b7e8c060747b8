export interface GenesysConfig {
    clientId: string;
    clientSecret: string;
    /** Base URL of the Platform API, e.g. https://api.mypurecloud.com (no trailing slash). */
    apiUrl: string;
    /** Base URL that serves POST /oauth/token, e.g. https://login.mypurecloud.com. */
    loginUrl: string;
    region?: string;
    /**
     * Where the client secret came from. `pulumi refresh` and `pulumi destroy` run with the stack config the last
     * update recorded, so a refused secret from the stack config may be one replaced since.
     */
    credentialsFrom?: CredentialSource;
}

export type CredentialSource = "stack config" | "environment";

/**
 * Genesys Cloud regions and the domain that carries their api.* and login.* hosts: every region of the official
 * SDK's `PureCloudRegionHosts` (its keys use `_` where the region ids use `-`).
 */
export const REGION_DOMAINS: Readonly<Record<string, string>> = {
    "us-east-1": "mypurecloud.com",
    "us-east-2": "use2.us-gov-pure.cloud",
    "us-west-2": "usw2.pure.cloud",
    "ca-central-1": "cac1.pure.cloud",
    "sa-east-1": "sae1.pure.cloud",
    "mx-central-1": "mxc1.pure.cloud",
    "eu-west-1": "mypurecloud.ie",
    "eu-west-2": "euw2.pure.cloud",
    "eu-central-1": "mypurecloud.de",
    "eu-central-2": "euc2.pure.cloud",
    "eusc-de-east-1": "edee1.eusc-pure.cloud",
    "me-central-1": "mec1.pure.cloud",
    "ap-south-1": "aps1.pure.cloud",
    "ap-southeast-1": "apse1.pure.cloud",
    "ap-southeast-2": "mypurecloud.com.au",
    "ap-northeast-1": "mypurecloud.jp",
    "ap-northeast-2": "apne2.pure.cloud",
    "ap-northeast-3": "apne3.pure.cloud",
};

// With neither region nor apiUrl we target us-east-1, as the Genesys SDKs and Terraform provider do. An org in another
// region then gets its credentials refused by login.mypurecloud.com, and that error names the login host and region
// settings, so the default cannot silently act on the wrong org.
const DEFAULT_REGION = "us-east-1";

/**
 * Reads the provider settings from stack config (`get` takes full keys such as `genesys:clientId`), falling back to the
 * GENESYSCLOUD_* environment variables. An explicit API URL (e.g. the emulator's) serves both the API and /oauth/token.
 */
export function resolveConfig(
    get: (key: string) => string | undefined,
    env: NodeJS.ProcessEnv = process.env,
): GenesysConfig {
    const read = (key: string, envName: string) => nonEmpty(get(`genesys:${key}`)) ?? nonEmpty(env[envName]);

    const clientId = read("clientId", "GENESYSCLOUD_OAUTHCLIENT_ID");
    if (!clientId) {
        throw new Error(
            "Missing Genesys Cloud client id: run `pulumi config set genesys:clientId <value>` or set GENESYSCLOUD_OAUTHCLIENT_ID",
        );
    }
    const clientSecret = read("clientSecret", "GENESYSCLOUD_OAUTHCLIENT_SECRET");
    const credentialsFrom: CredentialSource = nonEmpty(get("genesys:clientSecret")) ? "stack config" : "environment";
    if (!clientSecret) {
        throw new Error(
            "Missing Genesys Cloud client secret: run `pulumi config set --secret genesys:clientSecret <value>` or set GENESYSCLOUD_OAUTHCLIENT_SECRET",
        );
    }

    const region = read("region", "GENESYSCLOUD_REGION");
    if (region !== undefined && !(region in REGION_DOMAINS)) {
        throw new Error(
            `Unknown Genesys Cloud region "${region}" (genesys:region or GENESYSCLOUD_REGION): use one of ` +
                `${Object.keys(REGION_DOMAINS).join(", ")}, or set genesys:apiUrl to an explicit base URL`,
        );
    }

    const apiUrl = read("apiUrl", "GENESYSCLOUD_API_URL");
    if (apiUrl !== undefined) {
        const base = parseBaseUrl(apiUrl);
        return { clientId, clientSecret, apiUrl: base, loginUrl: base, region, credentialsFrom };
    }
    const domain = REGION_DOMAINS[region ?? DEFAULT_REGION];
    return {
        clientId,
        clientSecret,
        apiUrl: `https://api.${domain}`,
        loginUrl: `https://login.${domain}`,
        region: region ?? DEFAULT_REGION,
        credentialsFrom,
    };
}

function parseBaseUrl(raw: string): string {
    let url: URL | undefined;
    try {
        url = new URL(raw);
    } catch {
        url = undefined;
    }
    if (url && (url.username || url.password)) {
        // Not echoed: the user info part may hold a password.
        throw new Error(
            "Invalid Genesys Cloud API URL (genesys:apiUrl or GENESYSCLOUD_API_URL): remove the user:password@ part",
        );
    }
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash) {
        throw new Error(
            // Only the origin and path are echoed: a query string or user info may carry a token.
            `Invalid Genesys Cloud API URL "${url ? `${url.origin}${url.pathname}` : raw.replace(/[?#@].*$/s, "")}" (genesys:apiUrl or GENESYSCLOUD_API_URL): ` +
                "use an absolute http(s) URL without query or fragment, e.g. https://api.mypurecloud.com or http://127.0.0.1:8787",
        );
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

function nonEmpty(value: string | undefined): string | undefined {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
}
