/** A labelled matrix (rows × columns of coefficients) as a terminal table or as CSV. */
import { formatNumber } from '@neurocascade/simulator';
import { csvField, csvNumber } from './output.js';

export interface MatrixText {
    rows: readonly string[];
    columns: readonly string[];
    values: readonly (readonly (number | null)[])[];
}

/** Four significant digits; '—' for an undefined coefficient. */
function cell(v: number | null): string {
    return v === null || Number.isNaN(v) ? '—' : formatNumber(v);
}

export function matrixTable(m: MatrixText, corner = ''): string {
    const lines = [[corner, ...m.columns], ...m.rows.map((r, i) => [r, ...m.values[i].map(cell)])];
    const widths = lines[0].map((_, j) => Math.max(...lines.map(l => l[j].length)));
    return lines.map(l => l.map((text, j) => (j === 0 ? text.padEnd(widths[j]) : text.padStart(widths[j]))).join('  ').trimEnd()).join('\n') + '\n';
}

export function matrixCsv(m: MatrixText, corner = ''): string {
    return [[corner, ...m.columns].map(csvField).join(','),
        ...m.rows.map((r, i) => [csvField(r), ...m.values[i].map(csvNumber)].join(','))].join('\n') + '\n';
}
