/**
 * The time-course charts as a standalone SVG document (Export Plot as SVG): each panel with
 * its title, ticks and labelled axes, one polyline per visible line, then the legend.
 * Every model-provided name is escaped.
 */
import { axisLabel, drawnValues, panelRange, type ChartModel, type ChartPanel, type PanelView } from './chart-model.js';
import { colourOf, dashOf } from './palette.js';
import { escapeXml } from '@neurocascade/language/xml-text';

export interface SvgStyle {
    width: number;
    /** Of each panel. */
    height: number;
    foreground: string;
    background: string;
    grid: string;
    font: string;
    /** By panel key; a panel not listed is linear and in its unit. */
    views: ReadonlyMap<string, PanelView>;
    /** Legend keys of hidden lines. */
    hidden: ReadonlySet<string>;
}

const MARGIN = { left: 80, right: 20, top: 28, bottom: 44 };
const LEGEND_ROW = 18;
const LINEAR: PanelView = { log: false, normalised: false };

export function chartSvg(chart: ChartModel, style: SvgStyle): string {
    const parts = chart.panels.map((panel, i) =>
        `<g transform="translate(0,${i * style.height})">${panelSvg(chart, panel, style)}</g>`);
    const top = chart.panels.length * style.height;
    chart.legend.filter(entry => !style.hidden.has(entry.key)).forEach((entry, row) => {
        const y = top + row * LEGEND_ROW + 14;
        const dash = dashOf(entry.colour);
        parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + 24}" y1="${y - 4}" y2="${y - 4}" stroke="${colourOf(entry.colour)}" stroke-width="2"${dashAttribute(dash)}/>`);
        parts.push(text(MARGIN.left + 30, y, 'start', entry.label));
    });
    const height = top + LEGEND_ROW * chart.legend.length + 10;
    return svgDocument(style.width, height, style, parts);
}

/** The theme's colours and font every exported chart is drawn in. */
export type ChartTheme = Pick<SvgStyle, 'foreground' | 'background' | 'grid' | 'font'>;

/** A standalone SVG document on the theme's background. */
export function svgDocument(width: number, height: number, theme: ChartTheme, parts: readonly string[]): string {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${Math.ceil(height)}" viewBox="0 0 ${width} ${Math.ceil(height)}" font-family="${escapeXml(theme.font)}" font-size="11" fill="${escapeXml(theme.foreground)}">`
        + `<rect width="100%" height="100%" fill="${escapeXml(theme.background)}"/>`
        + parts.join('') + '</svg>\n';
}

function panelSvg(chart: ChartModel, panel: ChartPanel, style: SvgStyle): string {
    const view = style.views.get(panel.key) ?? LINEAR;
    const plotW = style.width - MARGIN.left - MARGIN.right;
    const plotH = style.height - MARGIN.top - MARGIN.bottom;
    const xs = chart.times;
    const xMin = xs[0] ?? 0, xMax = xs[xs.length - 1] ?? 1;
    const [yMin, yMax] = panelRange(panel, view, style.hidden);
    const fy = (v: number) => view.log ? Math.log10(v) : v;
    const px = (x: number) => MARGIN.left + (xMax === xMin ? 0 : (x - xMin) / (xMax - xMin)) * plotW;
    const py = (y: number) => MARGIN.top + plotH - (fy(y) - fy(yMin)) / (fy(yMax) - fy(yMin) || 1) * plotH;
    const grid = escapeXml(style.grid);
    const parts: string[] = [text(MARGIN.left, 16, 'start', panel.title, 'font-weight="bold" font-size="12"')];
    for (const tick of ticks(xMin, xMax, false)) {
        parts.push(`<line x1="${px(tick).toFixed(1)}" x2="${px(tick).toFixed(1)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="${grid}"/>`);
        parts.push(text(px(tick), MARGIN.top + plotH + 16, 'middle', formatTick(tick)));
    }
    for (const tick of ticks(yMin, yMax, view.log)) {
        parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${py(tick).toFixed(1)}" y2="${py(tick).toFixed(1)}" stroke="${grid}"/>`);
        parts.push(text(MARGIN.left - 6, py(tick) + 4, 'end', formatTick(tick)));
    }
    parts.push(text(MARGIN.left + plotW / 2, style.height - 8, 'middle', `time (${chart.timeUnit.label})`));
    parts.push(verticalText(16, MARGIN.top + plotH / 2, axisLabel(panel, view)));
    for (const line of panel.lines.filter(l => !style.hidden.has(l.legend))) {
        const points = drawnValues(panel, line, view).flatMap((v, i) => v === null ? [] : [`${px(xs[i]).toFixed(2)},${py(v).toFixed(2)}`]);
        parts.push(`<polyline data-line="${escapeXml(line.key)}" fill="none" stroke="${colourOf(line.colour)}" stroke-width="1.5"${dashAttribute(dashOf(line.colour))} points="${points.join(' ')}"/>`);
    }
    parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="${escapeXml(style.foreground)}"/>`);
    return parts.join('');
}

export function text(x: number, y: number, anchor: string, content: string, extra = ''): string {
    return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="${anchor}"${extra ? ` ${extra}` : ''}>${escapeXml(content)}</text>`;
}

function dashAttribute(dash: readonly number[]): string {
    return dash.length ? ` stroke-dasharray="${dash.join(' ')}"` : '';
}

/** A y axis' label, read bottom to top, centred on (x, y). */
export function verticalText(x: number, y: number, content: string): string {
    return `<text x="${x}" y="${y.toFixed(1)}" text-anchor="middle" transform="rotate(-90 ${x} ${y.toFixed(1)})">${escapeXml(content)}</text>`;
}

/** About five round ticks within [min, max]; decades on a log scale. */
export function ticks(min: number, max: number, log: boolean): number[] {
    if (log) {
        const result: number[] = [];
        for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
            const v = 10 ** e;
            if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) result.push(v);
        }
        return result;
    }
    const span = max - min;
    if (!(span > 0)) return [min];
    const raw = span / 5;
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map(f => f * magnitude).find(s => s >= raw)!;
    const result: number[] = [];
    for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) result.push(Number(v.toPrecision(12)));
    return result;
}

export function formatTick(value: number): string {
    return Math.abs(value) >= 1e4 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(0) : String(Number(value.toPrecision(6)));
}
