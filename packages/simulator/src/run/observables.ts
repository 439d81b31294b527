/** Reported quantities (species, rules, R.occupancy, R.activation, M.level, balance) evaluated at sampled states. */
import type { ModelIR, Observable } from '../ir.js';
import type { CompiledModel } from '../model/compiled-model.js';
import { SimulationError } from '../model/errors.js';
import { children, type Term } from '../model/terms.js';

/** The scenario's observables, or every species when it names none (§9). */
export function defaultObservables(ir: ModelIR, observe: readonly Observable[]): readonly Observable[] {
    return observe.length > 0 ? observe
        : ir.species.map(s => ({ name: s.name, expression: { kind: 'name', name: s.name }, unit: s.unit }));
}

/**
 * Evaluates observables; a NaN or infinite value computed from the state or the time is an
 * error naming the quantity and the time. A value the model itself writes as infinite or
 * undefined (`parameter P = 1 / 0`, as SBML's INF) is reported as written.
 */
export function observer(m: CompiledModel, observables: readonly Observable[]): (t: number, y: Float64Array) => Float64Array {
    const terms = observables.map(o => m.resolve(o.expression));
    const program = m.program(terms);
    const dynamic = terms.map(term => readsStateOrTime(term, m.system.variables));
    return (t, y) => {
        const out = new Float64Array(observables.length);
        program(t, y, out);
        const bad = out.findIndex((v, k) => dynamic[k] && !Number.isFinite(v));
        if (bad >= 0) {
            throw new SimulationError(
                `${observables[bad].name} is ${out[bad]} at t = ${+t.toPrecision(6)} min (undefined there)`,
                'not-finite', t, observables[bad].name);
        }
        return out;
    };
}

/** Whether a term reads a state or the time, directly or through the intermediates (w) it uses. */
function readsStateOrTime(term: Term, variables: readonly Term[], seen = new Set<number>()): boolean {
    if (term.k === 't' || (term.k === 'ref' && term.space === 'y')) return true;
    if (term.k === 'ref' && term.space === 'w') {
        if (seen.has(term.i)) return false;
        seen.add(term.i);
        return readsStateOrTime(variables[term.i], variables, seen);
    }
    return children(term).some(child => readsStateOrTime(child, variables, seen));
}
