/**
 * A tiny S3 stand-in for the storage-target pre-flight: answers HeadBucket and GetBucketEncryption, path-style, with
 * S3's status codes and XML, in process (the demo runs without Python). `s3Double.test.ts` holds its answers to
 * moto's for every case moto can hold; the 403 and 301 answers are what moto, which grants everything and serves
 * every region at one endpoint, cannot give. It does not check signatures; it records which access key signed
 * each request so tests can tell whose credentials were used.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface DoubleBucket {
    /** 403 answers every request AccessDenied; 301 says the bucket lives in `region`. Default 200. */
    status?: 200 | 301 | 403;
    /** The bucket's region (sent as x-amz-bucket-region). Default us-east-1. */
    region?: string;
    /** Default encryption; "none" answers ServerSideEncryptionConfigurationNotFoundError, "forbidden" AccessDenied. */
    encryption?: { algorithm: "AES256" | "aws:kms" | "aws:kms:dsse"; kmsKeyId?: string } | "none" | "forbidden";
}

export interface S3Request {
    method: string;
    path: string;
    /** The access key id from the SigV4 Authorization header. */
    accessKeyId?: string;
}

export interface S3Double {
    /** For AWS_ENDPOINT_URL_S3: an IP host, so the SDK addresses buckets path-style. */
    url: string;
    /** Buckets by name; tests may change them between calls. Unknown names are 404 NoSuchBucket. */
    buckets: Map<string, DoubleBucket>;
    requests: S3Request[];
    stop(): Promise<void>;
}

function xmlError(res: http.ServerResponse, status: number, code: string, message: string, headOnly: boolean): void {
    res.writeHead(status, { "content-type": "application/xml" });
    res.end(
        headOnly
            ? undefined
            : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>double</RequestId></Error>`,
    );
}

function encryptionXml(algorithm: string, kmsKeyId: string | undefined): string {
    const key = kmsKeyId === undefined ? "" : `<KMSMasterKeyID>${kmsKeyId}</KMSMasterKeyID>`;
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        `<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>${algorithm}</SSEAlgorithm>${key}</ApplyServerSideEncryptionByDefault>` +
        "<BucketKeyEnabled>false</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>"
    );
}

function respond(buckets: Map<string, DoubleBucket>, req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://double");
    const name = decodeURIComponent(url.pathname.split("/")[1] ?? "");
    const head = req.method === "HEAD";
    const bucket = buckets.get(name);
    if (bucket === undefined) {
        xmlError(res, 404, "NoSuchBucket", "The specified bucket does not exist", head);
        return;
    }
    const region = bucket.region ?? "us-east-1";
    if (bucket.status === 403) {
        xmlError(res, 403, "AccessDenied", "Access Denied", head);
        return;
    }
    if (bucket.status === 301) {
        res.writeHead(301, { "x-amz-bucket-region": region, "content-type": "application/xml" });
        res.end(
            head
                ? undefined
                : "<Error><Code>PermanentRedirect</Code><Message>Use the bucket's region</Message></Error>",
        );
        return;
    }
    if (head) {
        res.writeHead(200, { "x-amz-bucket-region": region });
        res.end();
        return;
    }
    if (req.method === "GET" && url.searchParams.has("encryption")) {
        const encryption = bucket.encryption ?? { algorithm: "AES256" };
        if (encryption === "forbidden") xmlError(res, 403, "AccessDenied", "Access Denied", false);
        else if (encryption === "none")
            xmlError(
                res,
                404,
                "ServerSideEncryptionConfigurationNotFoundError",
                "The server side encryption configuration was not found",
                false,
            );
        else {
            res.writeHead(200, { "content-type": "application/xml" });
            res.end(encryptionXml(encryption.algorithm, encryption.kmsKeyId));
        }
        return;
    }
    xmlError(res, 501, "NotImplemented", "The S3 double serves HeadBucket and GetBucketEncryption only", false);
}

export async function startS3Double(buckets: Record<string, DoubleBucket> = {}): Promise<S3Double> {
    const state = new Map(Object.entries(buckets));
    const requests: S3Request[] = [];
    const server = http.createServer((req, res) => {
        const signer = /Credential=([^/]+)\//.exec(req.headers.authorization ?? "");
        requests.push({ method: req.method ?? "", path: req.url ?? "", accessKeyId: signer?.[1] });
        req.resume();
        req.on("end", () => respond(state, req, res));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        buckets: state,
        requests,
        stop: () =>
            new Promise<void>((resolve, reject) => {
                server.closeAllConnections();
                server.close((err) => (err ? reject(err) : resolve()));
            }),
    };
}
