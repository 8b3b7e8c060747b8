import * as fs from "node:fs";
import * as path from "node:path";

let tempCounter = 0;

/** Reads a JSON file, or undefined when it does not exist; a corrupt file is an error naming the file. */
export function readJsonFile(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw err;
    }
    try {
        return JSON.parse(text);
    } catch (err) {
        throw new Error(
            `emulator state file ${file} is not valid JSON (${(err as Error).message}); restore it or delete it to start empty`,
        );
    }
}

/**
 * Writes JSON atomically: a temp file in the same directory, then rename over the target, so a crash
 * mid-write leaves the previous complete state rather than a truncated file.
 */
export function writeJsonFileAtomic(file: string, value: unknown): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    tempCounter += 1;
    const temp = `${file}.${process.pid}.${tempCounter}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(value));
    fs.renameSync(temp, file);
}
