/**
 * How sweep results are printed (docs/analysis.md#populations): one JSON text shared by
 * `cascade population|sobol|morris --format json` and `cascade sweep merge`, so the two are
 * byte for byte the same; percentile bands and indices as tables or CSV.
 */
import { PERCENTILES, type MorrisResult, type PopulationResult, type SobolResult, type SweepResult } from '@neurocascade/simulator';
import { renderTable, type TableFormat } from './table.js';

export function sweepJson(result: SweepResult): string {
    return JSON.stringify(result, null, 2) + '\n';
}

/** One row per time and quantity: time, quantity, unit, then the 5 … 95 % percentiles. */
export function populationTable(result: PopulationResult, format: TableFormat): string {
    const header = ['time (min)', 'quantity', 'unit', ...PERCENTILES.map(p => `p${p}`)];
    const rows = result.time.flatMap((time, t) => result.quantities.map(q => [time, q.name, q.unit, ...PERCENTILES.map(p => q.percentiles[p][t])]));
    const failed = result.failed.length > 0 && format === 'table' ? `${result.failed.length} of ${result.size} members failed; the first: member ${result.failed[0].member}: ${result.failed[0].message}\n` : '';
    return renderTable(header, rows, format) + failed;
}

export function sobolTable(result: SobolResult, format: TableFormat): string {
    return renderTable(['quantity', 'parameter', 'first', 'total'], result.indices.map(i => [i.quantity, i.parameter, i.first, i.total]), format)
        + (format === 'table' ? `${result.rows} of ${result.samples} rows ran, at ${result.at === 'steady' ? 'steady state' : `${result.at} min`}\n` : '');
}

export function morrisTable(result: MorrisResult, format: TableFormat): string {
    return renderTable(['quantity', 'parameter', 'mu*', 'mu', 'sigma'], result.effects.map(e => [e.quantity, e.parameter, e.muStar, e.mu, e.sigma]), format);
}

/** Only the named quantities (`--of`); each must be measured. */
export function onlyQuantities<R extends SobolResult | MorrisResult>(result: R, names: readonly string[], measured: readonly string[]): R {
    const unknown = names.filter(n => !measured.includes(n));
    if (unknown.length > 0) throw new Error(`--of: ${unknown.join(', ')} not measured (the population measures ${measured.join(', ')})`);
    if (names.length === 0) return result;
    return result.method === 'sobol'
        ? { ...result, indices: result.indices.filter(i => names.includes(i.quantity)) }
        : { ...result, effects: (result as MorrisResult).effects.filter(e => names.includes(e.quantity)) };
}
