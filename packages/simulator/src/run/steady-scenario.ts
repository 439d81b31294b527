/** `cascade steady`: a scenario's steady state, reported for its observables (every species by default). */
import { stabilityAt, type StabilityReport } from '../analysis/stability.js';
import type { DisplayUnit, ModelIR } from '../ir.js';
import type { CompiledModel } from '../model/compiled-model.js';
import type { RunWarning } from './negative-concentrations.js';
import { defaultObservables, observer } from './observables.js';
import type { RunOptions } from './run-options.js';
import { compiled, findScenario, scenarioSteadyState } from './simulate.js';

/** One quantity at a steady state, in base units (`unit`); `display`: the unit its author wrote, to show it in. */
export interface SteadyValue {
    name: string;
    unit: string;
    display?: DisplayUnit;
    value: number;
}

export interface SteadyStateReport {
    model: string;
    scenario: string;
    converged: boolean;
    /** Empty when there is no steady state. */
    values: SteadyValue[];
    method: 'newton' | 'integration';
    iterations: number;
    /** Why there is no steady state. */
    reason?: string;
    /** The steady state's eigenvalues and what they say (docs/analysis.md); absent without one. */
    stability?: StabilityReport;
    /** Concentrations below zero in the scenario's run or at the steady state. */
    warnings: RunWarning[];
}


export function steadyStateOfScenario(model: ModelIR | CompiledModel, scenarioName?: string, options: RunOptions = {}): SteadyStateReport {
    const m = compiled(model);
    const scenario = findScenario(m.ir, scenarioName);
    const steady = scenarioSteadyState(m, scenario, options);
    const observables = defaultObservables(m.ir, scenario.observe);
    const values = steady.converged ? [...observer(m, observables)(steady.time, steady.state)] : [];
    return {
        model: m.ir.name, scenario: scenario.name, converged: steady.converged,
        values: values.map((value, k) => ({ name: observables[k].name, unit: observables[k].unit, value })),
        method: steady.method, iterations: steady.iterations, reason: steady.reason, warnings: steady.warnings,
        ...(steady.converged ? { stability: stabilityAt(m, steady.state, steady.time) } : {})
    };
}
