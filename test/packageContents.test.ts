import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, posix } from "node:path";
import { describe, it } from "node:test";

const root = join(__dirname, "../..");

interface Manifest {
    name: string;
    bin: Record<string, string>;
    main: string;
    types: string;
    exports: Record<string, string | { types: string; default: string }>;
    dependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest;

/** The files `npm publish` would upload, as npm itself lists them. */
function packedFiles(): string[] {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
    });
    const [pack] = JSON.parse(out) as { files: { path: string }[] }[];
    return pack.files.map((file) => file.path).sort();
}

/** What the package may hold: the compiled runtime of the four shipped folders, and the documents beside it. */
const ALLOWED = [
    /^package\.json$/,
    /^README\.md$/,
    /^LICENSE$/,
    /^CHANGELOG\.md$/,
    /^dist\/(sdk|provider|emulator|audit)\/([\w-]+\/)*[\w-]+\.(js|d\.ts)$/,
];
/** Never shipped, whatever the folder: tests, their support, fixtures, sources. */
const FORBIDDEN = [/\.test\./, /(^|\/)test(Client|Server|Support)?[./]/i, /fixtures?\//i, /(?<!\.d)\.ts$/];

describe("the published package", () => {
    const files = packedFiles();
    const shipped = new Set(files);

    it("holds only runtime files and its documents", () => {
        const unexpected = files.filter(
            (file) => !ALLOWED.some((pattern) => pattern.test(file)) || FORBIDDEN.some((pattern) => pattern.test(file)),
        );
        assert.deepEqual(unexpected, []);
        for (const document of ["package.json", "README.md", "LICENSE", "CHANGELOG.md"])
            assert.ok(shipped.has(document), `${document} is in the package`);
    });

    it("holds every file its entry points, exports and commands name, with their type declarations", () => {
        const named = [manifest.main, manifest.types, ...Object.values(manifest.bin)];
        for (const target of Object.values(manifest.exports)) {
            if (typeof target === "object") named.push(target.types, target.default);
            else if (!target.includes("*") && target !== "./package.json") named.push(target);
        }
        for (const file of named) assert.ok(shipped.has(posix.normalize(file)), `${file} is in the package`);
        for (const file of files.filter((f) => f.endsWith(".js")))
            assert.ok(shipped.has(file.replace(/\.js$/, ".d.ts")), `${file} has its declarations`);
    });

    it("needs nothing at run time that it does not ship or declare as a dependency", () => {
        const declared = new Set([
            ...Object.keys(manifest.dependencies),
            ...Object.keys(manifest.peerDependencies),
            ...builtinModules,
        ]);
        const missing: string[] = [];
        for (const file of files.filter((f) => f.endsWith(".js"))) {
            const source = readFileSync(join(root, file), "utf8");
            for (const [, specifier] of source.matchAll(/\brequire\("([^"]+)"\)/g)) {
                if (specifier.startsWith(".")) {
                    const target = posix.join(dirname(file), specifier);
                    if (!shipped.has(`${target}.js`) && !shipped.has(`${target}/index.js`))
                        missing.push(`${file} → ${specifier}`);
                } else if (specifier.startsWith(`${manifest.name}/`)) {
                    // Self-references go through the "./provider/*" export.
                    const subpath = specifier.slice(manifest.name.length + 1);
                    if (!subpath.startsWith("provider/") || !shipped.has(`dist/${subpath}.js`))
                        missing.push(`${file} → ${specifier}`);
                } else if (!specifier.startsWith("node:")) {
                    const parts = specifier.split("/");
                    const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
                    if (!declared.has(name)) missing.push(`${file} → ${specifier}`);
                }
            }
        }
        assert.deepEqual(missing, []);
    });
});
