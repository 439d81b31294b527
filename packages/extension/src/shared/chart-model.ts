/**
 * What the time-course chart shows, independent of how it is drawn (uPlot on screen, SVG
 * on export): one aligned time axis in a readable unit and one line per scenario and
 * observed quantity, with a scale per unit.
 */
import type { ScenarioRunResult } from '@neurocascade/language/protocol';

export interface TimeUnit {
    label: 'min' | 'h' | 'd';
    /** Minutes per unit. */
    minutes: number;
}

export interface ChartLine {
    /** Unique within the chart: `scenario/quantity`. */
    key: string;
    label: string;
    quantity: string;
    scenario: string;
    unit: string;
    /** Index into the palette (one per quantity) and dash pattern (one per scenario). */
    colour: number;
    dash: number;
    /** Aligned with `ChartModel.times`; null where this scenario has no sample. */
    values: (number | null)[];
}

export interface ChartModel {
    timeUnit: TimeUnit;
    /** In `timeUnit`, ascending. */
    times: number[];
    lines: ChartLine[];
    units: string[];
}

export function timeUnitFor(maxMinutes: number): TimeUnit {
    if (maxMinutes < 180) return { label: 'min', minutes: 1 };
    if (maxMinutes < 96 * 60) return { label: 'h', minutes: 60 };
    return { label: 'd', minutes: 1440 };
}

type Pick = (result: ScenarioRunResult) => { name: string; unit: string; values: number[] }[];

const observed: Pick = result => result.series;
const balance: Pick = result => result.balance ? [{ name: 'balance', unit: '1', values: result.balance }] : [];

export function timeCourseChart(results: readonly ScenarioRunResult[]): ChartModel {
    return chartOf(results, observed);
}

/** The E/I balance of each scenario that has one. */
export function balanceChart(results: readonly ScenarioRunResult[]): ChartModel {
    return chartOf(results, balance);
}

function chartOf(results: readonly ScenarioRunResult[], pick: Pick): ChartModel {
    const end = Math.max(0, ...results.flatMap(r => r.times.slice(-1)));
    const timeUnit = timeUnitFor(end);
    const allTimes = [...new Set(results.flatMap(r => r.times))].sort((a, b) => a - b);
    const index = new Map(allTimes.map((t, i) => [t, i]));
    const quantities: string[] = [];
    const lines = results.flatMap((result, dash) => pick(result).map(series => {
        if (!quantities.includes(series.name)) quantities.push(series.name);
        const values: (number | null)[] = new Array(allTimes.length).fill(null);
        result.times.forEach((t, i) => { values[index.get(t)!] = finiteOrNull(series.values[i]); });
        return {
            key: `${result.scenario}/${series.name}`,
            label: results.length > 1 ? `${series.name} · ${result.scenario}` : series.name,
            quantity: series.name, scenario: result.scenario, unit: series.unit,
            colour: quantities.indexOf(series.name), dash, values
        };
    }));
    return {
        timeUnit,
        times: allTimes.map(t => t / timeUnit.minutes),
        lines,
        units: [...new Set(lines.map(l => l.unit))]
    };
}

/**
 * Whether two charts draw the same lines on the same axes, so the newer one's values can
 * replace the older one's in place (a live re-run after an edit that changed only numbers).
 */
export function sameLayout(a: ChartModel | undefined, b: ChartModel | undefined): boolean {
    if (!a || !b) return a === b;
    const shape = (chart: ChartModel) => JSON.stringify([chart.timeUnit.label, chart.units,
        chart.lines.map(l => [l.key, l.label, l.unit, l.colour, l.dash])]);
    return shape(a) === shape(b);
}

function finiteOrNull(value: number | null | undefined): number | null {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Dash patterns by scenario: the first solid, then dashed and dotted. */
export const DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [12, 4, 2, 4]];

export function unitLabel(unit: string): string {
    return unit === 'uM' ? 'µM' : unit === '1' ? '' : unit;
}
