/**
 * docs/reference.md#cascades: for each perturbation separately, run the base scenario and the perturbed
 * one (to steady state or to time T) and report every measured quantity's change and its
 * response coefficient (ΔY/Y)/(ΔP/P).
 */
import type { Action, Cascade, ModelIR, Perturbation, Scenario } from '../ir.js';
import type { CompiledModel } from '../model/compiled-model.js';
import { ModelError, SimulationError } from '../model/errors.js';
import { startState } from './actions.js';
import { initialState } from './initial-state.js';
import { observer } from './observables.js';
import type { RunOptions } from './run-options.js';
import { findScenario, scenarioSteadyState } from './simulate.js';
import { integrateTrajectory } from './trajectory.js';

export interface CascadeResponse {
    name: string;
    unit: string;
    base: number;
    perturbed: number;
    change: number;
    /** null where the base value is 0. */
    percent: number | null;
    coefficient: number | null;
}

export interface PerturbationResult {
    target: string;
    property: string;
    change: string;
    responses: CascadeResponse[];
}

export interface CascadeResult {
    cascade: string;
    at: 'steady' | number;
    perturbations: PerturbationResult[];
}

/** The measured quantities after one run; for the base run also each perturbed property's value. */
export interface Measurement {
    values: number[];
    properties: number[];
}

export function findCascade(ir: ModelIR, name?: string): Cascade {
    const found = name === undefined ? ir.cascades[0] : ir.cascades.find(c => c.name === name);
    if (!found) throw new ModelError(name === undefined ? 'the model declares no cascade' : `no cascade '${name}'`, 'unresolved');
    return found;
}

function asAction(p: Perturbation): Action {
    return p.change.kind === 'relative'
        ? { kind: 'scale', target: p.target, property: p.property, substrate: p.substrate, factor: { kind: 'number', value: 1 + p.change.fraction } }
        : { kind: 'set', target: p.target, property: p.property, substrate: p.substrate, value: { kind: 'number', value: p.change.value } };
}

/**
 * The scenario with the perturbation applied again after each of its events that sets the
 * perturbed property, so that a timed `set` does not undo it: the perturbation acts on the
 * value the scenario gives the property, from t = 0 or from the `set` on.
 */
function kept(scenario: Scenario, p: Perturbation): Scenario {
    const again = asAction(p);
    const setsIt = (a: Action) => a.kind === 'set' && a.target === p.target && a.property === p.property;
    return { ...scenario, events: scenario.events.map(e => e.actions.some(setsIt) ? { ...e, actions: [...e.actions, again] } : e) };
}

/**
 * Runs the cascade's scenario with perturbation number `index` (or none) and measures. The
 * property's value is read from the base run, for ΔP/P of an absolute perturbation.
 */
export function measure(m: CompiledModel, cascade: Cascade, index: number | undefined, options: RunOptions = {}): Measurement {
    const perturbation = index === undefined ? undefined : cascade.perturbations[index];
    const scenario = perturbation ? kept(findScenario(m.ir, cascade.from), perturbation) : findScenario(m.ir, cascade.from);
    const actions = perturbation ? [...scenario.actions, asAction(perturbation)] : scenario.actions;
    const y0 = startState(m, actions, initialState);
    const observe = observer(m, cascade.measure);
    const properties = perturbation ? [] : cascade.perturbations.map(p => m.properties(p)[0].value);
    const read = (t: number, y: Float64Array): Measurement => {
        const out = new Float64Array(properties.length);
        m.program(properties)(t, y, out);
        return { values: [...observe(t, y)], properties: [...out] };
    };
    if (cascade.at === 'steady') {
        const steady = scenarioSteadyState(m, scenario, options, y0);
        if (!steady.converged) {
            const what = perturbation ? `with ${perturbation.label}` : 'at base';
            throw new SimulationError(`Cascade ${cascade.name}: no steady state ${what}: ${steady.reason}`, 'no-steady-state');
        }
        return read(steady.time, steady.state);
    }
    let result: Measurement | undefined;
    integrateTrajectory(m, y0, cascade.at, [cascade.at], scenario.events, options, (t, y) => { result = read(t, y); });
    return result!;
}

/** ΔP/P of a perturbation, from the property's base value for an absolute one. */
function relativeChange(p: Perturbation, base: number): number {
    return p.change.kind === 'relative' ? p.change.fraction : (p.change.value - base) / base;
}

const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

export function responses(cascade: Cascade, index: number, base: Measurement, perturbed: Measurement): PerturbationResult {
    const p = cascade.perturbations[index];
    const dp = relativeChange(p, base.properties[index]);
    return {
        target: p.target, property: p.property, change: p.label,
        responses: cascade.measure.map((o, k) => {
            const y = base.values[k], change = perturbed.values[k] - y;
            return {
                name: o.name, unit: o.unit, base: y, perturbed: perturbed.values[k], change,
                percent: y === 0 ? null : finiteOrNull(100 * change / y),
                coefficient: y === 0 || dp === 0 || !Number.isFinite(dp) ? null : finiteOrNull(change / y / dp)
            };
        })
    };
}

/** The whole cascade in this thread, one perturbation after the other. */
export function runCascadeSequential(m: CompiledModel, name?: string, options: RunOptions = {}): CascadeResult {
    const cascade = findCascade(m.ir, name);
    const base = measure(m, cascade, undefined, options);
    return {
        cascade: cascade.name, at: cascade.at,
        perturbations: cascade.perturbations.map((_, i) => responses(cascade, i, base, measure(m, cascade, i, options)))
    };
}
