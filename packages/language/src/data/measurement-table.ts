/**
 * The CSV form of `data D from "…"` (docs/reference.md#data): a header naming the columns
 * `scenario,quantity,time,value,unit,sd` (any order; `sd` may be left out or left empty), then one
 * measurement per row. Cells may be quoted ("a, b"; "" is a quote). Problems carry the line and
 * column (1-based) of the cell at fault, so the editor can point at them.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';

export interface TableCell {
    text: string;
    /** 1-based column of the cell's first character. */
    column: number;
}

/** One row as written: a measurement not yet checked against the model. */
export interface MeasurementRow {
    line: number;
    scenario: TableCell;
    /** `Dopamine_ext`, `E.rate`, `R.occupancy`: `target` and the optional `member`. */
    quantity: TableCell;
    target: string;
    member?: string;
    /** 'steady', or the number and unit text of the time. */
    time: 'steady' | { value: number; unit: string };
    timeCell: TableCell;
    value: number;
    valueCell: TableCell;
    unit: TableCell;
    /** Undefined when the cell is empty or the column absent. */
    sd?: number;
    sdCell?: TableCell;
}

export interface TableProblem {
    /** 0 for the file as a whole (it cannot be read). */
    line: number;
    column: number;
    message: string;
}

export interface MeasurementTable {
    rows: MeasurementRow[];
    problems: TableProblem[];
}

/** A measurement without its sd is taken to have this fraction of its value (and a warning says so). */
export const DEFAULT_RELATIVE_SD = 0.1;

export const DATA_COLUMNS = ['scenario', 'quantity', 'time', 'value', 'unit', 'sd'] as const;
const REQUIRED_COLUMNS = DATA_COLUMNS.filter(column => column !== 'sd');
/** Larger files are refused rather than read into the language server. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const MEMBERS = new Set(['occupancy', 'activation', 'level', 'rate']);

/** Splits CSV text into lines of cells (quoted cells may hold commas; a quoted cell may not span lines). */
function cellsOf(text: string, line: number, problems: TableProblem[]): TableCell[] {
    const cells: TableCell[] = [];
    let position = 0;
    for (;;) {
        const column = position + 1;
        if (text[position] === '"') {
            let value = '';
            let end = position + 1;
            for (;;) {
                if (end >= text.length) {
                    problems.push({ line, column, message: 'a quoted cell is not closed on its line' });
                    return cells;
                }
                if (text[end] === '"') {
                    if (text[end + 1] === '"') { value += '"'; end += 2; continue; }
                    break;
                }
                value += text[end++];
            }
            cells.push({ text: value.trim(), column });
            position = end + 1;
            while (text[position] === ' ' || text[position] === '\t') position++;
            if (position < text.length && text[position] !== ',') {
                problems.push({ line, column: position + 1, message: "a ',' was expected after a quoted cell" });
                return cells;
            }
        } else {
            const comma = text.indexOf(',', position);
            const end = comma < 0 ? text.length : comma;
            const raw = text.slice(position, end);
            cells.push({ text: raw.trim(), column: column + (raw.length - raw.trimStart().length) });
            position = end;
        }
        if (position >= text.length) return cells;
        position++; // the comma
    }
}

export function parseMeasurementTable(text: string): MeasurementTable {
    const problems: TableProblem[] = [];
    const rows: MeasurementRow[] = [];
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const headerIndex = lines.findIndex(line => line.trim() !== '');
    if (headerIndex < 0) return { rows, problems: [{ line: 1, column: 1, message: `the file is empty; it needs the header ${DATA_COLUMNS.join(',')}` }] };
    const header = cellsOf(lines[headerIndex], headerIndex + 1, problems);
    const index = new Map<string, number>();
    header.forEach((cell, k) => {
        const name = cell.text.toLowerCase();
        if (!(DATA_COLUMNS as readonly string[]).includes(name)) {
            problems.push({ line: headerIndex + 1, column: cell.column, message: `unknown column '${cell.text}' (the columns are ${DATA_COLUMNS.join(',')})` });
        } else if (index.has(name)) {
            problems.push({ line: headerIndex + 1, column: cell.column, message: `column '${name}' is written twice` });
        } else {
            index.set(name, k);
        }
    });
    const missing = REQUIRED_COLUMNS.filter(name => !index.has(name));
    if (missing.length > 0) {
        problems.push({ line: headerIndex + 1, column: 1, message: `the header lacks ${missing.map(name => `'${name}'`).join(', ')} (the columns are ${DATA_COLUMNS.join(',')})` });
        return { rows, problems };
    }
    for (let k = headerIndex + 1; k < lines.length; k++) {
        if (lines[k].trim() === '') continue;
        const row = parseRow(lines[k], k + 1, index, problems);
        if (row) rows.push(row);
    }
    return { rows, problems };
}

function parseRow(text: string, line: number, index: ReadonlyMap<string, number>, problems: TableProblem[]): MeasurementRow | undefined {
    const before = problems.length;
    const cells = cellsOf(text, line, problems);
    if (problems.length > before) return undefined;
    if (cells.length !== index.size) {
        problems.push({ line, column: 1, message: `${cells.length} cells where the header has ${index.size}` });
        return undefined;
    }
    const cell = (name: string): TableCell => cells[index.get(name)!];
    const fail = (at: TableCell, message: string): undefined => { problems.push({ line, column: at.column, message }); return undefined; };
    const scenario = cell('scenario'), quantity = cell('quantity'), timeCell = cell('time'), valueCell = cell('value'), unit = cell('unit');
    if (scenario.text === '') return fail(scenario, 'the scenario is empty');
    const [target, member, ...rest] = quantity.text.split('.');
    if (!/^[A-Za-z_]\w*$/.test(target ?? '') || rest.length > 0 || (member !== undefined && !MEMBERS.has(member))) {
        return fail(quantity, `'${quantity.text}' is not an observable name (a name, or name.occupancy, .activation, .level, .rate)`);
    }
    let time: MeasurementRow['time'];
    if (timeCell.text.toLowerCase() === 'steady') {
        time = 'steady';
    } else {
        const written = /^([^\s]+)\s*(.*)$/.exec(timeCell.text);
        if (!written || !NUMBER.test(written[1])) return fail(timeCell, `the time '${timeCell.text}' is neither 'steady' nor a number with its unit (5 min)`);
        if (written[2] === '') return fail(timeCell, `the time '${timeCell.text}' needs a unit (min, h, s, d)`);
        time = { value: Number(written[1]), unit: written[2] };
    }
    if (!NUMBER.test(valueCell.text)) return fail(valueCell, `the value '${valueCell.text}' is not a number`);
    const sdCell = index.has('sd') ? cell('sd') : undefined;
    if (sdCell && sdCell.text !== '' && !NUMBER.test(sdCell.text)) return fail(sdCell, `the sd '${sdCell.text}' is not a number`);
    const sd = sdCell && sdCell.text !== '' ? Number(sdCell.text) : undefined;
    if (sd !== undefined && !(sd > 0)) return fail(sdCell!, `the sd must be above 0, not ${sdCell!.text}`);
    return {
        line, scenario, quantity, target, ...(member !== undefined && { member }), time, timeCell,
        value: Number(valueCell.text), valueCell, unit, ...(sd !== undefined && { sd, sdCell }), ...(sd === undefined && sdCell && { sdCell })
    };
}

/** Where `data D from "path"` reads: relative to the directory of the file that declares it. */
export function dataFilePath(declaringFile: string, written: string): string {
    return isAbsolute(written) ? written : resolve(dirname(declaringFile), written);
}

const cache = new Map<string, { stamp: string; table: MeasurementTable }>();

/** Reads and parses a data file; a file that cannot be read is one problem of the whole file (line 0). Parsed tables are kept until the file changes. */
export function readMeasurementTable(path: string): MeasurementTable {
    let stamp: string;
    try {
        const stat = statSync(path);
        if (!stat.isFile()) return unreadable('not a file');
        if (stat.size > MAX_FILE_BYTES) return unreadable(`${Math.round(stat.size / 1048576)} MB; data files are read up to ${MAX_FILE_BYTES / 1048576} MB`);
        stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch (error) {
        return unreadable((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot be read (${(error as Error).message})`);
    }
    const cached = cache.get(path);
    if (cached?.stamp === stamp) return cached.table;
    let text: string;
    try {
        text = readFileSync(path, 'utf8');
    } catch (error) {
        return unreadable(`cannot be read (${(error as Error).message})`);
    }
    const table = parseMeasurementTable(text);
    cache.set(path, { stamp, table });
    return table;
}

function unreadable(message: string): MeasurementTable {
    return { rows: [], problems: [{ line: 0, column: 0, message }] };
}
