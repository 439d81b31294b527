/**
 * The time-course chart as a standalone SVG document (Export Plot as SVG): axes with
 * ticks, one polyline per visible line, a legend. Every model-provided name is escaped.
 */
import { DASHES, unitLabel, type ChartModel } from './chart-model.js';
import { escapeXml } from '@neurocascade/language/xml-text';

export interface SvgStyle {
    width: number;
    height: number;
    palette: readonly string[];
    foreground: string;
    background: string;
    grid: string;
    font: string;
    logScale: boolean;
    hidden: ReadonlySet<string>;
}

const MARGIN = { left: 70, right: 20, top: 20, bottom: 50 };
const LEGEND_ROW = 18;

export function chartSvg(chart: ChartModel, style: SvgStyle): string {
    const visible = chart.lines.filter(l => !style.hidden.has(l.key));
    const legendHeight = LEGEND_ROW * visible.length + 10;
    const plotW = style.width - MARGIN.left - MARGIN.right;
    const plotH = style.height - MARGIN.top - MARGIN.bottom;
    const xs = chart.times;
    const xMin = xs[0] ?? 0, xMax = xs[xs.length - 1] ?? 1;
    const ys = visible.flatMap(l => l.values.filter((v): v is number => v !== null && (!style.logScale || v > 0)));
    const [yMin, yMax] = yDomain(ys, style.logScale);
    const fy = (v: number) => style.logScale ? Math.log10(v) : v;
    const px = (x: number) => MARGIN.left + (xMax === xMin ? 0 : (x - xMin) / (xMax - xMin)) * plotW;
    const py = (y: number) => MARGIN.top + plotH - (fy(y) - fy(yMin)) / (fy(yMax) - fy(yMin) || 1) * plotH;
    const text = (x: number, y: number, anchor: string, content: string) =>
        `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="${anchor}">${escapeXml(content)}</text>`;
    const parts: string[] = [];
    for (const tick of ticks(xMin, xMax, false)) {
        parts.push(`<line x1="${px(tick).toFixed(1)}" x2="${px(tick).toFixed(1)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="${escapeXml(style.grid)}"/>`);
        parts.push(text(px(tick), MARGIN.top + plotH + 16, 'middle', formatTick(tick)));
    }
    for (const tick of ticks(yMin, yMax, style.logScale)) {
        parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${py(tick).toFixed(1)}" y2="${py(tick).toFixed(1)}" stroke="${escapeXml(style.grid)}"/>`);
        parts.push(text(MARGIN.left - 6, py(tick) + 4, 'end', formatTick(tick)));
    }
    parts.push(text(MARGIN.left + plotW / 2, style.height - 12, 'middle', `time (${chart.timeUnit.label})`));
    visible.forEach((line, row) => {
        const colour = escapeXml(style.palette[line.colour % style.palette.length]);
        const dash = DASHES[line.dash % DASHES.length];
        const points = line.values.flatMap((v, i) => v === null || (style.logScale && v <= 0) ? [] : [`${px(xs[i]).toFixed(2)},${py(v).toFixed(2)}`]);
        parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="1.5"${dash.length ? ` stroke-dasharray="${dash.join(' ')}"` : ''} points="${points.join(' ')}"/>`);
        const y = style.height + row * LEGEND_ROW + 14;
        parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + 24}" y1="${y - 4}" y2="${y - 4}" stroke="${colour}" stroke-width="2"${dash.length ? ` stroke-dasharray="${dash.join(' ')}"` : ''}/>`);
        const unit = unitLabel(line.unit);
        parts.push(text(MARGIN.left + 30, y, 'start', unit ? `${line.label} (${unit})` : line.label));
    });
    const height = style.height + legendHeight;
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${style.width}" height="${height}" viewBox="0 0 ${style.width} ${height}" font-family="${escapeXml(style.font)}" font-size="11" fill="${escapeXml(style.foreground)}">`
        + `<rect width="100%" height="100%" fill="${escapeXml(style.background)}"/>`
        + `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="${escapeXml(style.foreground)}"/>`
        + parts.join('') + '</svg>\n';
}

function yDomain(values: number[], log: boolean): [number, number] {
    if (values.length === 0) return log ? [1, 10] : [0, 1];
    let min = Math.min(...values), max = Math.max(...values);
    if (!log) min = Math.min(0, min);
    if (min === max) return log ? [min / 10, max * 10] : [min - 1, max + 1];
    return [min, max];
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

function formatTick(value: number): string {
    return Math.abs(value) >= 1e4 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(0) : String(Number(value.toPrecision(6)));
}
