import * as fs from "node:fs";
import * as path from "node:path";
import { auditFileName, type AuditRecord } from "./auditRecord";

/** Longest error text kept in a line, so every line stays one small write. */
const MAX_ERROR_LENGTH = 2000;

export type Warn = (message: string) => void;

/** Where the provider's warnings go: the host's stderr, which the engine keeps in its logs. */
export const warnOnStderr: Warn = (message) => process.stderr.write(`warning: ${message}\n`);

/**
 * Appends audit records as JSON lines to `audit-YYYYMMDD.jsonl` in one directory, the day taken from each
 * record's time. Several processes (parallel `pulumi up`s, the host's concurrent steps) may append to the same
 * file: each line is one write(2) on a descriptor opened with O_APPEND, which the kernel places at the end of the
 * file as a unit, so lines never interleave. A write that fails (full disk, unwritable directory) warns once per
 * cause and is dropped: the audit trail must never fail a deployment.
 */
export class AuditLog {
    private readonly warned = new Set<string>();

    constructor(
        readonly dir: string,
        private readonly warn: Warn = warnOnStderr,
    ) {}

    /** True when the line was written. */
    append(record: AuditRecord): boolean {
        const line = Buffer.from(`${JSON.stringify(bounded(record))}\n`, "utf8");
        const file = path.join(this.dir, auditFileName(record.time));
        try {
            const fd = openForAppend(this.dir, file);
            try {
                const written = fs.writeSync(fd, line);
                if (written !== line.length)
                    throw Object.assign(new Error(`only ${written} of ${line.length} bytes written`), {
                        code: "ESHORTWRITE",
                    });
            } finally {
                fs.closeSync(fd);
            }
            return true;
        } catch (err) {
            const code = (err as NodeJS.ErrnoException).code ?? "EUNKNOWN";
            if (!this.warned.has(code)) {
                this.warned.add(code);
                this.warn(
                    `genesys-pulumi audit log: cannot write ${file} (${code}: ${(err as Error).message}); the deployment goes on without audit records there. Set genesys:auditDir to a writable directory.`,
                );
            }
            return false;
        }
    }
}

/**
 * Opens (O_APPEND) for one line, so a file moved or removed meanwhile is never written behind its back. The
 * directory is made only when missing: a recursive mkdir per line would cost more than the line itself.
 */
function openForAppend(dir: string, file: string): number {
    try {
        return fs.openSync(file, "a", 0o640);
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
        fs.mkdirSync(dir, { recursive: true });
        return fs.openSync(file, "a", 0o640);
    }
}

function bounded(record: AuditRecord): AuditRecord {
    if (record.error === undefined || record.error.length <= MAX_ERROR_LENGTH) return record;
    return { ...record, error: `${record.error.slice(0, MAX_ERROR_LENGTH)}…` };
}
