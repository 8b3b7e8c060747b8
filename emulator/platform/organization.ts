import type { Models } from "purecloud-platform-client-v2";
import { allOf } from "./permissions";
import { type PlatformModule, withoutBookkeeping } from "./platformModule";

const ORGANIZATIONS_PATH = "/api/v2/organizations";

/**
 * `GET /api/v2/organizations/me`: the caller's org, whose id names the EventBridge partner event source
 * (`aws.partner/genesys.com/cloud/<orgId>/<suffix>`). Created once, and persisted with the other collections so
 * the id survives a restart from `--data-dir`.
 */
export const organization: PlatformModule = {
    name: "organization",
    routes: (context) => {
        const orgs = context.collection({
            name: "platformOrganization",
            label: "Organization",
            selfUri: (id) => `${ORGANIZATIONS_PATH}/${id}`,
        });
        const org =
            orgs.list()[0] ??
            orgs.create({
                name: "Emulated organization",
                defaultLanguage: "en-us",
                defaultCountryCode: "US",
                thirdPartyOrgName: "emulated-org",
                domain: "emulated-org",
                state: "active",
                voicemailEnabled: true,
                productPlatform: "PureCloud",
                features: {},
            });
        return [
            {
                method: "GET",
                pattern: `${ORGANIZATIONS_PATH}/me`,
                // Any authenticated caller may read its own org.
                permissions: allOf(),
                handle: () => {
                    const stored = orgs.current(org.id as string);
                    const body: Models.Organization = {
                        ...withoutBookkeeping(stored),
                        version: stored.version as number,
                    };
                    return { status: 200, body };
                },
            },
        ];
    },
};
