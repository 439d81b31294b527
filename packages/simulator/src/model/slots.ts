/**
 * Where an addressable property lives at run time. A property written as a number is one
 * slot p[i]; one written as an expression (`vmax 2 * k_cat`, a circadian level) is
 * p[weight]·expr + p[offset], so `set` (weight 0, offset v) and `scale` (both × f) work
 * on it without recompiling. A species' concentration is the state y[i].
 *
 * A scenario's `set` whose value varies (`set L level pulse(…)`, `set p t / 1 min`) replaces the
 * expression for the rest of the run, not its value at the moment it applies: each such
 * value is compiled into the property as p[switch]·value, switched on (1) by its `set`.
 */
import type { Expr } from '../ir.js';
import { mul, ref, sum, type Term } from './terms.js';

/** A varying `set` value compiled into a property, and the slot switching it on. */
export interface Replacement {
    value: Expr;
    switch: number;
}

export type PropertySlot =
    | { kind: 'literal'; index: number }
    | { kind: 'expression'; weight: number; offset: number; replacements: Replacement[] }
    | { kind: 'state'; index: number };

export interface AddressableProperty {
    target: string;
    property: string;
    sub: string;
    slot: PropertySlot;
    /** The property's current value as a term (for the base value of a perturbation). */
    value: Term;
}

/** Sets the property to `value`, or, when `expression` is one of its replacements, to that expression from now on. */
export function setSlot(slot: PropertySlot, p: Float64Array, y: Float64Array, value: number, expression?: Expr): void {
    switch (slot.kind) {
        case 'literal': p[slot.index] = value; break;
        case 'expression': {
            const replaced = slot.replacements.some(r => r.value === expression);
            p[slot.weight] = 0;
            p[slot.offset] = replaced ? 0 : value;
            slot.replacements.forEach(r => { p[r.switch] = r.value === expression ? 1 : 0; });
            break;
        }
        case 'state': y[slot.index] = value; break;
    }
}

export function scaleSlot(slot: PropertySlot, p: Float64Array, y: Float64Array, factor: number): void {
    switch (slot.kind) {
        case 'literal': p[slot.index] *= factor; break;
        case 'expression':
            p[slot.weight] *= factor;
            p[slot.offset] *= factor;
            slot.replacements.forEach(r => { p[r.switch] *= factor; });
            break;
        case 'state': y[slot.index] *= factor; break;
    }
}

export function addToSlot(slot: PropertySlot, p: Float64Array, y: Float64Array, amount: number): void {
    switch (slot.kind) {
        case 'literal': p[slot.index] += amount; break;
        case 'expression': p[slot.offset] += amount; break;
        case 'state': y[slot.index] += amount; break;
    }
}

/** The slot values and the addressable properties of a model, as they are allocated. */
export class SlotTable {
    readonly values: number[] = [];
    readonly properties: AddressableProperty[] = [];

    private slot(value: number): number {
        return this.values.push(value) - 1;
    }

    /**
     * A property whose value is `value`: one slot for a number, weight and offset around an
     * expression, plus a switched term for each varying value a `set` may replace it with.
     */
    allocate(target: string, property: string, sub: string, value: Term, replacements: { value: Expr; term: Term }[] = []): Term {
        if (value.k === 'num' && replacements.length === 0) {
            const index = this.slot(value.v);
            this.properties.push({ target, property, sub, slot: { kind: 'literal', index }, value: ref('p', index) });
            return ref('p', index);
        }
        const weight = this.slot(1), offset = this.slot(0);
        const switched = replacements.map(r => ({ value: r.value, switch: this.slot(0), term: r.term }));
        const scaled = sum(mul(ref('p', weight), value), ref('p', offset), ...switched.map(r => mul(ref('p', r.switch), r.term)));
        const slot: PropertySlot = { kind: 'expression', weight, offset, replacements: switched.map(r => ({ value: r.value, switch: r.switch })) };
        this.properties.push({ target, property, sub, slot, value: scaled });
        return scaled;
    }

    /** A species' concentration or a state parameter's value. */
    state(target: string, index: number): void {
        this.properties.push({ target, property: 'value', sub: '', slot: { kind: 'state', index }, value: ref('y', index) });
    }
}
