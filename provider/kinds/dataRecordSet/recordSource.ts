import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { DataField, FieldType } from "../dataSchema/schema";
import { UNKNOWN } from "../../validation/unknowns";
import { type CsvRow, parseCsv } from "./csvRows";

export interface SourceRecord {
    key: string;
    data: Record<string, unknown>;
    /** Where the record came from, for messages: `records[3]` or `orders.csv line 5`. */
    origin: string;
    /** The property path failures of this record are reported under. */
    property: string;
}

/**
 * The records a program lists under `property`, each reported at its place (`records[3]`). At preview a whole
 * record may be unknown (it comes from another resource's output): it keeps its place, with an unknown key, and
 * is checked at the real run.
 */
export function listedRecords(
    list: readonly ({ key: string; data: Record<string, unknown> } | typeof UNKNOWN)[],
    property: string,
): SourceRecord[] {
    return list.map((entry, index) => {
        const { key, data } = entry === UNKNOWN ? { key: UNKNOWN, data: {} } : entry;
        return { key, data, origin: `${property}[${index}]`, property: `${property}[${index}]` };
    });
}

export interface RecordFile {
    records: SourceRecord[];
    /** SHA-256 of the file's bytes: create/update refuse a file that changed after `check` read it. */
    sourceHash: string;
}

/**
 * Reads a record file: `.json` (an array of `{key, data}`, like the `records` input) or `.csv` (a header
 * row; `keyColumn` holds each record's key, every other column a field). CSV cells are text, so they are
 * converted by the field's type; an empty cell leaves the field out. This is the one place a file is read:
 * by `check` (a local read, deterministic for a given file) and again by create/update to get the data
 * the stack records only hashes of. Throws with the reason and the fix.
 */
export function readRecordFile(file: string, keyColumn: string, fields: readonly DataField[]): RecordFile {
    let bytes: Buffer;
    try {
        bytes = readFileSync(file);
    } catch (err) {
        throw new Error(
            `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the path, which is resolved from the working directory (the Pulumi project directory)`,
        );
    }
    const sourceHash = createHash("sha256").update(bytes).digest("base64url");
    const name = path.basename(file);
    const extension = path.extname(file).toLowerCase();
    if (extension === ".json") return { records: fromJson(bytes.toString("utf8"), name), sourceHash };
    if (extension === ".csv") return { records: fromCsv(bytes.toString("utf8"), name, keyColumn, fields), sourceHash };
    throw new Error(`${name} must end in .json or .csv (the format is taken from the extension)`);
}

/**
 * The records create/update write, re-read from their source (the stack records only their hashes); a file that
 * changed since `check` hashed it is refused, since what would be written was never validated.
 */
export function recordsToWrite(
    source: { records: SourceRecord[]; sourceHash?: string },
    file: string | undefined,
    checkedHash: string | undefined,
): Map<string, SourceRecord> {
    if (file !== undefined && source.sourceHash !== checkedHash) {
        throw new Error(
            `${file} changed after this deployment validated it; run \`pulumi up\` again to validate and apply the new content`,
        );
    }
    return new Map(source.records.map((record) => [record.key, record]));
}

function fromJson(text: string, name: string): SourceRecord[] {
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (err) {
        throw new Error(`${name} is not valid JSON (${(err as Error).message})`);
    }
    if (!Array.isArray(parsed))
        throw new Error(`${name} must hold a JSON array of {"key": ..., "data": {...}} objects`);
    return parsed.map((entry, index) => {
        const origin = `${name} [${index}]`;
        const ok =
            typeof entry === "object" &&
            entry !== null &&
            typeof entry.key === "string" &&
            typeof entry.data === "object" &&
            entry.data !== null &&
            !Array.isArray(entry.data);
        if (!ok) throw new Error(`${origin} must be an object with a string "key" and an object "data"`);
        return { key: entry.key, data: entry.data, origin, property: "file" };
    });
}

function fromCsv(text: string, name: string, keyColumn: string, fields: readonly DataField[]): SourceRecord[] {
    let rows: CsvRow[];
    try {
        rows = parseCsv(text);
    } catch (err) {
        throw new Error(`${name} is not valid CSV: ${(err as Error).message}`);
    }
    const [header, ...body] = rows;
    if (!header) throw new Error(`${name} is empty; it needs a header row naming ${keyColumn} and the fields`);
    const keyIndex = header.cells.indexOf(keyColumn);
    if (keyIndex < 0)
        throw new Error(
            `${name} has no "${keyColumn}" column for the record keys; add it or set keyColumn to the column that holds them`,
        );
    const typeOf = new Map(fields.map((field) => [field.name, field.type]));
    return body.map((row) => {
        const origin = `${name} line ${row.line}`;
        if (row.cells.length !== header.cells.length) {
            throw new Error(
                `${origin} has ${row.cells.length} values but the header has ${header.cells.length} columns`,
            );
        }
        const data: Record<string, unknown> = {};
        header.cells.forEach((column, index) => {
            if (index === keyIndex || row.cells[index] === "") return;
            data[column] = fromCell(row.cells[index], typeOf.get(column));
        });
        return { key: row.cells[keyIndex], data, origin, property: "file" };
    });
}

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** A cell converted to its field's type; a cell that does not convert stays text, so validation names it. */
export function fromCell(cell: string, type: FieldType | undefined): unknown {
    switch (type) {
        case "integer":
        case "number":
            return NUMBER.test(cell) ? Number(cell) : cell;
        case "boolean":
            return cell === "true" ? true : cell === "false" ? false : cell;
        case "array":
        case "object":
            try {
                return JSON.parse(cell);
            } catch {
                return cell;
            }
        default:
            return cell;
    }
}
