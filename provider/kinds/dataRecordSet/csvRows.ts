export interface CsvRow {
    /** 1-based line where the row starts, for messages. */
    line: number;
    cells: string[];
}

/**
 * RFC 4180 CSV: comma-separated, fields optionally quoted with `"`, a quote inside quotes doubled, line
 * breaks (LF or CRLF) allowed inside quotes. Blank lines are skipped. Throws naming the line of a quote
 * left open.
 */
export function parseCsv(text: string): CsvRow[] {
    const rows: CsvRow[] = [];
    let cells: string[] = [];
    let cell = "";
    let quoted = false;
    let line = 1;
    let rowLine = 1;
    let sawAny = false;
    const endRow = () => {
        cells.push(cell);
        if (cells.length > 1 || cells[0] !== "") rows.push({ line: rowLine, cells });
        cells = [];
        cell = "";
        sawAny = false;
    };
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    for (let i = 0; i < body.length; i++) {
        const ch = body[i];
        if (quoted) {
            if (ch === '"' && body[i + 1] === '"') {
                cell += '"';
                i++;
            } else if (ch === '"') {
                quoted = false;
            } else {
                if (ch === "\n") line++;
                cell += ch;
            }
            continue;
        }
        if (!sawAny) rowLine = line;
        sawAny = true;
        if (ch === '"' && cell === "") quoted = true;
        else if (ch === ",") {
            cells.push(cell);
            cell = "";
        } else if (ch === "\n" || ch === "\r") {
            if (ch === "\r" && body[i + 1] === "\n") i++;
            endRow();
            line++;
        } else cell += ch;
    }
    if (quoted) throw new Error(`a quoted value opened on line ${rowLine} is never closed`);
    if (sawAny || cell !== "" || cells.length > 0) endRow();
    return rows;
}
