import { readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";

/**
 * A stack's configuration as the engine hands it to a program: `Pulumi.<stack>.yaml`'s `config` map with
 * every value a string (lists and objects JSON-encoded, as `pulumi config` stores them). An encrypted value
 * cannot be read without the stack's secrets provider, so it is refused with the way to supply it instead.
 */
export function readStackConfig(projectDir: string, stack: string): Record<string, string> {
    const file = join(projectDir, `Pulumi.${stack}.yaml`);
    const parsed = load(readFileSync(file, "utf8")) as { config?: Record<string, unknown> } | null;
    const config: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed?.config ?? {})) {
        if (value !== null && typeof value === "object" && "secure" in value) {
            throw new Error(`${file}: ${key} is encrypted; supply it through the environment for this run instead`);
        }
        config[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return config;
}
