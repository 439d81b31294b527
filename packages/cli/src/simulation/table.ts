import { formatNumber } from '@neurocascade/simulator';
import { toCsv } from '@neurocascade/language/csv';

/** Rows of a command's result; numbers are formatted per output format. */
export type Cell = string | number | null;

export type TableFormat = 'table' | 'csv';

/** A table as aligned text columns (numbers to four significant digits, right-aligned) or as CSV. */
export function renderTable(header: readonly string[], rows: readonly (readonly Cell[])[], format: TableFormat): string {
    if (format === 'csv') return toCsv([header, ...rows]);
    const text = rows.map(row => row.map(cell => typeof cell === 'number' ? formatNumber(cell) : cell ?? '—'));
    const widths = header.map((title, i) => Math.max(title.length, ...text.map(row => row[i].length)));
    const numeric = header.map((_, i) => rows.some(row => typeof row[i] === 'number'));
    const line = (cells: readonly string[]) => cells.map((cell, i) => numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])).join('  ').trimEnd();
    return [line(header), line(widths.map(width => '─'.repeat(width))), ...text.map(line)].join('\n') + '\n';
}
