/**
 * docs/reference.md#cascades: for each perturbation separately, run the base scenario and the perturbed
 * one (to steady state or to time T) and report every measured quantity's change and its
 * response coefficient (ΔY/Y)/(ΔP/P); at steady state also the exact local coefficient
 * (its limit for a small change). A perturbation that fails is reported with its error;
 * the others still return.
 */
import type { Action, Cascade, ModelIR, Perturbation, Scenario } from '../ir.js';
import type { CompiledModel } from '../model/compiled-model.js';
import { ModelError, SimulationError } from '../model/errors.js';
import { referencedParameters } from '../analysis/analysis-parameters.js';
import { steadySensitivities } from '../analysis/steady-sensitivities.js';
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
    /**
     * The exact response coefficient (dY/Y)/(dP/P) at the base steady state; null for a
     * cascade at a time, where Y = 0, or where the steady state is not isolated.
     */
    localCoefficient: number | null;
}

export interface PerturbationResult {
    target: string;
    property: string;
    change: string;
    /** Empty when the perturbation failed. */
    responses: CascadeResponse[];
    /** Why this perturbation has no result. */
    error?: string;
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
    /** For the base run at steady state: local[perturbation][measured quantity]. */
    local?: (number | null)[][];
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
        const measured = read(steady.time, steady.state);
        return perturbation ? measured : { ...measured, local: localCoefficients(m, cascade, steady.state, steady.time) };
    }
    let result: Measurement | undefined;
    integrateTrajectory(m, y0, cascade.at, [cascade.at], scenario.events, options, (t, y) => { result = read(t, y); });
    return result!;
}

/**
 * The exact coefficient of each measured quantity to each perturbed property; a reference
 * to several slots (every ki of a process) scales them together, so their coefficients add.
 */
function localCoefficients(m: CompiledModel, cascade: Cascade, state: Float64Array, time: number): (number | null)[][] {
    const quantities = cascade.measure.map(o => ({ name: o.name, unit: o.unit, term: m.resolve(o.expression) }));
    const groups = cascade.perturbations.map(p => referencedParameters(m, p, { state, time }));
    const none = () => groups.map(() => quantities.map(() => null));
    if (groups.every(g => g.length === 0)) return none();
    let scaled: Float64Array[];
    try {
        scaled = steadySensitivities({ model: m, state, time, quantities, parameters: groups.flat() }).scaled;
    } catch (e) {
        if (e instanceof SimulationError) return none();
        throw e;
    }
    let column = 0;
    return groups.map(g => {
        const first = column;
        column += g.length;
        return quantities.map((_, i) => {
            if (g.length === 0) return null;
            const total = scaled[i].subarray(first, first + g.length).reduce((a, c) => a + c, 0);
            return Number.isNaN(total) ? null : total;
        });
    });
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
                coefficient: y === 0 || dp === 0 || !Number.isFinite(dp) ? null : finiteOrNull(change / y / dp),
                localCoefficient: base.local?.[index][k] ?? null
            };
        })
    };
}

/** A perturbation without a result, saying why. */
export function failedPerturbation(cascade: Cascade, index: number, error: string): PerturbationResult {
    const p = cascade.perturbations[index];
    return { target: p.target, property: p.property, change: p.label, responses: [], error };
}

/** Errors of the model or the run belong to one perturbation; anything else is a fault of the program. */
export function perturbationError(e: unknown): string {
    if (e instanceof SimulationError && e.reason === 'cancelled') throw e;
    if (e instanceof SimulationError || e instanceof ModelError) return e.message;
    throw e;
}

/** The whole cascade in this thread, one perturbation after the other. */
export function runCascadeSequential(m: CompiledModel, name?: string, options: RunOptions = {}): CascadeResult {
    const cascade = findCascade(m.ir, name);
    const base = measure(m, cascade, undefined, options);
    return {
        cascade: cascade.name, at: cascade.at,
        perturbations: cascade.perturbations.map((_, i) => {
            try {
                return responses(cascade, i, base, measure(m, cascade, i, options));
            } catch (e) {
                return failedPerturbation(cascade, i, perturbationError(e));
            }
        })
    };
}
