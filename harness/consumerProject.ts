// A "consumer project" is what a user's Pulumi project looks like after `npm install genesys-pulumi`: a directory
// whose node_modules/genesys-pulumi is this repository. The dynamic-provider host resolves the `require(...)` calls
// inside a serialized `__provider` from its working directory, so the host must run with its CWD here.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const packageName = "genesys-pulumi";

export interface ConsumerProject {
    readonly dir: string;
    readonly repoRoot: string;
    /** Writes a package into the project's node_modules, e.g. a fixture provider module. */
    addModule(name: string, files: Record<string, string>): string;
    cleanup(): void;
}

/** Walks up from `from` to the directory whose package.json names this package (works from src and dist). */
export function findRepoRoot(from: string = __dirname): string {
    let dir = path.resolve(from);
    for (;;) {
        const manifest = path.join(dir, "package.json");
        if (fs.existsSync(manifest) && readPackageName(manifest) === packageName) {
            return dir;
        }
        const parent = path.dirname(dir);
        if (parent === dir) {
            throw new Error(`consumerProject: no package.json named "${packageName}" above ${from}`);
        }
        dir = parent;
    }
}

export function createConsumerProject(options: { repoRoot?: string } = {}): ConsumerProject {
    const repoRoot = options.repoRoot ?? findRepoRoot();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "genesys-pulumi-consumer-"));
    const nodeModules = path.join(dir, "node_modules");
    fs.mkdirSync(nodeModules);
    fs.writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({ name: "consumer", private: true, dependencies: { [packageName]: "*" } }, null, 2),
    );
    fs.symlinkSync(repoRoot, path.join(nodeModules, packageName), "dir");

    return {
        dir,
        repoRoot,
        addModule(name, files) {
            const moduleDir = path.join(nodeModules, name);
            for (const [file, text] of Object.entries(files)) {
                const target = path.join(moduleDir, file);
                fs.mkdirSync(path.dirname(target), { recursive: true });
                fs.writeFileSync(target, text);
            }
            return moduleDir;
        },
        cleanup() {
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}

function readPackageName(manifest: string): unknown {
    try {
        return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: unknown }).name;
    } catch {
        return undefined;
    }
}
