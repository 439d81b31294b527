/**
 * The project's one CSV writer (the CLI's `--format csv` and `simulate`, the editor's exports).
 * It imports nothing, so every package and bundle can use it (subpath `./csv`).
 *
 * RFC 4180 quoting; each record ends in a line feed. Numbers are written at full precision as
 * JavaScript prints them (shortest round trip), a missing or non-finite number as an empty cell.
 * Text that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return:
 * a model's names and titles are the author's) is prefixed with an apostrophe; numbers stay numbers.
 */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(cell: CsvCell): string {
    if (cell === null || cell === undefined) return '';
    if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
    const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
    return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, with its line feed. */
export function csvRow(cells: readonly CsvCell[]): string {
    return `${cells.map(csvField).join(',')}\n`;
}

export function toCsv(rows: Iterable<readonly CsvCell[]>): string {
    let text = '';
    for (const row of rows) text += csvRow(row);
    return text;
}
