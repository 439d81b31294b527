/**
 * `simulateScenario`: a scenario run from its t = 0 actions through its events, reported at
 * the scenario's output spacing, with its expectations judged (the shape of the CLI's JSON).
 */
import type { Expectation, ModelIR, Scenario } from '../ir.js';
import { compileModel, type CompiledModel } from '../model/compiled-model.js';
import { ModelError } from '../model/errors.js';
import { startState } from './actions.js';
import { combineReadings, judge, relativeValue, type ExpectResult, type Measured } from './expects.js';
import { initialState } from './initial-state.js';
import { defaultObservables, observer } from './observables.js';
import type { RunOptions } from './run-options.js';
import { findSteadyState, type SteadyState } from './steady-state.js';
import { integrateTrajectory, type TrajectoryStats } from './trajectory.js';

export interface SimulationResult {
    model: string;
    scenario: string;
    time: number[];
    series: { name: string; unit: string; values: number[] }[];
    expects: ExpectResult[];
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

/** The steady state reached from the scenario's start (docs/reference.md#expect, `at steady`). */
export function scenarioSteadyState(m: CompiledModel, scenario: Scenario, options: RunOptions): SteadyState {
    return findSteadyState(m, startState(m, scenario.actions, initialState), options);
}

/** What a run reports to the caller at each sample time (the output grid), besides the readings. */
type SampleListener = (t: number, y: Float64Array) => void;

/**
 * Runs `scenario` once and measures `expects` in it: readings `at steady` from its steady
 * state, timed ones at their times (within the scenario's duration), each combined into its
 * expectation's value. `outputs` are extra sample times, passed to `listen`.
 */
function measureScenario(
    m: CompiledModel, scenario: Scenario, expects: readonly Expectation[], options: RunOptions,
    outputs: readonly number[], listen: SampleListener
): { measured: Measured[]; stats: TrajectoryStats } {
    const values = expects.map(e => e.readings.map(() => Number.NaN));
    const missing = expects.map((): string | undefined => undefined);
    const readings = expects.flatMap((e, i) => e.readings.map((r, k) => ({ r, i, k })));
    if (readings.some(({ r }) => r.at === 'steady')) {
        const steady = scenarioSteadyState(m, scenario, options);
        for (const { r, i, k } of readings.filter(({ r }) => r.at === 'steady')) {
            if (steady.converged) values[i][k] = m.evaluate(r.expression, steady.time, steady.state);
            else missing[i] ??= `no steady state: ${steady.reason}`;
        }
    }
    const timed = readings.filter(({ r }) => r.at !== 'steady');
    for (const { r, i } of timed) {
        if (!((r.at as number) >= 0 && (r.at as number) <= scenario.duration)) missing[i] ??= `the scenario '${scenario.name}' ends at ${scenario.duration} min`;
    }
    const samples = [...new Set([...outputs, ...timed.map(({ r }) => r.at as number).filter(t => t >= 0 && t <= scenario.duration)])].sort((a, b) => a - b);
    const y0 = startState(m, scenario.actions, initialState);
    const stats = integrateTrajectory(m, y0, scenario.duration, samples, scenario.events, options, (t, y) => {
        listen(t, y);
        for (const { r, i, k } of timed) if (r.at === t) values[i][k] = m.evaluate(r.expression, t, y);
    });
    const measured = expects.map((e, i): Measured => missing[i] !== undefined ? { missing: missing[i]! } : { value: combineReadings(e.value, values[i]) });
    return { measured, stats };
}

export function simulateScenario(model: ModelIR | CompiledModel, scenarioName?: string, options: RunOptions = {}): SimulationResult {
    const started = performance.now();
    const m = compiled(model);
    const scenario = findScenario(m.ir, scenarioName);
    const observables = defaultObservables(m.ir, scenario.observe);
    // Reference runs first: every run starts from the model's own slots, so the last one (this scenario's) is left for the caller.
    const references = new Map<string, Measured[]>();
    for (const name of new Set(scenario.expects.flatMap(e => e.relativeTo ? [e.relativeTo] : []))) {
        const relative = scenario.expects.filter(e => e.relativeTo === name);
        const { measured } = measureScenario(m, findScenario(m.ir, name), relative, options, [], () => undefined);
        references.set(name, measured);
    }
    const time = outputGrid(scenario.duration, scenario.step);
    const observe = observer(m, observables, options.reportNonFinite);
    const outputs = new Set(time);
    const values: Float64Array[] = [];
    const { measured, stats } = measureScenario(m, scenario, scenario.expects, options, time, (t, y) => {
        if (outputs.has(t)) values.push(observe(t, y));
    });
    const expects = scenario.expects.map((e, i) => {
        const reference = e.relativeTo ? references.get(e.relativeTo)![scenario.expects.filter(x => x.relativeTo === e.relativeTo).indexOf(e)] : undefined;
        return judge(e, relativeValue(e, measured[i], reference));
    });
    return {
        model: m.ir.name, scenario: scenario.name, time,
        series: observables.map((o, k) => ({ name: o.name, unit: o.unit, values: values.map(v => v[k]) })),
        expects,
        stats: { ...stats, wallMs: performance.now() - started }
    };
}
