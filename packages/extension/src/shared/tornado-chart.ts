/**
 * The tornado chart of the sensitivity view: the largest response coefficients
 * (∂Y/Y)/(∂p/p) of one quantity, a bar per parameter sorted by |coefficient|, on an axis
 * symmetric about zero and coloured on the diverging scale (blue: Y falls as p rises).
 */
import { toCsv } from '@neurocascade/language/csv';
import type { SteadyAnalysisResult } from '@neurocascade/language/protocol';
import { formatNumber } from '@neurocascade/simulator/quantity-format';
import { divergingScale, scaleColour, type ColourScale } from './colour-scale.js';
import { svgDocument, text, ticks, formatTick, type ChartTheme } from './svg-plot.js';
import { escapeXml } from '@neurocascade/language/xml-text';

type Sensitivities = SteadyAnalysisResult['sensitivities'];

export interface TornadoBar {
    /** `E.vmax`, `E.km.S`, `k1.value`. */
    parameter: string;
    coefficient: number;
    /** The parameter's value at the steady state, in its base unit. */
    value: number;
    unit: string;
}

export interface TornadoChart {
    quantity: string;
    /** Largest |coefficient| first. */
    bars: TornadoBar[];
    /** Parameters not shown: beyond the largest `top`, or with no coefficient (Y = 0 there). */
    omitted: number;
    scale: ColourScale;
    axisLabel: string;
}

export const TORNADO_BARS = 15;

export function parameterLabel(p: Sensitivities['parameters'][number]): string {
    return `${p.name}.${p.property}${p.substrate ? `.${p.substrate}` : ''}`;
}

export function tornadoChart(sensitivities: Sensitivities, quantity: string, top = TORNADO_BARS): TornadoChart {
    const i = sensitivities.quantities.findIndex(q => q.name === quantity);
    if (i < 0) throw new Error(`No response coefficients of '${quantity}'.`);
    const all = sensitivities.parameters.flatMap((p, j) => {
        const coefficient = sensitivities.coefficients[i][j];
        return coefficient === null || !Number.isFinite(coefficient) ? [] : [{ parameter: parameterLabel(p), coefficient, value: p.value, unit: p.unit }];
    });
    all.sort((a, b) => Math.abs(b.coefficient) - Math.abs(a.coefficient) || a.parameter.localeCompare(b.parameter));
    const bars = all.slice(0, top);
    return {
        quantity, bars, omitted: sensitivities.parameters.length - bars.length,
        scale: divergingScale(bars.map(b => b.coefficient), 'response coefficient'),
        axisLabel: `response coefficient of ${quantity}`
    };
}

const ROW = 22;

export function tornadoSvg(chart: TornadoChart, theme: ChartTheme, width = 640): string {
    const left = 24 + 6.5 * Math.max(8, ...chart.bars.map(b => b.parameter.length));
    // Values in a column of their own at the right, clear of the names and the bars.
    const right = 64, top = 40;
    const plotW = width - left - right;
    const limit = chart.scale.high;
    const px = (v: number) => left + (v + limit) / (2 * limit) * plotW;
    const plotH = Math.max(1, chart.bars.length) * ROW;
    const parts: string[] = [text(12, 18, 'start', `Largest response coefficients (∂Y/Y)/(∂p/p) of Y = ${chart.quantity}`, 'font-weight="bold" font-size="13"')];
    for (const tick of ticks(-limit, limit, false)) {
        parts.push(`<line x1="${px(tick).toFixed(1)}" x2="${px(tick).toFixed(1)}" y1="${top}" y2="${top + plotH}" stroke="${escapeXml(theme.grid)}"/>`);
        parts.push(text(px(tick), top + plotH + 16, 'middle', formatTick(tick), 'class="tick"'));
    }
    chart.bars.forEach((bar, k) => {
        const y = top + k * ROW;
        const x0 = px(Math.min(0, bar.coefficient)), x1 = px(Math.max(0, bar.coefficient));
        parts.push(`<g class="bar" data-parameter="${escapeXml(bar.parameter)}" data-coefficient="${bar.coefficient}">`
            + `<title>${escapeXml(`${bar.parameter} = ${formatNumber(bar.value)} ${bar.unit}: coefficient ${formatNumber(bar.coefficient)}`)}</title>`
            + text(left - 6, y + ROW / 2 + 4, 'end', bar.parameter)
            + `<rect x="${x0.toFixed(1)}" y="${y + 3}" width="${Math.max(0.5, x1 - x0).toFixed(1)}" height="${ROW - 6}" fill="${scaleColour(chart.scale, bar.coefficient)}"/>`
            + text(width - 6, y + ROW / 2 + 4, 'end', formatNumber(bar.coefficient))
            + '</g>');
    });
    parts.push(`<line x1="${px(0).toFixed(1)}" x2="${px(0).toFixed(1)}" y1="${top}" y2="${top + plotH}" stroke="${escapeXml(theme.foreground)}"/>`);
    parts.push(text(left + plotW / 2, top + plotH + 36, 'middle', chart.axisLabel, 'class="axis-label"'));
    if (chart.omitted > 0) parts.push(text(12, top + plotH + 54, 'start', `${chart.omitted} more parameters, with smaller or no coefficients, not shown.`));
    return svgDocument(width, top + plotH + 64, theme, parts);
}

export function tornadoCsv(chart: TornadoChart): string {
    return toCsv([['parameter', 'value', 'unit', `response coefficient of ${chart.quantity}`], ...chart.bars.map(b => [b.parameter, b.value, b.unit, b.coefficient])]);
}
