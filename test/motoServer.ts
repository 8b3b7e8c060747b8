/**
 * moto's S3 and KMS server (PyPI `moto[server]`, pinned in requirements-dev.txt), started on a free loopback
 * port for one test file: a third-party AWS double to prove the storage-target pre-flight against.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { commandRuns, skipUnlessFound } from "./requiredTool";

const COMMAND = "moto_server";
const INSTALL = "python3 -m pip install -r requirements-dev.txt";

export interface MotoServer {
    /** For the SDK's `endpoint` or AWS_ENDPOINT_URL_S3: an IP host, so S3 is addressed path-style. */
    url: string;
    stop(): Promise<void>;
}

/** The `skip` option of a suite that needs moto (see `skipUnlessFound`). */
export function skipUnlessMoto(): false | string {
    return skipUnlessFound(COMMAND, commandRuns(COMMAND, ["--help"]), INSTALL);
}

export async function startMotoServer(): Promise<MotoServer> {
    const child = spawn(COMMAND, ["-H", "127.0.0.1", "-p", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const port = await new Promise<string>((resolve, reject) => {
        const seen = (chunk: Buffer) => {
            output += chunk.toString();
            const listening = /Running on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
            if (listening) resolve(listening[1]);
        };
        child.stdout?.on("data", seen);
        child.stderr?.on("data", seen);
        child.on("error", reject);
        child.on("exit", (code) => reject(new Error(`${COMMAND} exited (${code}) before listening:\n${output}`)));
    });
    return { url: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
    });
}
