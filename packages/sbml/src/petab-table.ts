/**
 * PEtab's tab-separated tables (docs/analysis.md#petab): a header row naming the columns, one
 * record a line. A field may be quoted with `"` (a doubled `""` is one quote inside it), and only a
 * quoted field may hold a tab, a line break or a quote; the writer quotes exactly those fields.
 */

/** A PEtab file the importer cannot read, named by file and (1-based) line. */
export class PetabError extends Error {
    constructor(readonly file: string, readonly line: number | undefined, readonly detail: string) {
        super(`${file}${line === undefined ? '' : `:${line}`}: ${detail}`);
        this.name = 'PetabError';
    }
}

/** One record: its cells by column name and the line it starts on. */
export interface TableRow {
    line: number;
    cells: ReadonlyMap<string, string>;
}

export interface Table {
    file: string;
    columns: string[];
    rows: TableRow[];
}

/** Reads a table; every column in `required` must be in the header. Blank lines are skipped. */
export function readTable(text: string, file: string, required: readonly string[]): Table {
    const records = splitRecords(text.replace(/^\uFEFF/, ''), file);
    const header = records.shift();
    if (!header) throw new PetabError(file, 1, 'the table is empty; its first line must name the columns');
    const columns = header.fields.map(c => c.trim());
    columns.forEach((column, i) => {
        if (column === '') throw new PetabError(file, header.line, `column ${i + 1} has no name`);
        if (columns.indexOf(column) !== i) throw new PetabError(file, header.line, `column '${column}' appears twice`);
    });
    for (const column of required) {
        if (!columns.includes(column)) throw new PetabError(file, header.line, `the required column '${column}' is missing`);
    }
    const rows = records.map(record => {
        if (record.fields.length !== columns.length) {
            throw new PetabError(file, record.line, `${record.fields.length} fields, but the header names ${columns.length} columns`);
        }
        return { line: record.line, cells: new Map(columns.map((c, i) => [c, record.fields[i].trim()])) };
    });
    return { file, columns, rows };
}

/** The table as text: a header, then one line a row, fields quoted only when they must be. */
export function writeTable(columns: readonly string[], rows: readonly (readonly string[])[]): string {
    return [columns, ...rows].map(fields => fields.map(quoteField).join('\t') + '\n').join('');
}

function quoteField(field: string): string {
    return /[\t\r\n"]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

interface TableRecord {
    line: number;
    fields: string[];
}

function splitRecords(text: string, file: string): TableRecord[] {
    const records: TableRecord[] = [];
    let line = 1;
    let at = 0;
    while (at < text.length) {
        const start = line;
        const fields: string[] = [];
        let field = '';
        let ended = false;
        while (!ended) {
            if (text[at] === '"' && field.trim() === '') {
                // A quoted field: up to the closing quote, which must end the field.
                field = '';
                at++;
                for (;;) {
                    if (at >= text.length) throw new PetabError(file, start, 'a quoted field is not closed before the end of the file');
                    const c = text[at++];
                    if (c === '"') {
                        if (text[at] !== '"') break;
                        at++;
                    }
                    if (c === '\n') line++;
                    field += c;
                }
                if (at < text.length && !'\t\r\n'.includes(text[at])) {
                    throw new PetabError(file, line, `text after the closing quote of field ${fields.length + 1}`);
                }
            }
            const c = at < text.length ? text[at++] : '\n';
            if (c === '\t') {
                fields.push(field);
                field = '';
            } else if (c === '\n' || c === '\r') {
                if (c === '\r' && text[at] === '\n') at++;
                line++;
                fields.push(field);
                ended = true;
            } else {
                if (c === '"') throw new PetabError(file, line, `a quote inside unquoted field ${fields.length + 1}`);
                field += c;
            }
        }
        if (fields.length > 1 || fields[0].trim() !== '') records.push({ line: start, fields });
    }
    return records;
}

/**
 * The number in a cell, as pandas reads it: decimal or exponent notation, `inf`/`-inf`
 * (any case) and `nan`; an empty cell is `undefined`.
 */
export function numberCell(table: Table, row: TableRow, column: string): number | undefined {
    const text = row.cells.get(column) ?? '';
    if (text === '') return undefined;
    const lower = text.toLowerCase();
    if (/^[+-]?inf(inity)?$/.test(lower)) return lower.startsWith('-') ? -Infinity : Infinity;
    if (lower === 'nan') return NaN;
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(lower)) return Number(text);
    throw new PetabError(table.file, row.line, `${column} '${text}' is not a number`);
}

/** The cell's text; an error naming the column when it is empty. */
export function requiredCell(table: Table, row: TableRow, column: string): string {
    const text = row.cells.get(column) ?? '';
    if (text === '') throw new PetabError(table.file, row.line, `${column} is empty`);
    return text;
}

/** The cell's text when it is one of `allowed` (an empty or absent cell is the first). */
export function choiceCell<T extends string>(table: Table, row: TableRow, column: string, allowed: readonly T[]): T {
    const text = row.cells.get(column) ?? '';
    if (text === '') return allowed[0];
    if ((allowed as readonly string[]).includes(text)) return text as T;
    throw new PetabError(table.file, row.line, `${column} '${text}' is not one of ${allowed.join(', ')}`);
}
