/** The state at t = 0: declared initial values, then `initial X = expr` assignments in dependency order. */
import type { InitialAssignment } from '../ir.js';
import { namesIn } from '../ir-constants.js';
import type { CompiledModel } from '../model/compiled-model.js';
import { ModelError } from '../model/errors.js';
import { setSlot } from '../model/slots.js';

/** Assignments ordered so that each comes after those whose targets it reads. */
export function orderAssignments(assignments: readonly InitialAssignment[]): InitialAssignment[] {
    const byTarget = new Map(assignments.map(a => [a.target, a]));
    const ordered: InitialAssignment[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (a: InitialAssignment, path: string[]) => {
        if (state.get(a.target) === 'done') return;
        if (state.get(a.target) === 'visiting') {
            throw new ModelError(`initial assignments depend on each other: ${[...path, a.target].join(' → ')}`, 'algebraic-loop');
        }
        state.set(a.target, 'visiting');
        for (const name of namesIn(a.expression)) {
            const dependency = byTarget.get(name);
            if (dependency && dependency !== a) visit(dependency, [...path, a.target]);
        }
        state.set(a.target, 'done');
        ordered.push(a);
    };
    assignments.forEach(a => visit(a, []));
    return ordered;
}

export function initialState(m: CompiledModel): Float64Array {
    const y = new Float64Array(m.stateNames.length);
    const assignments = orderAssignments(m.ir.initialAssignments);
    const stateIndex = (name: string) => m.stateNames.indexOf(name);
    // Parameters and volumes first, so the declared initial values can read them.
    for (const a of assignments.filter(a => stateIndex(a.target) < 0)) {
        const kind = m.ir.compartments.some(c => c.name === a.target) ? 'volume' : 'value';
        const v = m.evaluate(a.expression, 0, y);
        m.properties({ target: a.target, property: kind }).forEach(p => setSlot(p.slot, m.slots, y, v));
    }
    m.initialValues(new Float64Array(y.length), y);
    for (const a of assignments.filter(a => stateIndex(a.target) >= 0)) y[stateIndex(a.target)] = m.evaluate(a.expression, 0, y);
    return y;
}
