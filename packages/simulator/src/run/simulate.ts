/**
 * `simulateScenario`: a scenario run from its t = 0 actions through its events, reported at
 * the scenario's output spacing, with its expectations judged (the shape of the CLI's JSON).
 */
import type { DisplayUnit, Expectation, ModelIR, Scenario } from '../ir.js';
import type { CompiledModel } from '../model/compiled-model.js';
import { compileModelCached } from '../model/compiled-model-cache.js';
import { ModelError } from '../model/errors.js';
import { applyAction, startState } from './actions.js';
import { combineReadings, judge, relativeValue, type ExpectResult, type Measured } from './expects.js';
import { initialState } from './initial-state.js';
import { defaultObservables, observer } from './observables.js';
import type { RunOptions } from './run-options.js';
import { findSteadyState, type SteadyState } from './steady-state.js';
import { NegativeConcentrations, type RunWarning } from './negative-concentrations.js';
import { resolveScenario } from './scenario-chain.js';
import { integrateTrajectory, type Trajectory } from './trajectory.js';

/** One observed quantity over time in base units (`unit`); `display`: the unit its author wrote, to show it in. */
export interface Series {
    name: string;
    unit: string;
    display?: DisplayUnit;
    values: number[];
}

export interface SimulationResult {
    model: string;
    scenario: string;
    time: number[];
    series: Series[];
    expects: ExpectResult[];
    /** What the run did that the model should not (concentrations below zero). */
    warnings: RunWarning[];
    stats: { method: string; steps: number; rhsEvaluations: number; wallMs: number };
}

/** Without any scenario: 100 minutes, every species (the CLI's default). */
const DEFAULT_DURATION = 100;

export function compiled(model: ModelIR | CompiledModel): CompiledModel {
    return 'rhs' in model ? model : compileModelCached(model);
}

export function findScenario(ir: ModelIR, name?: string): Scenario {
    if (name === undefined) {
        return ir.scenarios[0] ? resolveScenario(ir, ir.scenarios[0]) : {
            name: 'default', lineage: ['default'], duration: DEFAULT_DURATION, step: DEFAULT_DURATION / 200,
            observe: [], expects: [], actions: [], events: []
        };
    }
    const found = ir.scenarios.find(s => s.name === name);
    if (!found) throw new ModelError(`no scenario '${name}' (the model has: ${ir.scenarios.map(s => s.name).join(', ') || 'none'})`, 'unresolved');
    return resolveScenario(ir, found);
}

const MAX_OUTPUT_POINTS = 1_000_000;
/**
 * Reported values (series × points) a run may hold: 10 M doubles are a few hundred MB with their
 * arrays. 40 series × 1 M points ran for 114 s to 2.8 GB before failing.
 */
export const MAX_OUTPUT_VALUES = 10_000_000;

/** 0, step, 2·step, …, duration. */
export function outputGrid(duration: number, step: number): number[] {
    if (!(duration >= 0) || !(step > 0)) throw new ModelError(`cannot simulate ${duration} min with output step ${step} min`, 'range');
    const count = Math.round(duration / step);
    if (count > MAX_OUTPUT_POINTS) {
        throw new ModelError(`${count} output points (${duration} min every ${step} min) are too many: use a larger step`, 'range');
    }
    const times = Array.from({ length: count + 1 }, (_, k) => Math.min(k * step, duration));
    if (times[times.length - 1] < duration * (1 - 1e-12)) times.push(duration);
    times[times.length - 1] = duration;
    return times;
}

/**
 * docs/reference.md#steady-state, `at steady` after a run of the scenario: the steady state with every persistent action in
 * force — those of the run are in the slots; `set`, `inhibit` and `scale` timed after its end
 * are applied too (a `dose` does not move a steady state) — searched from the run's end state,
 * so a multistable model stays on the branch the run reached.
 */
export function steadyStateAfter(m: CompiledModel, scenario: Scenario, run: Trajectory, options: RunOptions): SteadyState & { warnings: RunWarning[] } {
    const y = Float64Array.from(run.state);
    const late = scenario.events.flatMap(e => e.trigger.kind === 'at' && e.trigger.time > scenario.duration ? e.actions : []);
    late.filter(a => a.kind !== 'dose').forEach(a => applyAction(m, a, run.time, y));
    const steady = findSteadyState(m, y, options, run.time);
    const negatives = new NegativeConcentrations(m, options.atol);
    if (steady.converged) negatives.check('steady', steady.state);
    return { ...steady, warnings: negatives.warnings };
}

/**
 * `at steady` (docs/reference.md#steady-state): runs the scenario (from `y0`, its own start unless given) and searches from its
 * end; the warnings are the run's and the steady state's.
 */
export function scenarioSteadyState(
    m: CompiledModel, scenario: Scenario, options: RunOptions, y0 = startState(m, scenario.actions, initialState)
): SteadyState & { warnings: RunWarning[] } {
    const run = integrateTrajectory(m, y0, scenario.duration, [], scenario.events, options, () => undefined);
    const steady = steadyStateAfter(m, scenario, run, options);
    return { ...steady, warnings: [...run.warnings, ...steady.warnings] };
}

/** What a run reports to the caller at each sample time (the output grid), besides the readings. */
type SampleListener = (t: number, y: Float64Array) => void;

/** A scenario's run with its expectations measured, and its steady state, searched once from the run's end when first asked for. */
interface MeasuredRun {
    measured: Measured[];
    run: Trajectory;
    steady(): SteadyState & { warnings: RunWarning[] };
    /** Whether the expectations read the steady state (so it was searched). */
    readsSteady: boolean;
}

/**
 * Runs `scenario` once and measures `expects` in it: readings `at steady` from the steady
 * state after the run, timed ones at their times (within the scenario's duration), each
 * combined into its expectation's value. `outputs` are extra sample times, passed to `listen`.
 */
function measureScenario(
    m: CompiledModel, scenario: Scenario, expects: readonly Expectation[], options: RunOptions,
    outputs: readonly number[], listen: SampleListener
): MeasuredRun {
    const values = expects.map(e => e.readings.map(() => Number.NaN));
    const missing = expects.map((): string | undefined => undefined);
    const readings = expects.flatMap((e, i) => e.readings.map((r, k) => ({ r, i, k })));
    const timed = readings.filter(({ r }) => r.at !== 'steady');
    for (const { r, i } of timed) {
        if (!((r.at as number) >= 0 && (r.at as number) <= scenario.duration)) missing[i] ??= `the scenario '${scenario.name}' ends at ${scenario.duration} min`;
    }
    const samples = [...new Set([...outputs, ...timed.map(({ r }) => r.at as number).filter(t => t >= 0 && t <= scenario.duration)])].sort((a, b) => a - b);
    const y0 = startState(m, scenario.actions, initialState);
    const run = integrateTrajectory(m, y0, scenario.duration, samples, scenario.events, options, (t, y) => {
        listen(t, y);
        for (const { r, i, k } of timed) if (r.at === t) values[i][k] = m.evaluate(r.expression, t, y);
    });
    let searched: ReturnType<MeasuredRun['steady']> | undefined;
    // Late actions change the slots: the search runs once.
    const steady = () => searched ??= steadyStateAfter(m, scenario, run, options);
    const atSteady = readings.filter(({ r }) => r.at === 'steady');
    if (atSteady.length > 0) {
        const found = steady();
        for (const { r, i, k } of atSteady) {
            if (found.converged) values[i][k] = m.evaluate(r.expression, found.time, found.state);
            else missing[i] ??= `no steady state: ${found.reason}`;
        }
    }
    const measured = expects.map((e, i): Measured => missing[i] !== undefined ? { missing: missing[i]! } : { value: combineReadings(e.value, values[i]) });
    return { measured, run, steady, readsSteady: atSteady.length > 0 };
}

export function simulateScenario(model: ModelIR | CompiledModel, scenarioName?: string, options: RunOptions = {}): SimulationResult {
    return runScenario(model, scenarioName, options).result;
}

/** A scenario's run, and its steady state (`at steady`), searched once from the run's end when first asked for. */
export interface ScenarioRun {
    result: SimulationResult;
    steady(): SteadyState & { warnings: RunWarning[] };
}

export function runScenario(model: ModelIR | CompiledModel, scenarioName?: string, options: RunOptions = {}): ScenarioRun {
    const started = performance.now();
    const m = compiled(model);
    const scenario = findScenario(m.ir, scenarioName);
    const observables = defaultObservables(m.ir, scenario.observe);
    const time = outputGrid(scenario.duration, scenario.step);
    if (time.length * observables.length > MAX_OUTPUT_VALUES) {
        throw new ModelError(`${observables.length} series × ${time.length} output points are more than ${MAX_OUTPUT_VALUES.toLocaleString('en')} values: `
            + 'use a larger step or observe fewer series', 'range');
    }
    // Reference runs first: every run starts from the model's own slots, so the last one (this scenario's) is left for the caller.
    const references = new Map<string, Measured[]>();
    for (const name of new Set(scenario.expects.flatMap(e => e.relativeTo ? [e.relativeTo] : []))) {
        const relative = scenario.expects.filter(e => e.relativeTo === name);
        references.set(name, measureScenario(m, findScenario(m.ir, name), relative, options, [], () => undefined).measured);
    }
    const observe = observer(m, observables, options.reportNonFinite);
    const outputs = new Set(time);
    const values: Float64Array[] = [];
    const { measured, run, steady, readsSteady } = measureScenario(m, scenario, scenario.expects, options, time, (t, y) => {
        if (outputs.has(t)) values.push(observe(t, y));
    });
    const expects = scenario.expects.map((e, i) => {
        const reference = e.relativeTo ? references.get(e.relativeTo)![scenario.expects.filter(x => x.relativeTo === e.relativeTo).indexOf(e)] : undefined;
        return judge(e, relativeValue(e, measured[i], reference));
    });
    const result: SimulationResult = {
        model: m.ir.name, scenario: scenario.name, time,
        series: observables.map((o, k) => ({ name: o.name, unit: o.unit, values: values.map(v => v[k]) })),
        expects,
        warnings: [...run.warnings, ...(readsSteady ? steady().warnings : [])],
        stats: { ...run.stats, wallMs: performance.now() - started }
    };
    return { result, steady };
}
