// Stand-ins for non-dynamic resources (e.g. `aws:s3/bucketV2:BucketV2`): no cloud is called, outputs are
// synthesized so programs that wire AWS outputs into Genesys resources can run end to end.
import { randomBytes } from "node:crypto";
import type { ResourceProviderClient } from "./providerProtocol";
import { parseUrn } from "./providerProtocol";
import type { PropertyMap } from "./secrets";

export type SimulateFn = (type: string, name: string, inputs: PropertyMap) => { id: string; outputs: PropertyMap };

const accountId = "123456789012";
const region = "us-east-1";
const globalServices = new Set(["iam", "s3"]);

/** id = name plus a random suffix (like Pulumi auto-naming); outputs = inputs plus an `arn` derived from the type. */
export const defaultSimulate: SimulateFn = (type, name, inputs) => {
    const id = `${name}-${randomBytes(4).toString("hex")}`;
    return { id, outputs: { ...inputs, arn: arnFor(type, id) } };
};

/** `aws:s3/bucketV2:BucketV2` → arn:aws:s3:::<id>; `aws:kinesis/stream:Stream` → arn:aws:kinesis:<region>:<acct>:stream/<id>. */
export function arnFor(type: string, id: string): string {
    const [pkg, module = "", kind = ""] = type.split(":");
    const service = module.split("/")[0] || pkg;
    const resource = kind.charAt(0).toLowerCase() + kind.slice(1);
    if (service === "s3") {
        return `arn:aws:s3:::${id}`;
    }
    const where = globalServices.has(service) ? `:${accountId}` : `${region}:${accountId}`;
    return `arn:aws:${service}:${where}:${resource}/${id}`;
}

/** A provider that accepts secrets (as real native providers do) and answers every call from `simulate`. */
export function simulatedProvider(simulate: SimulateFn = defaultSimulate): ResourceProviderClient {
    return {
        configure: async () => ({ acceptSecrets: true }),
        check: async (_urn, _olds, news) => ({ inputs: news, failures: [] }),
        diff: async () => ({ changes: "unknown", replaces: [], stables: [], deleteBeforeReplace: false }),
        create: async (urn, properties) => {
            const { type, name } = parseUrn(urn);
            const { id, outputs } = simulate(type, name, properties);
            return { id, properties: outputs };
        },
        read: async (_urn, id, properties, inputs) => ({ id, properties, inputs }),
        update: async (_urn, _id, olds, news) => ({ ...olds, ...news }),
        delete: async () => undefined,
    };
}
