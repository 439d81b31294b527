/**
 * Results as CSV (RFC 4180): scenario runs as one row per scenario and output time with a
 * column per observed quantity, cascades as `cascade cascade --format csv` writes them (cascadeRows),
 * the steady-state analyses and scans as their matrices, a fit as one row per measurement with
 * its fitted value and residual, populations, Sobol indices and Morris effects as `cascade
 * population|sobol|morris --format csv` writes them, time-course sensitivities a row per output time.
 */
import { toCsv, type CsvCell } from '@neurocascade/language/csv';
import { cascadeRows, CASCADE_COLUMNS } from '@neurocascade/language/results/cascade-table';
import type {
    CascadeRunResult, FitRunResult, MorrisResult, PopulationResult, ScanRunResult, ScenarioRunResult, SobolResult, SteadyAnalysisResult, SteadyStateResult,
    TimeCourseSensitivityResult
} from '@neurocascade/language/protocol';
import { drawnValues, type ChartLine, type ChartModel, type ChartPanel, type PanelView } from './chart-model.js';
import { controlHeatmap } from './control-charts.js';
import { heatmapCsv } from './heatmap-chart.js';
import { BAND_PERCENTILES } from './population-chart.js';
import { parameterLabel } from './tornado-chart.js';

export function scenariosCsv(results: readonly ScenarioRunResult[]): string {
    const columns = unique(results.flatMap(r => r.series.map(s => columnName(s.name, s.unit))));
    const rows: CsvCell[][] = [['scenario', 'time (min)', ...columns]];
    for (const result of results) {
        const byColumn = new Map(result.series.map(s => [columnName(s.name, s.unit), s.values]));
        result.time.forEach((time, i) => rows.push([result.scenario, time, ...columns.map(c => byColumn.get(c)?.[i])]));
    }
    return toCsv(rows);
}

export function cascadeCsv(result: CascadeRunResult): string {
    return toCsv([[...CASCADE_COLUMNS], ...cascadeRows(result, result.displayUnits)]);
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

/** Every response coefficient: a row per quantity, a column per parameter. */
export function sensitivityCsv(result: SteadyAnalysisResult): string {
    const s = result.sensitivities;
    return toCsv([['quantity', 'unit', 'steady state', ...s.parameters.map(parameterLabel)],
        ...s.quantities.map((q, i) => [q.name, q.unit, q.value, ...s.coefficients[i]])]);
}

/** The flux and then the concentration control coefficients, each headed by its name. */
export function controlCsv(result: SteadyAnalysisResult): string {
    return `${heatmapCsv(controlHeatmap(result, 'flux'))}\n${heatmapCsv(controlHeatmap(result, 'concentration'))}`;
}

/** A scan in base units: 1-D a row per value and a column per measure; 2-D a row per pair of values. */
export function scanCsv(result: ScanRunResult): string {
    const axis = (v: ScanRunResult['vary'][number]) => `${v.name}.${v.property} (${v.unit})`;
    const measures = result.measures.map(m => `${m.name} (${m.unit})`);
    const [first, second] = result.vary;
    if (!second) return toCsv([[axis(first), ...measures], ...first.values.map((x, i) => [x, ...result.measures.map(m => (m.values as (number | null)[])[i])])]);
    return toCsv([[axis(first), axis(second), ...measures],
        ...first.values.flatMap((x, i) => second.values.map((y, j) => [x, y, ...result.measures.map(m => (m.values as (number | null)[][])[i][j])]))]);
}

/** As `cascade population --format csv`: one row per time and quantity, then the 5 … 95 % percentiles. */
export function populationCsv(result: PopulationResult): string {
    return toCsv([['time (min)', 'quantity', 'unit', ...BAND_PERCENTILES.map(p => `p${p}`)],
        ...result.time.flatMap((time, t) => result.quantities.map(q => [time, q.name, q.unit, ...BAND_PERCENTILES.map(p => q.percentiles[p][t])]))]);
}

/** As `cascade sobol --format csv`. */
export function sobolCsv(result: SobolResult): string {
    return toCsv([['quantity', 'parameter', 'first', 'total'], ...result.indices.map(i => [i.quantity, i.parameter, i.first, i.total])]);
}

/** As `cascade morris --format csv`. */
export function morrisCsv(result: MorrisResult): string {
    return toCsv([['quantity', 'parameter', 'mu*', 'mu', 'sigma'], ...result.effects.map(e => [e.quantity, e.parameter, e.muStar, e.mu, e.sigma])]);
}

/** Base units: a row per output time with the quantity's value, then its scaled sensitivity to each parameter drawn. */
export function timeCourseSensitivityCsv(result: TimeCourseSensitivityResult): string {
    return toCsv([['time (min)', columnName(result.quantity, result.unit), ...result.parameters.map(p => `${parameterLabel(p)}: (d${result.quantity}/${result.quantity})/(dp/p)`)],
        ...result.time.map((time, k) => [time, result.values[k], ...result.parameters.map(p => p.coefficients[k])])]);
}

/** One time-course panel as drawn: time in the chart's unit, a column per line in the panel's unit (or ÷ its first value). */
export function panelCsv(chart: ChartModel, panel: ChartPanel, view: PanelView): string {
    const unit = view.normalised ? '× first value' : panel.unit.label;
    const name = (line: ChartLine) => `${line.legend === line.scenario ? `${line.scenario}: ${line.quantity}` : line.quantity}${unit ? ` (${unit})` : ''}`;
    const columns = panel.lines.map(line => drawnValues(panel, line, view));
    return toCsv([[`time (${chart.timeUnit.label})`, ...panel.lines.map(name)], ...chart.times.map((time, i) => [time, ...columns.map(values => values[i])])]);
}
