#!/usr/bin/env node
import * as fs from "node:fs";
import * as path from "node:path";
import { auditFigures } from "./auditFigures";
import { CliUsageError, parseReportArgs, type ReportArgs, USAGE } from "./cliArgs";
import { htmlReport } from "./htmlReport";
import { type AuditLogContents, readAuditLog } from "./readAuditLog";
import { textReport } from "./textReport";

/** `genesys-pulumi audit report`: the audit trail's figures per kind and overall, as a table, JSON or an HTML page. */
function main(argv: readonly string[]): number {
    let args: ReportArgs | "help";
    try {
        args = parseReportArgs(argv);
    } catch (err) {
        if (!(err instanceof CliUsageError)) throw err;
        process.stderr.write(`genesys-pulumi: ${err.message}\n${USAGE}\n`);
        return 2;
    }
    if (args === "help") {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    const dir = path.resolve(args.dir);
    let log: AuditLogContents;
    try {
        log = readAuditLog(dir, args.since);
    } catch (err) {
        process.stderr.write(`genesys-pulumi: ${(err as Error).message}\n`);
        return 1;
    }
    const figures = auditFigures(log.records, { since: args.since, unreadableLines: log.unreadableLines });
    process.stdout.write(`${args.json ? JSON.stringify(figures, null, 2) : textReport(figures, dir)}\n`);
    if (args.html) {
        fs.writeFileSync(args.html, htmlReport(figures, log.records, dir));
        process.stderr.write(`genesys-pulumi: wrote ${path.resolve(args.html)}\n`);
    }
    return 0;
}

process.exitCode = main(process.argv.slice(2));
