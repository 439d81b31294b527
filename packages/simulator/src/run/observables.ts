/** Reported quantities (species, rules, R.occupancy, R.activation, M.level, balance) evaluated at sampled states. */
import type { ModelIR, Observable } from '../ir.js';
import type { CompiledModel } from '../model/compiled-model.js';
import { SimulationError } from '../model/errors.js';

/** The scenario's observables, or every species when it names none (docs/reference.md#observe). */
export function defaultObservables(ir: ModelIR, observe: readonly Observable[]): readonly Observable[] {
    return observe.length > 0 ? observe
        : ir.species.map(s => ({ name: s.name, expression: { kind: 'name', name: s.name }, unit: s.unit }));
}

/**
 * Evaluates observables; a NaN or infinite value is an error naming the quantity and the time,
 * unless `reportNonFinite` asks for SBML's semantics, where a model may define INF and NaN values.
 */
export function observer(m: CompiledModel, observables: readonly Observable[], reportNonFinite = false): (t: number, y: Float64Array) => Float64Array {
    const program = m.program(observables.map(o => m.resolve(o.expression)));
    return (t, y) => {
        const out = new Float64Array(observables.length);
        program(t, y, out);
        const bad = reportNonFinite ? -1 : out.findIndex(v => !Number.isFinite(v));
        if (bad >= 0) {
            throw new SimulationError(
                `${observables[bad].name} is ${out[bad]} at t = ${+t.toPrecision(6)} min (undefined there)`,
                'not-finite', t, observables[bad].name);
        }
        return out;
    };
}

