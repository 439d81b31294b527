/**
 * The population view as SVG, on screen and for Export Plot as SVG: a panel per quantity with
 * the 5–95 % ribbon, the 25–75 % ribbon over it and the median line (or, at steady state, a
 * strip: whiskers 5–95 %, box 25–75 %, median tick), labelled axes, and on request the first
 * members' own curves under the ribbons (or values, as dots above the strip), said so above the plot; Sobol indices as bars.
 * Every model-provided name is escaped.
 */
import { escapeXml } from '@neurocascade/language/xml-text';
import { colourOf } from './palette.js';
import { bandRange, quantityLabel, timeLabel, type BandPercentile, type PopulationChart, type PopulationPanel, type SobolChart } from './population-chart.js';
import { formatTick, MARGIN, svgDocument, text, ticks, type ChartTheme } from './svg-plot.js';

export interface PlotStyle extends ChartTheme {
    width: number;
    /** Of each panel. */
    height: number;
}

/** Opacity of the outer (5–95 %) and inner (25–75 %) ribbons. */
const OUTER = 0.18, INNER = 0.38;
const STRIP_HEIGHT = 90;
/** Members are drawn faint in the theme's text colour, apart from the quantity's coloured bands. */
const MEMBER_OPACITY = 0.3;

/** Above the plot, right-aligned: whose own values the thin lines (or dots) are. */
function membersNote(chart: PopulationChart, style: PlotStyle): string {
    const drawn = chart.members!.length;
    const what = chart.timeUnit ? 'thin lines' : 'dots';
    return text(style.width - MARGIN.right, 16, 'end', drawn === chart.succeeded
        ? `${what}: every member’s own values (${drawn})` : `${what}: the first ${drawn} of ${chart.succeeded} members’ own values`, 'class="members-note"');
}

/** Every quantity's panel, one under the other (Export Plot as SVG); `only` draws one quantity's panel alone. */
export function populationSvg(chart: PopulationChart, style: PlotStyle, only?: PopulationPanel): string {
    const height = chart.timeUnit ? style.height : STRIP_HEIGHT;
    const panels = (only ? [only] : chart.panels).map((panel, i) => `<g data-quantity="${escapeXml(panel.quantity)}" transform="translate(0,${i * height})">`
        + (chart.timeUnit ? ribbonPanel(chart, panel, style) : stripPanel(chart, panel, { ...style, height })) + '</g>');
    return svgDocument(style.width, Math.max(1, panels.length) * height, style, panels);
}

function frame(style: PlotStyle) {
    const plotW = style.width - MARGIN.left - MARGIN.right;
    const plotH = style.height - MARGIN.top - MARGIN.bottom;
    return { plotW, plotH, grid: escapeXml(style.grid) };
}

function ribbonPanel(chart: PopulationChart, panel: PopulationPanel, style: PlotStyle): string {
    const { plotW, plotH, grid } = frame(style);
    const xs = chart.times;
    const xMin = xs[0] ?? 0, xMax = xs[xs.length - 1] ?? 1;
    const [yMin, yMax] = bandRange(panel);
    const px = (x: number) => MARGIN.left + (xMax === xMin ? 0 : (x - xMin) / (xMax - xMin)) * plotW;
    const py = (y: number) => MARGIN.top + plotH - (y - yMin) / (yMax - yMin || 1) * plotH;
    const parts = [text(MARGIN.left, 16, 'start', panel.quantity, 'font-weight="bold" font-size="12"')];
    for (const tick of ticks(xMin, xMax, false)) {
        parts.push(`<line x1="${px(tick).toFixed(1)}" x2="${px(tick).toFixed(1)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="${grid}"/>`);
        parts.push(text(px(tick), MARGIN.top + plotH + 16, 'middle', formatTick(tick)));
    }
    for (const tick of ticks(yMin, yMax, false)) {
        parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${py(tick).toFixed(1)}" y2="${py(tick).toFixed(1)}" stroke="${grid}"/>`);
        parts.push(text(MARGIN.left - 6, py(tick) + 4, 'end', formatTick(tick)));
    }
    parts.push(text(MARGIN.left + plotW / 2, style.height - 8, 'middle', timeLabel(chart), 'class="x-label"'));
    const yLabelX = 16, yLabelY = MARGIN.top + plotH / 2;
    parts.push(`<text class="y-label" x="${yLabelX}" y="${yLabelY}" text-anchor="middle" transform="rotate(-90 ${yLabelX} ${yLabelY})">${escapeXml(quantityLabel(panel))}</text>`);
    const colour = colourOf(panel.colour);
    const point = (i: number, p: BandPercentile) => `${px(xs[i]).toFixed(2)},${py(panel.bands[p][i]!).toFixed(2)}`;
    const defined = xs.map((_, i) => i).filter(i => panel.bands['5'][i] !== null);
    const ribbon = (low: BandPercentile, high: BandPercentile, opacity: number) =>
        `<polygon class="ribbon" data-band="${low}-${high}" fill="${colour}" fill-opacity="${opacity}" stroke="none" points="${[...defined.map(i => point(i, high)), ...[...defined].reverse().map(i => point(i, low))].join(' ')}"/>`;
    // The members under the ribbons, which stay readable over them, and the median on top.
    if (chart.members) {
        parts.push(membersNote(chart, style), '<g class="members">', ...panel.members.map((values, m) => {
            const drawn = values.flatMap((v, i) => (v === null ? [] : [`${px(xs[i]).toFixed(2)},${py(v).toFixed(2)}`]));
            return `<polyline class="member" data-member="${chart.members![m]}" fill="none" stroke="${escapeXml(style.foreground)}" stroke-opacity="${MEMBER_OPACITY}" stroke-width="0.7" points="${drawn.join(' ')}"/>`;
        }), '</g>');
    }
    parts.push(ribbon('5', '95', OUTER), ribbon('25', '75', INNER));
    parts.push(`<polyline class="median" data-band="50" fill="none" stroke="${colour}" stroke-width="1.75" points="${defined.map(i => point(i, '50')).join(' ')}"/>`);
    parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="${escapeXml(style.foreground)}"/>`);
    return parts.join('');
}

/** One quantity at steady state: the percentiles along a horizontal value axis. */
function stripPanel(chart: PopulationChart, panel: PopulationPanel, style: PlotStyle): string {
    const plotW = style.width - MARGIN.left - MARGIN.right;
    const [vMin, vMax] = bandRange(panel);
    const px = (v: number) => MARGIN.left + (v - vMin) / (vMax - vMin || 1) * plotW;
    const y = 38, half = 10;
    const parts = [text(MARGIN.left, 16, 'start', `${panel.quantity} ${timeLabel(chart)}`, 'font-weight="bold" font-size="12"')];
    for (const tick of ticks(vMin, vMax, false)) {
        parts.push(`<line x1="${px(tick).toFixed(1)}" x2="${px(tick).toFixed(1)}" y1="${y - half - 4}" y2="${y + half + 4}" stroke="${escapeXml(style.grid)}"/>`);
        parts.push(text(px(tick), y + half + 18, 'middle', formatTick(tick)));
    }
    parts.push(text(MARGIN.left + plotW / 2, style.height - 6, 'middle', quantityLabel(panel), 'class="x-label"'));
    const at = (p: BandPercentile) => panel.bands[p][0];
    const [p5, p25, p50, p75, p95] = (['5', '25', '50', '75', '95'] as const).map(at);
    if (p5 !== null && p25 !== null && p50 !== null && p75 !== null && p95 !== null) {
        const colour = colourOf(panel.colour);
        parts.push(`<line class="ribbon" data-band="5-95" x1="${px(p5).toFixed(2)}" x2="${px(p95).toFixed(2)}" y1="${y}" y2="${y}" stroke="${colour}" stroke-width="2"/>`);
        parts.push(`<rect class="ribbon" data-band="25-75" x="${px(p25).toFixed(2)}" y="${y - half}" width="${(px(p75) - px(p25)).toFixed(2)}" height="${2 * half}" fill="${colour}" fill-opacity="${INNER}" stroke="${colour}"/>`);
        parts.push(`<line class="median" data-band="50" x1="${px(p50).toFixed(2)}" x2="${px(p50).toFixed(2)}" y1="${y - half}" y2="${y + half}" stroke="${colour}" stroke-width="2.5"/>`);
    }
    if (chart.members) {
        parts.push(membersNote(chart, style), '<g class="members">', ...panel.members.flatMap((values, m) => (values[0] === null ? [] : [
            `<circle class="member" data-member="${chart.members![m]}" cx="${px(values[0]).toFixed(2)}" cy="${y - half - 5}" r="2.5" fill="${escapeXml(style.foreground)}" fill-opacity="${MEMBER_OPACITY}"/>`
        ])), '</g>');
    }
    return parts.join('');
}

const BAR_ROW = 22;

/** Per quantity, each parameter's first-order (solid) and total (outlined) index on a 0–1 axis. */
export function sobolSvg(chart: SobolChart, style: PlotStyle): string {
    const plotW = style.width - MARGIN.left - MARGIN.right - 80;
    const left = MARGIN.left + 80;
    const px = (v: number) => left + Math.min(1, Math.max(0, v)) * plotW;
    let top = 0;
    const parts: string[] = [];
    for (const panel of chart.panels) {
        parts.push(`<g data-quantity="${escapeXml(panel.quantity)}" transform="translate(0,${top})">`);
        parts.push(text(MARGIN.left, 16, 'start', `${panel.quantity} ${chart.at}`, 'font-weight="bold" font-size="12"'));
        panel.bars.forEach((bar, row) => {
            const y = MARGIN.top + row * BAR_ROW;
            const colour = colourOf(chart.parameters.indexOf(bar.parameter));
            parts.push(text(left - 6, y + 13, 'end', bar.parameter));
            if (bar.total !== null) parts.push(`<rect class="total" x="${left}" y="${y + 2}" width="${(px(bar.total) - left).toFixed(2)}" height="${BAR_ROW - 6}" fill="none" stroke="${colour}"/>`);
            if (bar.first !== null) parts.push(`<rect class="first" x="${left}" y="${y + 5}" width="${(px(bar.first) - left).toFixed(2)}" height="${BAR_ROW - 12}" fill="${colour}"/>`);
            const label = (v: number | null) => (v === null ? '–' : v.toFixed(3));
            parts.push(text(px(Math.max(bar.first ?? 0, bar.total ?? 0)) + 4, y + 13, 'start', `S ${label(bar.first)}, ST ${label(bar.total)}`));
        });
        const axisY = MARGIN.top + panel.bars.length * BAR_ROW + 4;
        for (const tick of ticks(0, 1, false)) parts.push(text(px(tick), axisY + 12, 'middle', formatTick(tick)));
        parts.push(text(left + plotW / 2, axisY + 28, 'middle', 'Sobol index (first order solid, total outlined)', 'class="x-label"'));
        parts.push('</g>');
        top += axisY + 40;
    }
    return svgDocument(style.width, Math.max(1, top), style, parts);
}
