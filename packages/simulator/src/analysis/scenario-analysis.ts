/**
 * The analyses of one scenario's steady state, in the shapes the CLI prints: sensitivities
 * (`cascade sensitivity`) and control analysis (`cascade mca`).
 */
import type { ModelIR, Scenario } from '../ir.js';
import type { CompiledModel } from '../model/compiled-model.js';
import { ModelError, SimulationError } from '../model/errors.js';
import type { RunOptions } from '../run/run-options.js';
import { compiled, findScenario, scenarioSteadyState } from '../run/simulate.js';
import type { SteadyState } from '../run/steady-state.js';
import { modelParameters, namedParameters, reportedParameter, type AnalysisParameter, type ReportedParameter } from './analysis-parameters.js';
import { modelQuantities, namedQuantities } from './analysis-quantities.js';
import { conservationLaws } from './conservation.js';
import { controlAnalysis, type ControlAnalysis } from './control-analysis.js';
import { reported, steadySensitivities } from './steady-sensitivities.js';

export interface SensitivityReport {
    scenario: string;
    parameters: ReportedParameter[];
    quantities: { name: string; unit: string; value: number }[];
    /** coefficients[i][j]: the response coefficient (dYᵢ/Yᵢ)/(dpⱼ/pⱼ); null where Yᵢ = 0. */
    coefficients: (number | null)[][];
    /** unscaled[i][j] = dYᵢ/dpⱼ in base units. */
    unscaled: number[][];
}

export interface SensitivityRequest {
    scenario?: string;
    /** Quantity names (default: every species, flux, rule and observable). */
    of?: readonly string[];
    /** Parameter names, `E.vmax` or `k1` (default: every numeric property). */
    wrt?: readonly string[];
    /**
     * Time course only: whether the sensitivities enter the solver's local error test beside
     * the state (default true). False lets them follow the state's steps, fewer where the
     * sensitivities move faster than the state — wrong where the state rests while they do.
     */
    sensitivityErrorControl?: boolean;
}

/** The scenario's steady state, or an error saying why there is none. */
export function requireSteadyState(m: CompiledModel, scenarioName: string | undefined, options: RunOptions): SteadyState & { scenario: string } {
    const scenario = findScenario(m.ir, scenarioName);
    const steady = scenarioSteadyState(m, scenario, options);
    if (!steady.converged) throw new SimulationError(`Scenario ${scenario.name}: no steady state: ${steady.reason}`, 'no-steady-state');
    return { ...steady, scenario: scenario.name };
}

/**
 * The steady sensitivities take a conserved total to be the initial values' (steady-sensitivities.ts);
 * a scenario whose actions or events change a conserved species' state sets another total,
 * so a parameter that moves the initial values' total has no answer there.
 */
function refuseMovedTotals(m: CompiledModel, scenario: Scenario, parameters: readonly AnalysisParameter[]): void {
    const conserved = new Set(conservationLaws(m).flatMap(l => [...l.coefficients].flatMap(([k, c]) => (c !== 0 ? [m.stateNames[k]] : []))));
    if (conserved.size === 0) return;
    const changed = [...scenario.actions, ...scenario.events.flatMap(e => e.actions)].flatMap(a =>
        a.kind === 'dose' ? [a.species] : (a.kind === 'set' || a.kind === 'scale') && a.property === 'value' ? [a.target] : []).filter(x => conserved.has(x));
    if (changed.length === 0) return;
    const initial = m.derivatives(m.system.initialValues, 'p').pattern;
    const moving = parameters.find(p => m.stateNames.some((name, k) => conserved.has(name)
        && initial.colIndex.subarray(initial.rowStart[k], initial.rowStart[k + 1]).includes(p.slot)));
    if (moving) {
        throw new ModelError(`${moving.name}.${moving.property} moves the conserved total of ${[...conserved].join(', ')}, which scenario ${scenario.name} `
            + `also changes (${changed[0]}): its steady-state sensitivity is not supported there`, 'unsupported');
    }
}

export function scenarioSensitivities(model: ModelIR | CompiledModel, request: SensitivityRequest = {}, options: RunOptions = {}): SensitivityReport {
    const m = compiled(model);
    const steady = requireSteadyState(m, request.scenario, options);
    const scenario = findScenario(m.ir, request.scenario);
    const quantities = request.of ? namedQuantities(m, request.of) : modelQuantities(m, scenario.observe);
    const parameters = request.wrt ? namedParameters(m, request.wrt, steady) : modelParameters(m, steady);
    refuseMovedTotals(m, scenario, parameters);
    const result = steadySensitivities({ model: m, state: steady.state, time: steady.time, quantities, parameters });
    return {
        scenario: steady.scenario,
        parameters: parameters.map(reportedParameter),
        quantities: quantities.map((q, i) => ({ name: q.name, unit: q.unit, value: result.values[i] })),
        coefficients: result.scaled.map(reported),
        unscaled: result.unscaled.map(row => [...row])
    };
}

export function scenarioControlAnalysis(model: ModelIR | CompiledModel, scenarioName?: string, options: RunOptions = {}): { scenario: string } & ControlAnalysis {
    const m = compiled(model);
    const steady = requireSteadyState(m, scenarioName, options);
    return { scenario: steady.scenario, ...controlAnalysis(m, steady.state, steady.time) };
}
