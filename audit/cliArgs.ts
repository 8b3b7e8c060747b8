import { DEFAULT_AUDIT_DIR } from "../provider/audit/auditSettings";

export const USAGE = `Usage: genesys-pulumi audit report [--since WHEN] [--dir DIR] [--json] [--html FILE]

  --since WHEN   only operations at or after WHEN: a date (2025-03-11), an ISO 8601 time with a zone
                 (2025-03-11T09:00:00Z), or a duration back from now (30m, 12h, 7d, 4w)
  --dir DIR      the audit directory (genesys:auditDir; default ${DEFAULT_AUDIT_DIR})
  --json         print the figures as JSON instead of a table
  --html FILE    also write a one-page HTML report (latency histogram, timeline) to FILE`;

export class CliUsageError extends Error {}

export interface ReportArgs {
    since?: Date;
    dir: string;
    json: boolean;
    html?: string;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseReportArgs(argv: readonly string[], now: Date = new Date()): ReportArgs | "help" {
    if (argv.includes("--help") || argv.includes("-h")) return "help";
    if (argv[0] !== "audit" || argv[1] !== "report")
        throw new CliUsageError(
            `unknown command "${argv.slice(0, 2).join(" ")}": the command is \`genesys-pulumi audit report\``,
        );
    const args: ReportArgs = { dir: DEFAULT_AUDIT_DIR, json: false };
    for (let i = 2; i < argv.length; i += 1) {
        const flag = argv[i];
        const value = () => {
            const next = argv[i + 1];
            if (next === undefined || next.startsWith("--")) throw new CliUsageError(`${flag} needs a value`);
            i += 1;
            return next;
        };
        if (flag === "--since") args.since = parseSince(value(), now);
        else if (flag === "--dir") args.dir = value();
        else if (flag === "--html") args.html = value();
        else if (flag === "--json") args.json = true;
        else throw new CliUsageError(`unknown option ${flag}`);
    }
    return args;
}

export function parseSince(text: string, now: Date): Date {
    const relative = /^(\d+)([mhdw])$/.exec(text);
    if (relative) return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2]]);
    const date = /^\d{4}-\d{2}-\d{2}$/.test(text)
        ? new Date(`${text}T00:00:00Z`)
        : /(Z|[+-]\d{2}:?\d{2})$/.test(text)
          ? new Date(text)
          : undefined;
    if (!date || Number.isNaN(date.getTime())) {
        throw new CliUsageError(
            `--since "${text}" is not a date (2025-03-11), an ISO 8601 time with a zone (2025-03-11T09:00:00Z) or a duration (30m, 12h, 7d, 4w)`,
        );
    }
    return date;
}
