import * as fs from "node:fs";
import * as path from "node:path";
import { auditFileDay, type AuditRecord } from "../provider/audit/auditRecord";

export interface AuditLogContents {
    records: AuditRecord[];
    files: string[];
    /** Lines that are not audit records (a truncated write on a full disk, a hand edit). */
    unreadableLines: number;
}

/**
 * Every record in `dir`'s audit files whose time is at or after `since`, oldest first. Files of days before
 * `since` are not opened.
 */
export function readAuditLog(dir: string, since?: Date): AuditLogContents {
    let names: string[];
    try {
        names = fs.readdirSync(dir);
    } catch (err) {
        throw new Error(
            `cannot read the audit directory ${dir} (${(err as NodeJS.ErrnoException).code}): pass --dir with the directory set as genesys:auditDir (default .genesys-audit beside the program)`,
        );
    }
    const sinceDay = since?.toISOString().slice(0, 10);
    const files = names.filter((name) => {
        const day = auditFileDay(name);
        return day !== undefined && (sinceDay === undefined || day >= sinceDay);
    });
    files.sort();
    const records: AuditRecord[] = [];
    let unreadableLines = 0;
    for (const name of files) {
        for (const line of fs.readFileSync(path.join(dir, name), "utf8").split("\n")) {
            if (line.trim() === "") continue;
            const record = parseRecord(line);
            if (!record) unreadableLines += 1;
            else if (since === undefined || Date.parse(record.time) >= since.getTime()) records.push(record);
        }
    }
    records.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    return { records, files, unreadableLines };
}

function parseRecord(line: string): AuditRecord | undefined {
    let value: unknown;
    try {
        value = JSON.parse(line);
    } catch {
        return undefined;
    }
    const record = value as Partial<AuditRecord>;
    const valid =
        typeof record === "object" &&
        record !== null &&
        typeof record.time === "string" &&
        !Number.isNaN(Date.parse(record.time)) &&
        typeof record.kind === "string" &&
        typeof record.operation === "string" &&
        (record.outcome === "success" || record.outcome === "failure") &&
        typeof record.latencyMs === "number" &&
        typeof record.attempts === "number";
    return valid ? (record as AuditRecord) : undefined;
}
