/**
 * What the scan view draws: for a 1-D scan, one dose–response plot per measured quantity with
 * the fitted Hill curve Y = base + Emax·xⁿ/(EC50ⁿ + xⁿ), its EC50 (IC50 when Y falls) marked
 * and the folds of a steady-state scan shaded; for a 2-D scan, one heatmap per quantity.
 * Values are shown in the units their author wrote, else readable ones (docs/reference.md,
 * Display units); a geometric grid (`log`) gets a logarithmic dose axis.
 */
import { toCsv } from '@neurocascade/language/csv';
import type { ScanRunResult } from '@neurocascade/language/protocol';
import { escapeXml } from '@neurocascade/language/xml-text';
import { formatNumber } from '@neurocascade/simulator/quantity-format';
import { sequentialScale } from './colour-scale.js';
import { displayUnitFor, largestMagnitude, type DisplayUnit } from './display-units.js';
import type { HeatmapChart } from './heatmap-chart.js';
import { PALETTE } from './palette.js';
import { formatTick, svgDocument, text, ticks, verticalText, type ChartTheme } from './svg-plot.js';

type Axis = ScanRunResult['vary'][number];
type Measure = ScanRunResult['measures'][number];

export interface ScanPlot {
    measure: string;
    title: string;
    xLabel: string;
    yLabel: string;
    xUnit: DisplayUnit;
    yUnit: DisplayUnit;
    /** A geometric grid: the dose axis is logarithmic. */
    log: boolean;
    /** Display units; y null where the point has no result. */
    points: { x: number; y: number | null }[];
    /** The fitted Hill curve over the scanned range, display units. */
    curve: { x: number; y: number }[];
    /** The fitted EC50 (`x`, the dose) with the curve's value there, its Hill coefficient, Emax and base (display units). */
    marker?: { kind: 'EC50' | 'IC50'; x: number; y: number; n: number; emax: number; base: number; label: string };
    /** Ranges of the dose (display units) where a sweep's branch ends: bistability. */
    folds: { from: number; to: number; sweep: 'up' | 'down' }[];
}

const CURVE_POINTS = 120;

export function axisName(axis: Axis, unit: DisplayUnit): string {
    return `${axis.name}.${axis.property}${unit.label ? ` (${unit.label})` : ''}`;
}

/** Evenly spaced on a log scale: every value positive and each the same multiple of the last. */
export function isGeometric(values: readonly number[]): boolean {
    if (values.length < 3 || values.some(v => !(v > 0))) return false;
    const ratio = values[1] / values[0];
    return ratio !== 1 && values.every((v, i) => i === 0 || Math.abs(v / values[i - 1] / ratio - 1) < 1e-6);
}

export function scanPlots(result: ScanRunResult): ScanPlot[] {
    if (result.vary.length !== 1) return [];
    const axis = result.vary[0];
    const xUnit = displayUnitFor(axis.unit, largestMagnitude(axis.values), axis.display);
    const log = isGeometric(axis.values);
    return result.measures.map(measure => scanPlot(result, axis, measure, xUnit, log));
}

function scanPlot(result: ScanRunResult, axis: Axis, measure: Measure, xUnit: DisplayUnit, log: boolean): ScanPlot {
    const values = measure.values as (number | null)[];
    const yUnit = displayUnitFor(measure.unit, largestMagnitude(values), measure.display);
    const points = axis.values.map((x, i) => ({ x: x * xUnit.factor, y: values[i] === null ? null : values[i]! * yUnit.factor }));
    const hill = measure.hill;
    const kind = hill && hill.emax < 0 ? 'IC50' : 'EC50';
    const unitText = (u: DisplayUnit) => u.label ? ` ${u.label}` : '';
    const fit = hill && { x: hill.ec50 * xUnit.factor, n: hill.n, emax: hill.emax * yUnit.factor, base: hill.base * yUnit.factor };
    const [low, high] = [Math.min(...points.map(p => p.x)), Math.max(...points.map(p => p.x))];
    const curve = !fit ? [] : Array.from({ length: CURVE_POINTS }, (_, k) => {
        const f = k / (CURVE_POINTS - 1);
        const x = log ? low * (high / low) ** f : low + (high - low) * f;
        return { x, y: hillAt(fit, x) };
    });
    return {
        measure: measure.name,
        title: `${measure.name} against ${axis.name}.${axis.property}${result.at === 'steady' ? ' at steady state' : ` at ${formatNumber(result.at.value)} ${result.at.unit}`}`,
        xLabel: axisName(axis, xUnit), yLabel: `${measure.name}${yUnit.label ? ` (${yUnit.label})` : ''}`,
        xUnit, yUnit, log, points, curve,
        ...(fit ? {
            marker: {
                kind, ...fit, y: hillAt(fit, fit.x),
                label: `${kind} ${formatNumber(fit.x)}${unitText(xUnit)}, n ${formatNumber(fit.n)}, Emax ${formatNumber(fit.emax)}${unitText(yUnit)}`
            }
        } : {}),
        folds: result.folds.map(f => ({ from: axis.values[f.between[0]] * xUnit.factor, to: axis.values[f.between[1]] * xUnit.factor, sweep: f.sweep }))
    };
}

/** A 2-D scan: one heatmap per measured quantity (rows the first varied value, columns the second). */
export function scanHeatmaps(result: ScanRunResult): HeatmapChart[] {
    if (result.vary.length !== 2) return [];
    const [first, second] = result.vary;
    const rowUnit = displayUnitFor(first.unit, largestMagnitude(first.values), first.display);
    const columnUnit = displayUnitFor(second.unit, largestMagnitude(second.values), second.display);
    return result.measures.map(measure => {
        const grid = measure.values as (number | null)[][];
        const unit = displayUnitFor(measure.unit, largestMagnitude(grid.flat()), measure.display);
        const values = grid.map(row => row.map(v => v === null ? null : v * unit.factor));
        const title = `${measure.name}${unit.label ? ` (${unit.label})` : ''}`;
        return {
            title: `${title} over ${first.name}.${first.property} and ${second.name}.${second.property}`,
            rows: first.values.map(v => v * rowUnit.factor), columns: second.values.map(v => v * columnUnit.factor), values,
            rowAxis: axisName(first, rowUnit), columnAxis: axisName(second, columnUnit),
            scale: sequentialScale(values.flat(), title)
        };
    });
}

const MARGIN = { left: 80, right: 24, top: 36, bottom: 64 };

export function scanPlotSvg(plot: ScanPlot, theme: ChartTheme, width = 640, height = 340): string {
    const plotW = width - MARGIN.left - MARGIN.right, plotH = height - MARGIN.top - MARGIN.bottom;
    const xs = plot.points.map(p => p.x);
    const ys = [...plot.points.flatMap(p => p.y === null ? [] : [p.y]), ...plot.curve.map(p => p.y)];
    const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
    // The measured range, padded by 5 %: a dose–response shows its change, not its distance from 0.
    const [yLow, yHigh] = ys.length > 0 ? [Math.min(...ys), Math.max(...ys)] : [0, 1];
    const yPad = (yHigh - yLow) * 0.05 || Math.abs(yHigh) * 0.05 || 1;
    const [yMin, yMax] = [yLow - yPad, yHigh + yPad];
    const fx = (x: number) => plot.log ? Math.log10(x) : x;
    const px = (x: number) => MARGIN.left + (fx(xMax) === fx(xMin) ? 0.5 : (fx(x) - fx(xMin)) / (fx(xMax) - fx(xMin))) * plotW;
    const py = (y: number) => MARGIN.top + plotH - (y - yMin) / (yMax - yMin || 1) * plotH;
    const grid = escapeXml(theme.grid);
    const [ink, curve, fold] = [escapeXml(theme.foreground), PALETTE[0], PALETTE[1]];
    const parts: string[] = [text(MARGIN.left, 18, 'start', plot.title, 'font-weight="bold" font-size="13"')];
    for (const f of plot.folds) {
        const [a, b] = [px(f.from), px(f.to)];
        parts.push(`<g class="fold" data-from="${f.from}" data-to="${f.to}"><title>fold: the ${f.sweep} sweep's branch ends here (bistable)</title>`
            + `<rect x="${a.toFixed(1)}" y="${MARGIN.top}" width="${Math.max(2, b - a).toFixed(1)}" height="${plotH}" fill="${fold}" fill-opacity="0.18"/>`
            + text((a + b) / 2, MARGIN.top + 12, 'middle', `fold (${f.sweep})`) + '</g>');
    }
    for (const tick of ticks(xMin, xMax, plot.log)) {
        parts.push(`<line x1="${px(tick).toFixed(1)}" x2="${px(tick).toFixed(1)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="${grid}"/>`);
        parts.push(text(px(tick), MARGIN.top + plotH + 16, 'middle', formatTick(tick), 'class="x-tick"'));
    }
    for (const tick of ticks(yMin, yMax, false)) {
        parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${py(tick).toFixed(1)}" y2="${py(tick).toFixed(1)}" stroke="${grid}"/>`);
        parts.push(text(MARGIN.left - 6, py(tick) + 4, 'end', formatTick(tick), 'class="y-tick"'));
    }
    parts.push(text(MARGIN.left + plotW / 2, height - 30, 'middle', plot.xLabel, 'class="x-label"'));
    parts.push(verticalText(16, MARGIN.top + plotH / 2, plot.yLabel).replace('<text ', '<text class="y-label" '));
    if (plot.curve.length > 0) {
        parts.push(`<polyline class="hill-curve" fill="none" stroke="${curve}" stroke-width="1.5" stroke-dasharray="6 3" points="${plot.curve.map(p => `${px(p.x).toFixed(2)},${py(p.y).toFixed(2)}`).join(' ')}"><title>fitted Hill curve</title></polyline>`);
    }
    for (const p of plot.points) {
        if (p.y !== null) parts.push(`<circle class="point" cx="${px(p.x).toFixed(2)}" cy="${py(p.y).toFixed(2)}" r="3" fill="${curve}"><title>${escapeXml(`${formatNumber(p.x)} → ${formatNumber(p.y)}`)}</title></circle>`);
    }
    const m = plot.marker;
    if (m && m.x >= xMin && m.x <= xMax) {
        const [x, y] = [px(m.x), py(m.y)];
        parts.push(`<g class="ec50-marker" data-kind="${m.kind}" data-x="${m.x}" data-y="${m.y}">`
            + `<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${y.toFixed(1)}" y2="${MARGIN.top + plotH}" stroke="${ink}" stroke-dasharray="3 3"/>`
            + `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="5" fill="none" stroke="${ink}" stroke-width="2"/>`
            + text(x + 8, y - 8, 'start', m.kind) + '</g>');
    }
    parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="${ink}"/>`);
    parts.push(text(MARGIN.left, height - 10, 'start', m ? `Fitted Hill curve (dashed): ${m.label}` : 'No Hill curve fits these values.', 'class="hill-summary"'));
    return svgDocument(width, height, theme, parts);
}

/** The points with the fitted curve's value at each dose, in the plot's units. */
export function scanPlotCsv(plot: ScanPlot): string {
    const fit = plot.marker;
    const header = [plot.xLabel, plot.yLabel, ...(fit ? [`fitted Hill curve${plot.yUnit.label ? ` (${plot.yUnit.label})` : ''}`] : [])];
    return toCsv([header, ...plot.points.map(p => [p.x, p.y, ...(fit ? [hillAt(fit, p.x)] : [])])]);
}

/** Y = base + Emax·xⁿ/(EC50ⁿ + xⁿ), in the plot's units (the dose and EC50 in one unit, Y linear in its unit). */
export function hillAt(fit: { x: number; n: number; emax: number; base: number }, x: number): number {
    return fit.base + fit.emax / (1 + (x > 0 ? (fit.x / x) ** fit.n : Infinity));
}
