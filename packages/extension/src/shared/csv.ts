/**
 * Results as CSV (RFC 4180): scenario runs as one row per scenario and output time with a
 * column per observed quantity, cascades as one row per perturbation and measured quantity, a
 * fit as one row per measurement with its fitted value and residual.
 */
import type { CascadeRunResult, FitRunResult, ScenarioRunResult, SteadyStateResult } from '@neurocascade/language/protocol';

type Cell = string | number | undefined;

export function scenariosCsv(results: readonly ScenarioRunResult[]): string {
    const columns = unique(results.flatMap(r => r.series.map(s => columnName(s.name, s.unit))));
    const rows: Cell[][] = [['scenario', 'time (min)', ...columns]];
    for (const result of results) {
        const byColumn = new Map(result.series.map(s => [columnName(s.name, s.unit), s.values]));
        result.times.forEach((time, i) => rows.push([result.scenario, time, ...columns.map(c => byColumn.get(c)?.[i])]));
    }
    return toCsv(rows);
}

export function cascadeCsv(result: CascadeRunResult): string {
    const rows: Cell[][] = [['perturbation', 'quantity', 'unit', 'base', 'perturbed', 'change', 'change (%)', 'response coefficient', 'local coefficient', 'error']];
    for (const p of result.perturbations) {
        if (p.error !== undefined) rows.push([p.label, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, p.error]);
        for (const r of p.responses) rows.push([p.label, r.name, r.unit, r.base, r.perturbed, r.delta, r.percent, r.coefficient, r.localCoefficient, undefined]);
    }
    return toCsv(rows);
}

export function steadyStateCsv(result: SteadyStateResult): string {
    return toCsv([['quantity', 'unit', 'steady state'], ...result.values.map(v => [v.name, v.unit, v.value])]);
}

export function fitCsv(result: FitRunResult): string {
    return toCsv([['scenario', 'quantity', 'time (min)', 'value', 'sd', 'fitted', 'unit', 'residual'],
        ...result.points.map(p => [p.scenario, p.quantity, p.time, p.value, p.sd, p.fitted, p.unit, p.residual])]);
}

function columnName(name: string, unit: string): string {
    return unit && unit !== '1' ? `${name} (${unit})` : name;
}

function unique(items: string[]): string[] {
    return [...new Set(items)];
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
    return rows.map(row => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Numbers at full precision (non-finite as empty); text quoted when needed and kept from being read as a spreadsheet formula. */
export function csvField(cell: Cell): string {
    if (cell === undefined) return '';
    if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
    const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
    return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
