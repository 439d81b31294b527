/**
 * What the population view draws (docs/analysis.md, Populations in the editor), independent of
 * how: per measured quantity a panel in its display unit with the 5, 25, 50, 75 and 95 %
 * percentiles — over time as a median line inside a 25–75 % and a 5–95 % ribbon, or, for a
 * population `at steady`, as one percentile strip — with, on request, the first members' own
 * values as thin lines (or dots on the strip); and Sobol indices as bars per parameter.
 */
import type { PopulationResult, SobolResult } from '@neurocascade/language/protocol';
import { timeUnitFor, type TimeUnit } from './chart-model.js';
import { displayUnitFor, largestMagnitude, type DisplayUnit } from './display-units.js';

export const BAND_PERCENTILES = ['5', '25', '50', '75', '95'] as const;
export type BandPercentile = typeof BAND_PERCENTILES[number];

/** Members whose own curves the view draws on request: enough to see their spread, few enough to see each. */
export const MEMBER_CURVES = 50;

export interface PopulationPanel {
    quantity: string;
    unit: DisplayUnit;
    /** Palette index. */
    colour: number;
    /** Per percentile, one value per time in the panel's unit; null where no member ran. */
    bands: Record<BandPercentile, (number | null)[]>;
    /** The drawn members' values, one list per member, one value per time in the panel's unit (empty unless asked for). */
    members: (number | null)[][];
}

export interface PopulationChart {
    population: string;
    size: number;
    /** Members that ran (the bands are over these). */
    succeeded: number;
    /** Absent for a population `at steady`: one strip per panel. */
    timeUnit?: TimeUnit;
    /** In `timeUnit`; empty at steady state. */
    times: number[];
    panels: PopulationPanel[];
    /** The member numbers whose own values are drawn (the first members that ran), when asked for. */
    members?: number[];
}

export function populationChart(result: PopulationResult): PopulationChart {
    const steady = result.time.some(t => t === 'steady');
    const minutes = result.time.filter((t): t is number => typeof t === 'number');
    const timeUnit = steady ? undefined : timeUnitFor(minutes[minutes.length - 1] ?? 0);
    return {
        population: result.population, size: result.size, succeeded: result.size - result.failed.length,
        timeUnit, times: timeUnit ? minutes.map(t => t / timeUnit.minutes) : [],
        panels: result.quantities.map((quantity, colour) => {
            const own = (result.members ?? []).map(m => m.values.map(row => row[colour]));
            const unit = displayUnitFor(quantity.unit, largestMagnitude([...BAND_PERCENTILES.flatMap(p => quantity.percentiles[p]), ...own.flat()]));
            const shown = (values: (number | null)[]) => values.map(v => (v === null || !Number.isFinite(v) ? null : v * unit.factor));
            return {
                quantity: quantity.name, unit, colour,
                bands: Object.fromEntries(BAND_PERCENTILES.map(p => [p, shown(quantity.percentiles[p])])) as PopulationPanel['bands'],
                members: own.map(shown)
            };
        }),
        ...(result.members && { members: result.members.map(m => m.member) })
    };
}

/** The y (or, for a strip, x) axis' label: the quantity with its display unit. */
export function quantityLabel(panel: PopulationPanel): string {
    return panel.unit.label ? `${panel.quantity} (${panel.unit.label})` : panel.quantity;
}

export function timeLabel(chart: PopulationChart): string {
    return chart.timeUnit ? `time (${chart.timeUnit.label})` : 'at steady state';
}

/** The panel's value range over all its percentiles and drawn members, padded by 5 %, from 0 when every value is positive. */
export function bandRange(panel: PopulationPanel): [number, number] {
    const values = [...BAND_PERCENTILES.flatMap(p => panel.bands[p]), ...panel.members.flat()].filter((v): v is number => v !== null);
    if (values.length === 0) return [0, 1];
    const low = Math.min(0, ...values), high = Math.max(...values);
    if (high === low) return [low - (Math.abs(low) * 0.05 || 1), high + (Math.abs(high) * 0.05 || 1)];
    const pad = (high - low) * 0.05;
    return [low < 0 ? low - pad : low, high + pad];
}

export interface SobolBar {
    parameter: string;
    first: number | null;
    total: number | null;
}

export interface SobolPanel {
    quantity: string;
    bars: SobolBar[];
}

export interface SobolChart {
    population: string;
    /** Where the indices are taken: the last output time (in minutes) or 'steady'. */
    at: string;
    rows: number;
    samples: number;
    /** The colour of each parameter's bars, one per parameter. */
    parameters: string[];
    panels: SobolPanel[];
}

export function sobolChart(result: SobolResult): SobolChart {
    const quantities = [...new Set(result.indices.map(i => i.quantity))];
    const parameters = [...new Set(result.indices.map(i => i.parameter))];
    return {
        population: result.population, rows: result.rows, samples: result.samples,
        at: result.at === 'steady' ? 'at steady state' : `at ${result.at} min`,
        parameters,
        panels: quantities.map(quantity => ({
            quantity,
            bars: result.indices.filter(i => i.quantity === quantity).map(({ parameter, first, total }) => ({ parameter, first, total }))
        }))
    };
}
