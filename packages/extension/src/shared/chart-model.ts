/**
 * What the time-course charts show, independent of how they are drawn (uPlot on screen, SVG
 * on export): one time axis in a readable unit and panels that each share one y axis.
 * One scenario: a panel per dimension and display unit (concentrations in nM apart from
 * those in µM, fractions such as occupancy, the E/I balance), a colour per line. A series
 * shows in its author's unit (`initial 80 pg/mL` plots in pg/mL), else in a readable prefix. Several
 * scenarios (compare): small multiples, a panel per quantity and a colour per scenario.
 */
import type { ScenarioRunResult, Series } from '@neurocascade/language/protocol';
import { displayUnitFor, largestMagnitude, unitLabel, type DisplayUnit } from './display-units.js';

export interface TimeUnit {
    label: 'min' | 'h' | 'd';
    /** Minutes per unit. */
    minutes: number;
}

export interface ChartLine {
    /** Unique within the chart: `scenario/quantity`. */
    key: string;
    quantity: string;
    scenario: string;
    /** The legend entry that shows and hides it. */
    legend: string;
    /** Palette index: one per line, or one per scenario when comparing. */
    colour: number;
    /** Aligned with `ChartModel.times`, in base units; null where this scenario has no sample. */
    values: (number | null)[];
}

export interface ChartPanel {
    key: string;
    title: string;
    /** The y axis' unit (every line of the panel is shown in it). */
    unit: DisplayUnit;
    lines: ChartLine[];
}

export interface LegendEntry {
    key: string;
    label: string;
    colour: number;
}

export interface ChartModel {
    timeUnit: TimeUnit;
    /** In `timeUnit`, ascending. */
    times: number[];
    panels: ChartPanel[];
    /** One entry per line, or per scenario when comparing. */
    legend: LegendEntry[];
}

/** How one panel is drawn: a log y axis, or every line divided by its first value. */
export interface PanelView {
    log: boolean;
    normalised: boolean;
}

export function timeUnitFor(maxMinutes: number): TimeUnit {
    if (maxMinutes < 180) return { label: 'min', minutes: 1 };
    if (maxMinutes < 96 * 60) return { label: 'h', minutes: 60 };
    return { label: 'd', minutes: 1440 };
}

interface Quantity { name: string; unit: string; display?: Series['display']; values: number[]; dimension?: string }

const BALANCE = 'E/I balance';

/** The series, the E/I balance (observed, or added by the server) in a panel of its own. */
function quantitiesOf(result: ScenarioRunResult): Quantity[] {
    return result.series.map(s => s.name === 'balance' ? { ...s, dimension: BALANCE } : s);
}

const DIMENSIONS: Readonly<Record<string, string>> = {
    uM: 'Concentration', 'g/L': 'Mass concentration', umol: 'Amount', 'uM/min': 'Rate', '1': 'Fraction'
};

export function timeCourseChart(results: readonly ScenarioRunResult[]): ChartModel {
    const { times, timeUnit, aligned } = alignTimes(results);
    const compare = results.length > 1;
    const panels = new Map<string, ChartPanel>();
    const legend: LegendEntry[] = compare ? results.map((r, i) => ({ key: r.scenario, label: r.title ? `${r.scenario} — ${r.title}` : r.scenario, colour: i })) : [];
    const byQuantity = new Map<string, { unit: string; display?: Series['display']; dimension: string; lines: ChartLine[] }>();
    results.forEach((result, scenarioIndex) => {
        for (const quantity of quantitiesOf(result)) {
            const line: ChartLine = {
                key: `${result.scenario}/${quantity.name}`, quantity: quantity.name, scenario: result.scenario,
                legend: compare ? result.scenario : `${result.scenario}/${quantity.name}`,
                colour: compare ? scenarioIndex : byQuantity.size, values: aligned(result, quantity.values)
            };
            const entry = byQuantity.get(quantity.name) ?? { unit: quantity.unit, display: quantity.display, dimension: quantity.dimension ?? DIMENSIONS[quantity.unit] ?? unitLabel(quantity.unit), lines: [] };
            entry.lines.push(line);
            byQuantity.set(quantity.name, entry);
        }
    });
    for (const [name, { unit: baseUnit, display, dimension, lines }] of byQuantity) {
        // The author's unit when the model has one (a base value is `scale` of it), else a readable prefix.
        const unit: DisplayUnit = displayUnitFor(baseUnit, largestMagnitude(lines.flatMap(l => l.values)), display);
        const key = compare ? name : `${dimension}/${unit.label}`;
        const panel = panels.get(key) ?? { key, title: compare ? name : dimension, unit, lines: [] };
        panel.lines.push(...lines);
        panels.set(key, panel);
        if (!compare) legend.push({ key: lines[0].legend, label: name, colour: lines[0].colour });
    }
    return { timeUnit, times, panels: [...panels.values()], legend };
}

function alignTimes(results: readonly ScenarioRunResult[]) {
    const end = Math.max(0, ...results.flatMap(r => r.time.slice(-1)));
    const timeUnit = timeUnitFor(end);
    const allTimes = [...new Set(results.flatMap(r => r.time))].sort((a, b) => a - b);
    const index = new Map(allTimes.map((t, i) => [t, i]));
    const aligned = (result: ScenarioRunResult, values: readonly number[]) => {
        const out: (number | null)[] = new Array(allTimes.length).fill(null);
        result.time.forEach((t, i) => { out[index.get(t)!] = finiteOrNull(values[i]); });
        return out;
    };
    return { timeUnit, times: allTimes.map(t => t / timeUnit.minutes), aligned };
}

/** The line as the panel draws it: in the panel's unit, or relative to its first value; none that a log axis cannot show. */
export function drawnValues(panel: ChartPanel, line: ChartLine, view: PanelView): (number | null)[] {
    const baseline = line.values.find(v => v !== null && v !== 0) ?? null;
    return line.values.map(v => {
        if (v === null) return null;
        const shown = view.normalised ? (baseline === null ? null : v / baseline) : v * panel.unit.factor;
        return shown === null || (view.log && !(shown > 0)) ? null : shown;
    });
}

/** The panel's y range for its visible lines: from 0 on a linear axis (unless normalised), padded by 5 %. */
export function panelRange(panel: ChartPanel, view: PanelView, hidden: ReadonlySet<string>): [number, number] {
    const values = panel.lines.filter(l => !hidden.has(l.legend)).flatMap(l => drawnValues(panel, l, view)).filter((v): v is number => v !== null);
    if (values.length === 0) return view.log ? [1, 10] : [0, 1];
    let low = Math.min(...values), high = Math.max(...values);
    if (view.log) {
        const [a, b] = [Math.log10(low), Math.log10(high)];
        const pad = b > a ? (b - a) * 0.05 : 0.5;
        return [10 ** (a - pad), 10 ** (b + pad)];
    }
    if (!view.normalised) low = Math.min(0, low);
    if (high === low) return [low - (Math.abs(low) * 0.05 || 1), high + (Math.abs(high) * 0.05 || 1)];
    const pad = (high - low) * 0.05;
    return [view.normalised || low < 0 ? low - pad : low, high + pad];
}

/** The y axis' label: the panel's dimension with its unit. */
export function axisLabel(panel: ChartPanel, view: PanelView): string {
    if (view.normalised) return `${panel.title} (× first value)`;
    return panel.unit.label ? `${panel.title} (${panel.unit.label})` : panel.title;
}

/**
 * Whether two charts draw the same lines on the same axes, so the newer one's values can
 * replace the older one's in place (a live re-run after an edit that changed only numbers).
 */
export function sameLayout(a: ChartModel | undefined, b: ChartModel | undefined): boolean {
    if (!a || !b) return a === b;
    const shape = (chart: ChartModel) => JSON.stringify([chart.timeUnit.label, chart.legend,
        chart.panels.map(p => [p.key, p.title, p.unit, p.lines.map(l => [l.key, l.colour])])]);
    return shape(a) === shape(b);
}

function finiteOrNull(value: number | null | undefined): number | null {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
