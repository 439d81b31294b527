/**
 * Morris screening in the population view (docs/analysis.md, Global sensitivity): per measured
 * quantity, each varied property as a point at (μ*, σ) — μ* = mean |elementary effect| ranks
 * the factors, σ shows non-linearity or interaction — both in the quantity's display unit per
 * unit of quantile. A point's colour and marker are its parameter's, the same in every panel,
 * no pair used twice; every name is escaped.
 */
import type { MorrisResult, MorrisRunResult } from '@neurocascade/language/protocol';
import { escapeXml } from '@neurocascade/language/xml-text';
import { displayUnitFor, largestMagnitude, type DisplayUnit } from './display-units.js';
import { colourOf, PALETTE } from './palette.js';
import { formatTick, MARGIN, svgDocument, text, ticks, verticalText, type ChartTheme } from './svg-plot.js';

/** Beyond the palette's colours the markers change, so (colour, marker) is one per parameter up to 32 of them. */
export const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;
export type Marker = typeof MARKERS[number];

export interface MorrisPoint {
    parameter: string;
    /** In the panel's unit; null where no trajectory ran. */
    muStar: number | null;
    sigma: number | null;
    mu: number | null;
    colour: number;
    marker: Marker;
}

export interface MorrisPanel {
    quantity: string;
    unit: DisplayUnit;
    points: MorrisPoint[];
}

export interface MorrisChart {
    population: string;
    /** Where the effects are taken: `at steady state` or `at T min` (the last output time). */
    at: string;
    trajectories: number;
    parameters: string[];
    panels: MorrisPanel[];
}

export function markerOf(index: number): Marker {
    return MARKERS[Math.floor(index / PALETTE.length) % MARKERS.length];
}

export function morrisChart(result: MorrisResult & Pick<MorrisRunResult, 'quantities'>): MorrisChart {
    const parameters = [...new Set(result.effects.map(e => e.parameter))];
    return {
        population: result.population, trajectories: result.trajectories, parameters,
        at: result.at === 'steady' ? 'at steady state' : `at ${result.at} min`,
        panels: result.quantities.map(({ name, unit: baseUnit }) => {
            const effects = result.effects.filter(e => e.quantity === name);
            const unit = displayUnitFor(baseUnit, largestMagnitude(effects.flatMap(e => [e.muStar, e.sigma]).filter((v): v is number => v !== null)));
            const shown = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v * unit.factor);
            return {
                quantity: name, unit,
                points: effects.map(e => {
                    const index = parameters.indexOf(e.parameter);
                    return { parameter: e.parameter, muStar: shown(e.muStar), sigma: shown(e.sigma), mu: shown(e.mu), colour: index, marker: markerOf(index) };
                })
            };
        })
    };
}

/** An axis label: the statistic with the quantity's display unit (per unit of quantile, as the effects are). */
export function morrisAxisLabel(panel: MorrisPanel, statistic: 'μ*' | 'σ'): string {
    return `${statistic} of ${panel.quantity}${panel.unit.label ? ` (${panel.unit.label})` : ''}`;
}

const HEIGHT = 300;

/** Every quantity's panel one under the other; `only` draws one panel alone. */
export function morrisSvg(chart: MorrisChart, theme: ChartTheme, width: number, only?: MorrisPanel): string {
    const panels = (only ? [only] : chart.panels).map((panel, i) => `<g data-quantity="${escapeXml(panel.quantity)}" transform="translate(0,${i * HEIGHT})">${panelSvg(chart, panel, theme, width)}</g>`);
    return svgDocument(width, Math.max(1, panels.length) * HEIGHT, theme, panels);
}

function panelSvg(chart: MorrisChart, panel: MorrisPanel, theme: ChartTheme, width: number): string {
    const plotW = width - MARGIN.left - MARGIN.right, plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
    const drawn = panel.points.filter((p): p is MorrisPoint & { muStar: number; sigma: number } => p.muStar !== null && p.sigma !== null);
    // Both axes on one scale from 0 (μ* and σ are never negative), padded by 10 % for the labels, so that
    // σ/μ* reads off the plot: the dashed diagonal σ = μ* parts mostly linear effects (below) from the others.
    const limit = 1.1 * Math.max(0, ...drawn.flatMap(p => [p.muStar, p.sigma])) || 1;
    const px = (x: number) => MARGIN.left + x / limit * plotW, py = (y: number) => MARGIN.top + plotH - y / limit * plotH;
    const grid = escapeXml(theme.grid);
    const parts = [text(MARGIN.left, 16, 'start', `Morris screening of ${panel.quantity} ${chart.at}`, 'font-weight="bold" font-size="12"')];
    for (const tick of ticks(0, limit, false)) {
        parts.push(`<line x1="${px(tick).toFixed(1)}" x2="${px(tick).toFixed(1)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="${grid}"/>`);
        parts.push(text(px(tick), MARGIN.top + plotH + 16, 'middle', formatTick(tick)));
    }
    for (const tick of ticks(0, limit, false)) {
        parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${py(tick).toFixed(1)}" y2="${py(tick).toFixed(1)}" stroke="${grid}"/>`);
        parts.push(text(MARGIN.left - 6, py(tick) + 4, 'end', formatTick(tick)));
    }
    parts.push(text(MARGIN.left + plotW / 2, HEIGHT - 8, 'middle', morrisAxisLabel(panel, 'μ*'), 'class="x-label"'));
    parts.push(verticalText(16, MARGIN.top + plotH / 2, morrisAxisLabel(panel, 'σ')).replace('<text ', '<text class="y-label" '));
    parts.push(`<line class="diagonal" x1="${px(0)}" y1="${py(0)}" x2="${px(limit).toFixed(1)}" y2="${py(limit).toFixed(1)}" stroke="${grid}" stroke-dasharray="6 4"/>`);
    parts.push(text(px(limit) - 4, py(limit) + 14, 'end', 'σ = μ*', 'class="diagonal-label"'));
    for (const point of drawn) {
        const x = px(point.muStar), y = py(point.sigma);
        const title = `${point.parameter}: μ* ${formatTick(point.muStar)}, σ ${formatTick(point.sigma)}${point.mu === null ? '' : `, μ ${formatTick(point.mu)}`}`;
        parts.push(`<g class="point" data-parameter="${escapeXml(point.parameter)}" data-mu-star="${point.muStar}" data-sigma="${point.sigma}">`
            + `<title>${escapeXml(title)}</title>${markerSvg(point.marker, x, y, colourOf(point.colour))}`
            + text(x + 7, y - 6, x > MARGIN.left + plotW * 0.8 ? 'end' : 'start', point.parameter) + '</g>');
    }
    parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="${escapeXml(theme.foreground)}"/>`);
    return parts.join('');
}

function markerSvg(marker: Marker, x: number, y: number, colour: string): string {
    const r = 4.5, at = (dx: number, dy: number) => `${(x + dx).toFixed(2)},${(y + dy).toFixed(2)}`;
    switch (marker) {
        case 'circle': return `<circle class="marker" data-marker="circle" cx="${x.toFixed(2)}" cy="${y.toFixed(2)}" r="${r}" fill="${colour}"/>`;
        case 'square': return `<rect class="marker" data-marker="square" x="${(x - r).toFixed(2)}" y="${(y - r).toFixed(2)}" width="${2 * r}" height="${2 * r}" fill="${colour}"/>`;
        case 'triangle': return `<polygon class="marker" data-marker="triangle" points="${[at(0, -r - 1), at(r + 1, r), at(-r - 1, r)].join(' ')}" fill="${colour}"/>`;
        case 'diamond': return `<polygon class="marker" data-marker="diamond" points="${[at(0, -r - 1), at(r + 1, 0), at(0, r + 1), at(-r - 1, 0)].join(' ')}" fill="${colour}"/>`;
    }
}
