/**
 * `simulateScenario`: a scenario run from its t = 0 actions through its events, reported at
 * the scenario's output spacing, with its expectations judged (the shape of the CLI's JSON).
 */
import type { Expectation, ModelIR, Scenario } from '../ir.js';
import { compileModel, type CompiledModel } from '../model/compiled-model.js';
import { ModelError } from '../model/errors.js';
import { applyAction, startState } from './actions.js';
import { judge, type ExpectResult } from './expects.js';
import { initialState } from './initial-state.js';
import { defaultObservables, observer } from './observables.js';
import type { RunOptions } from './run-options.js';
import { findSteadyState, type SteadyState } from './steady-state.js';
import { NegativeConcentrations, type RunWarning } from './negative-concentrations.js';
import { integrateTrajectory, type Trajectory } from './trajectory.js';

export interface SimulationResult {
    model: string;
    scenario: string;
    time: number[];
    series: { name: string; unit: string; values: number[] }[];
    expects: ExpectResult[];
    /** What the run did that the model should not (concentrations below zero). */
    warnings: RunWarning[];
    stats: { method: string; steps: number; rhsEvaluations: number; wallMs: number };
}

/** Without any scenario: 100 minutes, every species (the CLI's default). */
const DEFAULT_DURATION = 100;

export function compiled(model: ModelIR | CompiledModel): CompiledModel {
    return 'rhs' in model ? model : compileModel(model);
}

export function findScenario(ir: ModelIR, name?: string): Scenario {
    if (name === undefined) {
        return ir.scenarios[0] ?? {
            name: 'default', lineage: ['default'], duration: DEFAULT_DURATION, step: DEFAULT_DURATION / 200,
            observe: [], expects: [], actions: [], events: []
        };
    }
    const found = ir.scenarios.find(s => s.name === name);
    if (!found) throw new ModelError(`no scenario '${name}' (the model has: ${ir.scenarios.map(s => s.name).join(', ') || 'none'})`, 'unresolved');
    return found;
}

const MAX_OUTPUT_POINTS = 1_000_000;

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
    const judged = new Map<Expectation, ExpectResult>();
    const time = outputGrid(scenario.duration, scenario.step);
    const timedExpects = scenario.expects.flatMap(e => (e.at !== 'steady' && e.at >= 0 && e.at <= scenario.duration ? [e.at] : []));
    const samples = [...new Set([...time, ...timedExpects])].sort((a, b) => a - b);
    const observe = observer(m, observables, options.reportNonFinite);
    const outputs = new Set(time);
    const values: Float64Array[] = [];
    const y0 = startState(m, scenario.actions, initialState);
    const run = integrateTrajectory(m, y0, scenario.duration, samples, scenario.events, options, (t, y) => {
        if (outputs.has(t)) values.push(observe(t, y));
        for (const e of scenario.expects) if (e.at === t) judged.set(e, judge(e, m.evaluate(e.subject, t, y)));
    });
    let searched: ReturnType<ScenarioRun['steady']> | undefined;
    // Late actions change the slots: the search runs once.
    const steadyState = () => searched ??= steadyStateAfter(m, scenario, run, options);
    const atSteady = scenario.expects.filter(e => e.at === 'steady');
    const steady = atSteady.length > 0 ? steadyState() : undefined;
    atSteady.forEach(e => judged.set(e, steady!.converged
        ? judge(e, m.evaluate(e.subject, steady!.time, steady!.state))
        : judge(e, undefined, `no steady state: ${steady!.reason}`)));
    const expects = scenario.expects.map(e =>
        judged.get(e) ?? judge(e, undefined, `the scenario ends at ${scenario.duration} min`));
    const result: SimulationResult = {
        model: m.ir.name, scenario: scenario.name, time,
        series: observables.map((o, k) => ({ name: o.name, unit: o.unit, values: values.map(v => v[k]) })),
        expects,
        warnings: [...run.warnings, ...(steady?.warnings ?? [])],
        stats: { ...run.stats, wallMs: performance.now() - started }
    };
    return { result, steady: steadyState };
}
