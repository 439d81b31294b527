/**
 * The fit view's charts as SVG (on screen and exported alike): a panel of data points with ±1 sd
 * error bars against the fitted curve, and the residuals (y − ŷ)/sd of every measurement with
 * lines at 0 and ±2. Every model-provided name is escaped.
 */
import { escapeXml } from '@neurocascade/language/xml-text';
import type { FitPanel, FitViewModel } from './fit-chart.js';
import { colourOf } from './palette.js';
import { formatTick, text, ticks, type SvgStyle } from './svg-plot.js';

export type FitSvgStyle = Omit<SvgStyle, 'views' | 'hidden'>;

const MARGIN = { left: 80, right: 20, top: 28, bottom: 44 };
const DATA = colourOf(1), CURVE = colourOf(0);

interface Frame {
    px(x: number): number;
    py(y: number): number;
    parts: string[];
}

/** Title, grid, ticks and axis labels of one plot over [x0, x1] × [y0, y1]. */
function frame(title: string, xLabel: string, yLabel: string, [x0, x1]: [number, number], [y0, y1]: [number, number], style: FitSvgStyle, xTicks?: { at: number; label: string }[]): Frame {
    const plotW = style.width - MARGIN.left - MARGIN.right, plotH = style.height - MARGIN.top - MARGIN.bottom;
    const px = (x: number) => MARGIN.left + (x1 === x0 ? plotW / 2 : (x - x0) / (x1 - x0) * plotW);
    const py = (y: number) => MARGIN.top + plotH - (y - y0) / (y1 - y0 || 1) * plotH;
    const grid = escapeXml(style.grid);
    const parts = [text(MARGIN.left, 16, 'start', title, 'font-weight="bold" font-size="12"')];
    for (const tick of xTicks ?? ticks(x0, x1, false).map(at => ({ at, label: formatTick(at) }))) {
        parts.push(`<line x1="${px(tick.at).toFixed(1)}" x2="${px(tick.at).toFixed(1)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="${grid}"/>`);
        parts.push(text(px(tick.at), MARGIN.top + plotH + 16, 'middle', tick.label));
    }
    for (const tick of ticks(y0, y1, false)) {
        parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${py(tick).toFixed(1)}" y2="${py(tick).toFixed(1)}" stroke="${grid}"/>`);
        parts.push(text(MARGIN.left - 6, py(tick) + 4, 'end', formatTick(tick)));
    }
    parts.push(text(MARGIN.left + plotW / 2, style.height - 8, 'middle', xLabel));
    const yLabelX = 16, yLabelY = MARGIN.top + plotH / 2;
    parts.push(`<text x="${yLabelX}" y="${yLabelY}" text-anchor="middle" transform="rotate(-90 ${yLabelX} ${yLabelY})">${escapeXml(yLabel)}</text>`);
    parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="${escapeXml(style.foreground)}"/>`);
    return { px, py, parts };
}

function document(style: FitSvgStyle, label: string, parts: string[]): string {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${style.width}" height="${style.height}" viewBox="0 0 ${style.width} ${style.height}" role="img" aria-label="${escapeXml(label)}" font-family="${escapeXml(style.font)}" font-size="11" fill="${escapeXml(style.foreground)}">`
        + `<rect width="100%" height="100%" fill="${escapeXml(style.background)}"/>` + parts.join('') + '</svg>\n';
}

/** From 0 (or below, for negative values) to the highest value, padded by 5 %. */
function range(values: readonly number[]): [number, number] {
    const finite = values.filter(Number.isFinite);
    const low = Math.min(0, ...finite), high = Math.max(0, ...finite);
    const pad = (high - low) * 0.05 || 1;
    return [low < 0 ? low - pad : low, high + pad];
}

/** A panel of the fit: its curve as a line, each measurement a dot with its error bar and the fitted value a small cross. */
export function fitPanelSvg(model: FitViewModel, panel: FitPanel, style: FitSvgStyle): string {
    const steady = panel.curve.length === 0;
    const xs = steady ? panel.points.map(p => p.x) : [0, ...panel.curve.map(c => c.x), ...panel.points.map(p => p.x)];
    const xRange: [number, number] = steady ? [-0.5, panel.points.length - 0.5] : [Math.min(...xs), Math.max(...xs)];
    const yRange = range([...panel.curve.map(c => c.y), ...panel.points.flatMap(p => [p.low, p.high, p.fitted])]);
    const yLabel = panel.unit.label ? `value (${panel.unit.label})` : 'value';
    const f = frame(panel.title, steady ? 'measurement' : `time (${model.timeUnit.label})`, yLabel, xRange, yRange, style,
        steady ? panel.points.map(p => ({ at: p.x, label: p.label.replace(/ at steady$/, '') })) : undefined);
    if (!steady) {
        const points = panel.curve.filter(c => Number.isFinite(c.y)).map(c => `${f.px(c.x).toFixed(2)},${f.py(c.y).toFixed(2)}`);
        f.parts.push(`<polyline data-role="fitted-curve" fill="none" stroke="${CURVE}" stroke-width="1.5" points="${points.join(' ')}"/>`);
    }
    for (const p of panel.points) {
        const x = f.px(p.x).toFixed(2);
        f.parts.push(`<g data-role="measurement" data-label="${escapeXml(p.label)}">`
            + `<line x1="${x}" x2="${x}" y1="${f.py(p.low).toFixed(2)}" y2="${f.py(p.high).toFixed(2)}" stroke="${DATA}" stroke-width="1.5"/>`
            + `<circle cx="${x}" cy="${f.py(p.value).toFixed(2)}" r="3" fill="${DATA}"><title>${escapeXml(`${p.label}: ${p.value} (fitted ${p.fitted})`)}</title></circle>`
            + (steady ? `<path d="M${f.px(p.x) - 5},${f.py(p.fitted).toFixed(2)}h10" stroke="${CURVE}" stroke-width="2"/>` : '')
            + '</g>');
    }
    return document(style, panel.title, f.parts);
}

/** The residuals in the data's order, with lines at 0 and ±2 (two standard deviations). */
export function residualSvg(model: FitViewModel, style: FitSvgStyle): string {
    const values = model.residuals.map(r => r.residual);
    const extent = Math.max(2.5, ...values.filter(Number.isFinite).map(Math.abs)) * 1.05;
    const f = frame('Residuals', 'measurement (in the data\'s order)', '(y − ŷ)/sd', [0.5, Math.max(1.5, values.length + 0.5)], [-extent, extent], style,
        values.length <= 20 ? values.map((_, i) => ({ at: i + 1, label: String(i + 1) })) : undefined);
    for (const level of [-2, 0, 2]) {
        f.parts.push(`<line x1="${f.px(0.5)}" x2="${f.px(Math.max(1.5, values.length + 0.5))}" y1="${f.py(level).toFixed(1)}" y2="${f.py(level).toFixed(1)}" stroke="${escapeXml(style.foreground)}"${level === 0 ? '' : ' stroke-dasharray="4 3"'}/>`);
    }
    model.residuals.forEach((r, i) => {
        f.parts.push(`<circle data-role="residual" data-label="${escapeXml(r.label)}" cx="${f.px(i + 1).toFixed(2)}" cy="${f.py(r.residual).toFixed(2)}" r="3" fill="${Math.abs(r.residual) > 2 ? DATA : CURVE}"><title>${escapeXml(`${r.label}: ${r.residual}`)}</title></circle>`);
    });
    return document(style, 'Residuals', f.parts);
}

/** The whole view as one SVG document (Export Plot as SVG): every panel, then the residuals, one under the other. */
export function fitViewSvg(model: FitViewModel, style: FitSvgStyle): string {
    const panels = model.steady ? [...model.panels, model.steady] : model.panels;
    const parts = [...panels.map(panel => fitPanelSvg(model, panel, style)), residualSvg(model, style)];
    const height = parts.length * style.height;
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${style.width}" height="${height}" viewBox="0 0 ${style.width} ${height}">`
        + parts.map((part, i) => part.trimEnd().replace('<svg ', `<svg y="${i * style.height}" `)).join('') + '</svg>\n';
}
