import type { ModelIR } from '../../../src/ir.js';
import { compileModel, type CompiledModel } from '../../../src/model/compiled-model.js';

/** The state vector with the given concentrations (others 0). */
export function stateOf(m: CompiledModel, values: Record<string, number>): Float64Array {
    const y = new Float64Array(m.stateNames.length);
    for (const [name, v] of Object.entries(values)) {
        const i = m.stateNames.indexOf(name);
        if (i < 0) throw new Error(`no state ${name}`);
        y[i] = v;
    }
    return y;
}

/** dX/dt of every state at the given concentrations, by name. */
export function derivativesAt(model: ModelIR | CompiledModel, values: Record<string, number>, t = 0): Record<string, number> {
    const m = 'rhs' in model ? model : compileModel(model);
    const y = stateOf(m, values);
    const dydt = new Float64Array(y.length);
    m.rhs(t, y, dydt);
    return Object.fromEntries(m.stateNames.map((n, i) => [n, dydt[i]]));
}
