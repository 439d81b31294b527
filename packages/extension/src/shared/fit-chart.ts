/**
 * What the fit view shows of a fit (docs/analysis.md#fitting-in-the-editor), independent of how it
 * is drawn: per scenario and measured quantity a panel with the fitted curve and the data as
 * points with ±1 sd error bars, in the unit the data were written in (else a readable prefix);
 * the steady-state measurements in one panel of their own; the residual of every measurement;
 * and the table of fitted values with their 95 % profile-likelihood intervals.
 */
import type { FitPoint, FitRunResult } from '@neurocascade/language/protocol';
import { timeUnitFor, type TimeUnit } from './chart-model.js';
import { displayUnitFor, format, largestMagnitude, unitLabel, type DisplayUnit } from './display-units.js';

/** A measurement as drawn: its value, error bar and fitted value in the panel's unit; x in the view's time unit (the index in the steady panel). */
export interface DrawnPoint {
    x: number;
    value: number;
    low: number;
    high: number;
    fitted: number;
    /** `Rise A at 2 min`, `Baseline A at steady`. */
    label: string;
}

export interface FitPanel {
    key: string;
    title: string;
    unit: DisplayUnit;
    /** The fitted model's time course, in the view's time unit and the panel's unit (none in the steady panel). */
    curve: { x: number; y: number }[];
    points: DrawnPoint[];
}

export interface EstimateRow {
    label: string;
    value: number;
    /** The 95 % profile-likelihood interval; an open side is the bound, marked `≤ bound` (low) or `≥ bound` (high). */
    interval: string;
    unit: string;
    identifiable: boolean;
    /** The value the model is written with. */
    written: number;
    atBound: boolean;
}

export interface FitViewModel {
    /** χ², AIC, BIC and the data count, in one line. */
    summary: string;
    timeUnit: TimeUnit;
    /** One per scenario and quantity measured at times, in the data's order. */
    panels: FitPanel[];
    steady?: FitPanel;
    /** Every measurement's residual, in the data's order. */
    residuals: { label: string; residual: number }[];
    estimates: EstimateRow[];
}

export function fitViewModel(result: FitRunResult): FitViewModel {
    const timed = result.points.filter(p => p.time !== 'steady');
    const timeUnit = timeUnitFor(Math.max(0, ...timed.map(p => p.time as number), ...result.curves.flatMap(c => c.times.slice(-1))));
    const groups = new Map<string, FitPoint[]>();
    for (const point of timed) groups.set(`${point.scenario}/${point.quantity}`, [...(groups.get(`${point.scenario}/${point.quantity}`) ?? []), point]);
    const panels = [...groups].map(([key, points]): FitPanel => {
        const { scenario, quantity } = points[0];
        const curve = result.curves.find(c => c.scenario === scenario);
        const values = curve?.series.find(s => s.name === quantity)?.values ?? [];
        const unit = unitOf(points, [...values, ...points.map(p => p.value + p.sd)]);
        return {
            key, title: `${scenario}: ${quantity}`, unit,
            curve: (curve?.times ?? []).map((t, i) => ({ x: t / timeUnit.minutes, y: values[i] * unit.factor })),
            points: points.map(p => drawn(p, (p.time as number) / timeUnit.minutes, unit))
        };
    });
    const atSteady = result.points.filter(p => p.time === 'steady');
    const steadyUnit = unitOf(atSteady, atSteady.map(p => p.value + p.sd));
    // The steady panel shares one axis: only measurements of one dimension fit on it, so it shows them when they share a unit.
    const steady = atSteady.length > 0 && new Set(atSteady.map(p => p.unit)).size === 1
        ? { key: 'steady', title: 'At steady state', unit: steadyUnit, curve: [], points: atSteady.map((p, i) => drawn(p, i, steadyUnit)) }
        : undefined;
    return {
        summary: `χ² ${format(result.chi2)} over ${result.dataPoints} measurement${result.dataPoints === 1 ? '' : 's'}, AIC ${format(result.aic)}, BIC ${format(result.bic)}`
            + (result.converged ? '' : ` — not converged (${result.reason})`),
        timeUnit, panels, ...(steady && { steady }),
        residuals: result.points.map(p => ({ label: labelOf(p), residual: p.residual })),
        estimates: result.estimates.map(e => ({
            label: e.label, value: e.value, unit: unitLabel(e.unit), identifiable: e.identifiable, written: e.written, atBound: e.atBound,
            interval: `[${e.closed[0] ? '' : '≤ bound '}${format(e.interval[0])}, ${e.closed[1] ? '' : '≥ bound '}${format(e.interval[1])}]`
        }))
    };
}

/** The data's own unit when they were written in one, else a readable prefix for the largest value. */
function unitOf(points: readonly FitPoint[], values: readonly number[]): DisplayUnit {
    const display = points.find(p => p.display)?.display;
    if (display) return { label: unitLabel(display.unit), factor: 1 / display.scale };
    return displayUnitFor(points[0]?.unit ?? '1', largestMagnitude(values));
}

function drawn(p: FitPoint, x: number, unit: DisplayUnit): DrawnPoint {
    const f = unit.factor;
    return { x, value: p.value * f, low: (p.value - p.sd) * f, high: (p.value + p.sd) * f, fitted: p.fitted * f, label: labelOf(p) };
}

function labelOf(p: FitPoint): string {
    return `${p.scenario} ${p.quantity} at ${p.time === 'steady' ? 'steady' : `${format(p.time)} min`}`;
}
