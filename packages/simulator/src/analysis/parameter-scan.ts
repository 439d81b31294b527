/**
 * Parameter scans: one or two properties set over a grid of values, measured at steady
 * state or at a time. Steady-state scans continue from the previous point's steady state
 * (natural continuation) and are swept both ways: where the upward and downward sweeps land
 * on different steady states the model is bistable there, and each end of such a range is a
 * fold (a real eigenvalue crossing zero, where the branch followed ends). A 1-D scan fits a
 * Hill curve to each measured quantity (docs/analysis.md). A scan is a list of independent runs
 * by index (points, continued rows or the two sweeps), so it runs on the worker pool and in shards.
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

/** One point's measured values (none where it failed, with the reason); steady-state sweeps keep the state for the fold test. */
export interface ScanPoint {
    values?: number[];
    error?: string;
    state?: number[];
}

/**
 * What one run of a scan is (docs/analysis.md#scans): a point where points are independent (at a
 * time, or a start value at steady state); a row along the last axis, continued from its first
 * point, in a 2-D steady-state scan; one of the two sweeps (upwards, downwards) of a 1-D one.
 */
export type ScanRunUnit = 'point' | 'row' | 'sweep';

export interface ScanJob {
    method: 'scan';
    scan: string;
}

/** Everything a scan's runs mean, as plain data: a shard file carries it so a merge needs no model. */
export interface ScanPlan {
    job: ScanJob;
    runs: number;
    unit: ScanRunUnit;
    at: ScanResult['at'];
    vary: ScanResult['vary'];
    measures: Omit<ScanResult['measures'][number], 'values' | 'hill'>[];
}

export interface ScanRunOutcome {
    index: number;
    points: ScanPoint[];
}

function pointError(e: unknown): string {
    if (e instanceof SimulationError && e.reason === 'cancelled') throw e;
    if (e instanceof SimulationError || e instanceof ModelError) return e.message;
    throw e;
}

/** A scan's plan and the run of one index; a run depends on the model, the scan and its index alone. */
export function scanRunner(problem: ScanProblem, options: RunOptions = {}): { plan: ScanPlan; run(index: number): ScanRunOutcome } {
    const { model: m, vary, measure, at } = problem;
    if (vary.length < 1 || vary.length > 2) throw new ModelError(`scan ${problem.name}: one or two 'vary' lines, not ${vary.length}`, 'range');
    const scenario = findScenario(m.ir, problem.from);
    const observe = observer(m, measure);
    const constant = constantStates(m);
    // A start value (an initial concentration) is not continued: the steady state reached depends on where it starts.
    const continued = at === 'steady' && vary.every(axis => m.properties(axis).every(p => p.slot.kind !== 'state' && p.property !== 'initial'));
    const first = vary[0].values, last = vary[vary.length - 1].values;

    /** One point: the scenario's actions, then the set values; at steady from `previous` when given. */
    const point = (values: readonly number[], previous?: Float64Array): { measured: ScanPoint; reached?: Float64Array } => {
        try {
            const varied = { ...scenario, actions: [...scenario.actions, ...vary.map((axis, k) => setAction(axis, values[k]))] };
            const y0 = startState(m, varied.actions, initialState);
            if (at === 'steady') {
                // Continue from the previous steady state; states that never move (fixed species) take this point's values.
                const start = previous ? Float64Array.from(previous, (v, i) => (constant[i] ? y0[i] : v)) : y0;
                // As every `at steady`, the scenario runs (its events and timed actions in force), then the search;
                // a continued point of a scenario without events has nothing to run for: it searches from the previous one.
                const steady = previous && varied.events.length === 0 && !m.dependsOnTime
                    ? findSteadyState(m, start, options)
                    : scenarioSteadyState(m, varied, options, start);
                if (!steady.converged) return { measured: { error: `no steady state: ${steady.reason}` } };
                return { measured: { values: [...observe(steady.time, steady.state)] }, reached: steady.state };
            }
            let measured: number[] | undefined;
            integrateTrajectory(m, y0, at, [at], varied.events, options, (t, y) => { measured = [...observe(t, y)]; });
            return { measured: { values: measured } };
        } catch (e) {
            return { measured: { error: pointError(e) } };
        }
    };
    /** A line of points along the last axis, continued from one to the next (the sweeps keep each state for the fold test). */
    const line = (fixed: readonly number[], order: readonly number[], keepStates: boolean): ScanPoint[] => {
        const out: ScanPoint[] = new Array(last.length);
        let previous: Float64Array | undefined;
        for (const k of order) {
            const { measured, reached } = point([...fixed, last[k]], previous);
            out[k] = keepStates && reached ? { ...measured, state: [...reached] } : measured;
            previous = reached ?? previous;
        }
        return out;
    };
    const up = last.map((_, k) => k);
    const unit: ScanRunUnit = !continued ? 'point' : vary.length === 2 ? 'row' : 'sweep';
    const plan: ScanPlan = {
        job: { method: 'scan', scan: problem.name },
        runs: unit === 'point' ? first.length * (vary.length === 2 ? last.length : 1) : unit === 'row' ? first.length : 2,
        unit,
        at: at === 'steady' ? 'steady' : { value: at, unit: 'min' },
        vary: vary.map(axis => ({
            name: axis.target, property: axis.property, unit: propertyUnit(m.ir, axis.target, axis.property, m.properties(axis)[0]?.sub ?? ''),
            ...(axis.display ? { display: axis.display } : {}), values: [...axis.values]
        })),
        measures: measure.map(o => ({ name: o.name, unit: o.unit, ...(o.display ? { display: o.display } : {}) }))
    };
    const run = (index: number): ScanRunOutcome => {
        if (unit === 'row') return { index, points: line([first[index]], up, false) };
        if (unit === 'sweep') return { index, points: line([], index === 0 ? up : [...up].reverse(), true) };
        const values = vary.length === 2 ? [first[Math.floor(index / last.length)], last[index % last.length]] : [first[index]];
        return { index, points: [point(values).measured] };
    };
    return { plan, run };
}

/** Whether two steady states differ beyond the branch tolerance in some state. */
const otherBranch = (a: readonly number[], b: readonly number[]) =>
    a.some((v, i) => Math.abs(v - b[i]) > DIFFERENT_BRANCH * Math.max(Math.abs(v), Math.abs(b[i]), 1e-9));

/** The scan's result from its runs' outcomes in index order: the same for a run in one thread, on the pool, or merged from shards. */
export function scanResult(plan: ScanPlan, outcomes: readonly ScanRunOutcome[]): ScanResult {
    if (outcomes.length !== plan.runs || outcomes.some((o, i) => o.index !== i)) throw new Error(`a scan result needs runs 0 to ${plan.runs - 1} in order`);
    const columns = plan.vary[plan.vary.length - 1].values.length;
    const grid: ScanPoint[][] = plan.unit === 'row' ? outcomes.map(o => o.points)
        : plan.unit === 'sweep' ? [outcomes[0].points]
            : plan.vary.length === 2 ? plan.vary[0].values.map((_, i) => outcomes.slice(i * columns, (i + 1) * columns).map(o => o.points[0]))
                : [outcomes.map(o => o.points[0])];
    const folds: ScanFold[] = [];
    if (plan.unit === 'sweep') {
        const [upward, downward] = outcomes.map(o => o.points);
        const differs = upward.map((p, k) => p.state !== undefined && downward[k].state !== undefined && otherBranch(p.state, downward[k].state!));
        for (let k = 0; k + 1 < differs.length; k++) {
            // The upward branch ends where the bistable range ends above; the downward one where it ends below.
            if (differs[k] && !differs[k + 1]) folds.push({ between: [k, k + 1], sweep: 'up' });
            if (!differs[k] && differs[k + 1]) folds.push({ between: [k, k + 1], sweep: 'down' });
        }
    }
    const errors: ScanResult['errors'] = [];
    grid.forEach((row, i) => row.forEach((p, j) => { if (p.error) errors.push({ at: plan.vary.length === 1 ? [j] : [i, j], message: p.error }); }));
    return {
        scan: plan.job.scan,
        at: plan.at,
        vary: plan.vary,
        measures: plan.measures.map((quantity, q) => {
            const values = grid.map(row => row.map(p => p.values?.[q] ?? null));
            if (plan.vary.length === 2) return { ...quantity, values };
            const hill = fitHill(plan.vary[0].values, values[0]);
            return { ...quantity, values: values[0], ...(hill ? { hill } : {}) };
        }),
        folds, errors
    };
}

/** Every run of the scan in this thread. */
export function runScan(problem: ScanProblem, options: RunOptions = {}): ScanResult {
    const { plan, run } = scanRunner(problem, options);
    const outcomes = Array.from({ length: plan.runs }, (_, index) => run(index));
    problem.model.reset();
    return scanResult(plan, outcomes);
}

/** A model's scan by name (the first without one), as declared. */
export function declaredScan(m: CompiledModel, name?: string): ScanProblem {
    const scans = m.ir.scans ?? [];
    const scan = name === undefined ? scans[0] : scans.find(s => s.name === name);
    if (!scan) throw new ModelError(name === undefined ? 'the model declares no scan' : `no scan '${name}'`, 'unresolved');
    return {
        model: m, name: scan.name, from: scan.from, measure: scan.measure, at: scan.at,
        vary: scan.vary.map(v => ({ target: v.target, property: v.property, substrate: v.substrate, display: v.display, values: scanValues(v.from, v.to, v.count, v.log) }))
    };
}

/** A model's scan by name (the first without one), run as declared in this thread. */
export function runDeclaredScan(model: ModelIR | CompiledModel, name?: string, options: RunOptions = {}): ScanResult {
    return runScan(declaredScan(compiled(model), name), options);
}
