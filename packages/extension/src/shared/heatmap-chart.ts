/**
 * A labelled matrix drawn as a heatmap: the control-coefficient matrices (rows the fluxes or
 * species, columns the steps; diverging, symmetric about zero) and a 2-D scan (rows the first
 * varied value, columns the second; sequential). The same model gives the SVG and the CSV.
 */
import { textColourOn } from '@neurocascade/language/diagram/diagram-style';
import { escapeXml } from '@neurocascade/language/xml-text';
import { toCsv } from '@neurocascade/language/csv';
import { formatNumber } from '@neurocascade/simulator/quantity-format';
import { scaleColour, scalePosition, scaleStops, type ColourScale } from './colour-scale.js';
import { svgDocument, text, verticalText, type ChartTheme } from './svg-plot.js';

export interface HeatmapChart {
    title: string;
    rows: readonly (string | number)[];
    columns: readonly (string | number)[];
    /** values[i][j] of row i and column j; null: undefined there (drawn empty). */
    values: readonly (readonly (number | null)[])[];
    /** What the rows and the columns are (an axis label with its unit). */
    rowAxis: string;
    columnAxis: string;
    scale: ColourScale;
}

const CELL = 48;
const SCALE_BAR = 160;

/** Row and column labels of numbers in four significant digits. */
function label(value: string | number): string {
    return typeof value === 'number' ? formatNumber(value) : value;
}

/** The colour each cell is drawn in (undefined for an empty cell), for tests and the DOM. */
export function cellColour(chart: HeatmapChart, value: number | null): string | undefined {
    return value === null || !Number.isFinite(value) ? undefined : scaleColour(chart.scale, value);
}

export function heatmapSvg(chart: HeatmapChart, theme: ChartTheme): string {
    const longest = (labels: readonly (string | number)[]) => Math.max(0, ...labels.map(l => label(l).length));
    const left = 40 + 6.5 * longest(chart.rows);
    const top = 56 + 6.5 * Math.min(24, longest(chart.columns));
    const gridW = CELL * chart.columns.length, gridH = CELL * chart.rows.length;
    const parts: string[] = [text(12, 18, 'start', chart.title, 'font-weight="bold" font-size="13"')];
    parts.push(text(left + gridW / 2, 36, 'middle', chart.columnAxis));
    parts.push(verticalText(14, top + gridH / 2, chart.rowAxis));
    chart.columns.forEach((column, j) => {
        const x = left + (j + 0.5) * CELL, y = top - 6;
        parts.push(`<text x="${x}" y="${y}" text-anchor="start" transform="rotate(-60 ${x} ${y})">${escapeXml(label(column))}</text>`);
    });
    chart.rows.forEach((row, i) => {
        parts.push(text(left - 6, top + (i + 0.5) * CELL + 4, 'end', label(row)));
        chart.values[i].forEach((value, j) => {
            const fill = cellColour(chart, value);
            const x = left + j * CELL, y = top + i * CELL;
            const tip = `${label(row)} · ${label(chart.columns[j])}: ${value === null ? 'undefined' : formatNumber(value)}`;
            parts.push(`<g class="cell" data-row="${i}" data-column="${j}" data-value="${value ?? ''}"><title>${escapeXml(tip)}</title>`
                + `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" fill="${fill ?? 'none'}" stroke="${escapeXml(theme.grid)}"/>`
                + (value === null || chart.columns.length > 20 ? '' : text(x + CELL / 2, y + CELL / 2 + 4, 'middle', formatNumber(value),
                    `font-size="9" fill="${textColourOn(scalePosition(chart.scale, value))}"`))
                + '</g>');
        });
    });
    const scaleY = top + gridH + 28;
    parts.push(...scaleBar(chart.scale, left, scaleY));
    return svgDocument(Math.max(left + gridW + 24, left + SCALE_BAR + 40), scaleY + 52, theme, parts);
}

/** The colour scale under a chart: its title, the gradient and its labelled ticks. */
export function scaleBar(scale: ColourScale, x: number, y: number): string[] {
    const id = `scale-${scale.kind}`;
    const span = scale.high - scale.low || 1;
    return [
        text(x, y - 6, 'start', scale.title),
        `<defs><linearGradient id="${id}" x1="0" x2="1" y1="0" y2="0">${scaleStops(scale).map(s => `<stop offset="${s.offset}" stop-color="${s.colour}"/>`).join('')}</linearGradient></defs>`,
        `<rect class="colour-scale" x="${x}" y="${y}" width="${SCALE_BAR}" height="12" fill="url(#${id})" stroke="#94a3b8"/>`,
        ...scale.ticks.map(t => {
            const tx = x + (t.value - scale.low) / span * SCALE_BAR;
            return `<line x1="${tx.toFixed(1)}" x2="${tx.toFixed(1)}" y1="${y + 12}" y2="${y + 16}" stroke="#94a3b8"/>`
                + text(tx, y + 28, 'middle', t.label, 'class="scale-tick"');
        })
    ];
}

/** The matrix with its labels: a header of the columns, then a row per row. */
export function heatmapCsv(chart: HeatmapChart): string {
    return toCsv([[`${chart.rowAxis} \\ ${chart.columnAxis}`, ...chart.columns], ...chart.rows.map((row, i) => [row, ...chart.values[i]])]);
}
