/** A labelled matrix (rows × columns of coefficients) as a terminal table or as CSV. */
import { formatNumber } from '@neurocascade/simulator';
import { csvRow } from '@neurocascade/language/csv';

export interface MatrixText {
    /** Names, or numbers (a scan's values, output times) that CSV keeps as numbers. */
    rows: readonly (string | number)[];
    columns: readonly (string | number)[];
    values: readonly (readonly (number | null)[])[];
}

/** Four significant digits; '—' for an undefined coefficient. */
function cell(v: number | null): string {
    return v === null || Number.isNaN(v) ? '—' : formatNumber(v);
}

export function matrixTable(m: MatrixText, corner = ''): string {
    const lines = [[corner, ...m.columns.map(String)], ...m.rows.map((r, i) => [String(r), ...m.values[i].map(cell)])];
    const widths = lines[0].map((_, j) => Math.max(...lines.map(l => l[j].length)));
    return lines.map(l => l.map((text, j) => (j === 0 ? text.padEnd(widths[j]) : text.padStart(widths[j]))).join('  ').trimEnd()).join('\n') + '\n';
}

export function matrixCsv(m: MatrixText, corner = ''): string {
    return csvRow([corner, ...m.columns]) + m.rows.map((r, i) => csvRow([r, ...m.values[i]])).join('');
}
