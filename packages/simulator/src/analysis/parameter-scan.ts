/**
 * Parameter scans: one or two properties set over a grid of values, measured at steady
 * state or at a time. Steady-state scans continue from the previous point's steady state
 * (natural continuation) and are swept both ways: where the upward and downward sweeps land
 * on different steady states the model is bistable there, and each end of such a range is a
 * fold (a real eigenvalue crossing zero, where the branch followed ends). A 1-D scan fits a
 * Hill curve to each measured quantity (docs/analysis.md).
 */
import type { Action, DisplayUnit, ModelIR, Observable, PropertyRef } from '../ir.js';
import type { CompiledModel } from '../model/compiled-model.js';
import { ModelError, SimulationError } from '../model/errors.js';
import { startState } from '../run/actions.js';
import { initialState } from '../run/initial-state.js';
import { observer } from '../run/observables.js';
import type { RunOptions } from '../run/run-options.js';
import { compiled, findScenario, scenarioSteadyState } from '../run/simulate.js';
import { findSteadyState } from '../run/steady-state.js';
import { integrateTrajectory } from '../run/trajectory.js';
import { propertyUnit } from './analysis-parameters.js';
import { constantStates } from './conservation.js';
import { fitHill, type HillFit } from './hill-fit.js';

export interface ScanAxis extends PropertyRef {
    values: readonly number[];
    /** The unit the axis was written in, carried to the result for presentation. */
    display?: DisplayUnit;
}

export interface ScanProblem {
    model: CompiledModel;
    name: string;
    /** The base scenario (its untimed actions apply at every point). */
    from: string;
    /** One axis (a dose–response) or two (values[i][j]: i-th of the first, j-th of the second). */
    vary: readonly ScanAxis[];
    measure: readonly Observable[];
    at: 'steady' | number;
}

export interface ScanFold {
    /** Index of the first axis' values between which the fold lies (i and i + 1); 1-D scans. */
    between: [number, number];
    /** The sweep whose branch ends there: 'up' (increasing values) or 'down'. */
    sweep: 'up' | 'down';
}

export interface ScanResult {
    scan: string;
    at: 'steady' | { value: number; unit: 'min' };
    /** Values in base units (`unit`); `display`: the unit its author wrote, to show them in. */
    vary: { name: string; property: string; unit: string; display?: DisplayUnit; values: number[] }[];
    measures: { name: string; unit: string; display?: DisplayUnit; values: (number | null)[] | (number | null)[][]; hill?: HillFit }[];
    /** Steady-state 1-D scans: where a branch ends (bistability between the two sweeps). */
    folds: ScanFold[];
    /** Points without a result, with the reason (1-D: [i]; 2-D: [i, j]). */
    errors: { at: number[]; message: string }[];
}

/** Relative difference beyond which two sweeps stand on different steady states. */
const DIFFERENT_BRANCH = 1e-4;

/** `count` values from `from` to `to`, evenly or (log) geometrically spaced. */
export function scanValues(from: number, to: number, count: number, log: boolean): number[] {
    if (!Number.isInteger(count) || count < 2) throw new ModelError(`a scan needs at least 2 steps, not ${count}`, 'range');
    if (log && !(from > 0 && to > 0)) throw new ModelError('a log scan needs values above 0', 'range');
    return Array.from({ length: count }, (_, k) => {
        const f = k / (count - 1);
        return log ? from * (to / from) ** f : from + f * (to - from);
    });
}

const setAction = (axis: ScanAxis, value: number): Action => ({
    kind: 'set', target: axis.target, property: axis.property, substrate: axis.substrate, value: { kind: 'number', value }
});

interface Point {
    values: number[] | undefined;
    state?: Float64Array;
    error?: string;
}

function pointError(e: unknown): string {
    if (e instanceof SimulationError && e.reason === 'cancelled') throw e;
    if (e instanceof SimulationError || e instanceof ModelError) return e.message;
    throw e;
}

export function runScan(problem: ScanProblem, options: RunOptions = {}): ScanResult {
    const { model: m, vary, measure, at } = problem;
    if (vary.length < 1 || vary.length > 2) throw new ModelError(`scan ${problem.name}: one or two 'vary' lines, not ${vary.length}`, 'range');
    const scenario = findScenario(m.ir, problem.from);
    const observe = observer(m, measure);
    const constant = constantStates(m);
    // A start value (an initial concentration) is not continued: the steady state reached depends on where it starts.
    const continued = vary.every(axis => m.properties(axis).every(p => p.slot.kind !== 'state' && p.property !== 'initial'));

    /** One point: the scenario's actions, then the set values; at steady from `previous` when given. */
    const point = (values: readonly number[], previous?: Float64Array): Point => {
        try {
            const varied = { ...scenario, actions: [...scenario.actions, ...vary.map((axis, k) => setAction(axis, values[k]))] };
            const y0 = startState(m, varied.actions, initialState);
            if (at === 'steady') {
                // Continue from the previous steady state; states that never move (fixed species) take this point's values.
                const start = previous && continued ? Float64Array.from(previous, (v, i) => (constant[i] ? y0[i] : v)) : y0;
                // As every `at steady`, the scenario runs (its events and timed actions in force), then the search;
                // a continued point of a scenario without events has nothing to run for: it searches from the previous one.
                const steady = previous && continued && varied.events.length === 0 && !m.dependsOnTime
                    ? findSteadyState(m, start, options)
                    : scenarioSteadyState(m, varied, options, start);
                if (!steady.converged) return { values: undefined, error: `no steady state: ${steady.reason}` };
                return { values: [...observe(steady.time, steady.state)], state: steady.state };
            }
            let measured: number[] | undefined;
            integrateTrajectory(m, y0, at, [at], varied.events, options, (t, y) => { measured = [...observe(t, y)]; });
            return { values: measured };
        } catch (e) {
            return { values: undefined, error: pointError(e) };
        }
    };
    /** A line of points along the last axis, continued from one to the next. */
    const line = (fixed: readonly number[], axis: readonly number[], order: number[]): Point[] => {
        const out: Point[] = new Array(axis.length);
        let previous: Float64Array | undefined;
        for (const k of order) {
            out[k] = point([...fixed, axis[k]], previous);
            previous = out[k].state ?? previous;
        }
        return out;
    };
    const last = vary[vary.length - 1].values;
    const up = last.map((_, k) => k), down = [...up].reverse();
    const errors: ScanResult['errors'] = [];
    const folds: ScanFold[] = [];
    let grid: Point[][];
    if (vary.length === 1) {
        const upward = line([], last, up);
        grid = [upward];
        if (at === 'steady') {
            const downward = line([], last, down);
            const differs = upward.map((p, k) => p.state !== undefined && downward[k].state !== undefined &&
                p.state.some((v, i) => Math.abs(v - downward[k].state![i]) > DIFFERENT_BRANCH * Math.max(Math.abs(v), Math.abs(downward[k].state![i]), 1e-9)));
            for (let k = 0; k + 1 < differs.length; k++) {
                // The upward branch ends where the bistable range ends above; the downward one where it ends below.
                if (differs[k] && !differs[k + 1]) folds.push({ between: [k, k + 1], sweep: 'up' });
                if (!differs[k] && differs[k + 1]) folds.push({ between: [k, k + 1], sweep: 'down' });
            }
        }
    } else {
        grid = vary[0].values.map(v => line([v], last, up));
    }
    grid.forEach((row, i) => row.forEach((p, j) => { if (p.error) errors.push({ at: vary.length === 1 ? [j] : [i, j], message: p.error }); }));
    m.reset();

    const unitOf = (axis: ScanAxis) => {
        const sub = m.properties(axis)[0]?.sub ?? '';
        return propertyUnit(m.ir, axis.target, axis.property, sub);
    };
    return {
        scan: problem.name,
        at: at === 'steady' ? 'steady' : { value: at, unit: 'min' },
        vary: vary.map(axis => ({ name: axis.target, property: axis.property, unit: unitOf(axis), ...(axis.display ? { display: axis.display } : {}), values: [...axis.values] })),
        measures: measure.map((o, q) => {
            const values = grid.map(row => row.map(p => p.values?.[q] ?? null));
            const quantity = { name: o.name, unit: o.unit, ...(o.display ? { display: o.display } : {}) };
            if (vary.length === 2) return { ...quantity, values };
            const hill = fitHill(vary[0].values, values[0]);
            return { ...quantity, values: values[0], ...(hill ? { hill } : {}) };
        }),
        folds, errors
    };
}

/** A model's scan by name (the first without one), run as declared. */
export function runDeclaredScan(model: ModelIR | CompiledModel, name?: string, options: RunOptions = {}): ScanResult {
    const m = compiled(model);
    const scans = m.ir.scans ?? [];
    const scan = name === undefined ? scans[0] : scans.find(s => s.name === name);
    if (!scan) throw new ModelError(name === undefined ? 'the model declares no scan' : `no scan '${name}'`, 'unresolved');
    return runScan({
        model: m, name: scan.name, from: scan.from, measure: scan.measure, at: scan.at,
        vary: scan.vary.map(v => ({ target: v.target, property: v.property, substrate: v.substrate, display: v.display, values: scanValues(v.from, v.to, v.count, v.log) }))
    }, options);
}
