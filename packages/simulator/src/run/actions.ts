/** docs/reference.md#actions: `set`, `dose`, `infuse`, `inhibit`, `scale`, applied to the live slots and the state. */
import type { Action, Expr, PropertyRef } from '../ir.js';
import type { CompiledModel } from '../model/compiled-model.js';
import { ModelError } from '../model/errors.js';
import { INFUSION } from '../model/properties.js';
import { addToSlot, scaleSlot, setSlot, type PropertySlot } from '../model/slots.js';

/** Which effects of an action to apply: t = 0 actions change slots first and the state after. */
export type ActionScope = 'all' | 'slots' | 'states';

/** Evaluates `amount` once and applies `change` to every slot the reference addresses (within the scope). */
function changeProperty(
    m: CompiledModel, ref: PropertyRef, amount: Expr, t: number, y: Float64Array, scope: ActionScope,
    change: (slot: PropertySlot, v: number) => void
): void {
    const chosen = m.properties(ref).filter(p => scope === 'all' || (scope === 'states') === (p.slot.kind === 'state'));
    if (chosen.length === 0) return;
    const v = m.evaluate(amount, t, y);
    chosen.forEach(p => change(p.slot, v));
}

export function applyAction(m: CompiledModel, a: Action, t: number, y: Float64Array, scope: ActionScope = 'all'): void {
    const p = m.slots;
    switch (a.kind) {
        case 'set': return changeProperty(m, a, a.value, t, y, scope, (slot, v) => setSlot(slot, p, y, v, a.value));
        case 'scale': return changeProperty(m, a, a.factor, t, y, scope, (slot, f) => scaleSlot(slot, p, y, f));
        case 'inhibit':
            return changeProperty(m, { target: a.target, property: 'activity' }, a.fraction, t, y, scope,
                (slot, fraction) => scaleSlot(slot, p, y, 1 - fraction));
        case 'infuse':
            return changeProperty(m, { target: a.species, property: INFUSION }, a.rate, t, y, scope, (slot, rate) => addToSlot(slot, p, y, rate));
        case 'dose': {
            const i = m.stateNames.indexOf(a.species);
            if (i < 0) throw new ModelError(`'dose ${a.species}': not a species`, 'wrong-kind');
            if (scope !== 'slots') y[i] += m.evaluate(a.amount, t, y);
            return;
        }
    }
}

/**
 * Actions from t = 0 replace the model's values before the run starts: slots change first,
 * then the initial state is computed from them, then actions on the state apply to it
 * (`beforeStateAction` sees each, with the state it applies to).
 */
export function startState(
    m: CompiledModel, actions: readonly Action[], initial: (m: CompiledModel) => Float64Array,
    beforeStateAction?: (a: Action, y: Float64Array) => void
): Float64Array {
    m.reset();
    const scratch = initial(m);
    actions.forEach(a => applyAction(m, a, 0, scratch, 'slots'));
    const y = initial(m);
    actions.forEach(a => {
        beforeStateAction?.(a, y);
        applyAction(m, a, 0, y, 'states');
    });
    return y;
}
