/**
 * Jump conditions of the forward sensitivities sⱼ = ∂x/∂pⱼ where a run applies actions
 * (docs/analysis.md#time-course-sensitivities). An action maps the state x⁻ to
 * x⁺ = G(x⁻, p) — a dose adds a(x, p) to a species, a `set` replaces it by v(x, p), a
 * `scale` multiplies it by φ(x, p) — so sⱼ jumps to Gₓ·sⱼ + ∂G/∂pⱼ. Where the instant is
 * the root of h(x, p, t) (a `when`), it moves with p, dτ/dpⱼ = −(hₓ·sⱼ + ∂h/∂pⱼ)/(hₓ·f⁻ + ∂h/∂t),
 * and sⱼ⁺ = G(sⱼ⁻ + f⁻·dτ/dpⱼ) − f⁺·dτ/dpⱼ with f⁻, f⁺ the right-hand sides before and after.
 * An action on a property (not a state) leaves the state continuous; it is refused when it
 * changes a parameter differentiated for, or gives a property a value read from the state or
 * from such a parameter: the sensitivity equations after it would miss that dependence.
 */
import type { Action, Expr, PropertyRef } from '../ir.js';
import type { CompiledModel } from '../model/compiled-model.js';
import { ModelError, SimulationError } from '../model/errors.js';
import { INFUSION } from '../model/properties.js';
import type { AddressableProperty } from '../model/slots.js';
import type { Term } from '../model/terms.js';
import type { ActionScope } from '../run/actions.js';
import type { ActionObserver } from '../run/trajectory.js';
import type { AnalysisParameter } from './analysis-parameters.js';

/** A scalar term's value and gradients at one point, read along a sensitivity. */
class LinearForm {
    private readonly terms: Term[];
    private readonly value: (t: number, y: Float64Array, out: Float64Array) => void;
    private readonly byState: ReturnType<CompiledModel['derivatives']>;
    private readonly bySlot: ReturnType<CompiledModel['derivatives']>;
    private readonly out = new Float64Array(1);
    private readonly stateValues: Float64Array;
    private readonly slotValues: Float64Array;

    constructor(m: CompiledModel, term: Term) {
        this.terms = [term];
        this.value = m.program(this.terms);
        this.byState = m.derivatives(this.terms, 'y');
        this.bySlot = m.derivatives(this.terms, 'p');
        this.stateValues = new Float64Array(this.byState.pattern.colIndex.length);
        this.slotValues = new Float64Array(this.bySlot.pattern.colIndex.length);
    }

    /** Whether the term reads the state, or one of `slots`. */
    depends(slots: ReadonlySet<number>): boolean {
        return this.byState.pattern.colIndex.length > 0 || this.bySlot.pattern.colIndex.some(s => slots.has(s));
    }

    valueAt(t: number, x: Float64Array): number {
        this.value(t, x, this.out);
        return this.out[0];
    }

    /** Takes the gradients at (t, x); returns the value. */
    evaluate(t: number, x: Float64Array): number {
        this.byState.evaluate(t, x, this.stateValues);
        this.bySlot.evaluate(t, x, this.slotValues);
        return this.valueAt(t, x);
    }

    /** ∂/∂x·v[offset…] + ∂/∂p[slot], from the last `evaluate`. */
    along(v: Float64Array, offset: number, slot: number): number {
        let d = 0;
        const states = this.byState.pattern.colIndex, slots = this.bySlot.pattern.colIndex;
        for (let q = 0; q < states.length; q++) d += this.stateValues[q] * v[offset + states[q]];
        for (let q = 0; q < slots.length; q++) if (slots[q] === slot) d += this.slotValues[q];
        return d;
    }
}

export class SensitivityJumps implements ActionObserver {
    private readonly n: number;
    private readonly slots: Int32Array;
    private readonly wrt: ReadonlySet<number>;
    /** dτ/dpⱼ of the current instant (0 at a fixed time). */
    private readonly delay: Float64Array;
    private readonly f: Float64Array;
    private readonly forms = new Map<Expr | Term, LinearForm>();
    /** The root function of the current instant until its first action. */
    private root: Term | undefined;
    private scope: ActionScope = 'all';

    constructor(private readonly m: CompiledModel, private readonly parameters: readonly AnalysisParameter[]) {
        this.n = m.stateNames.length;
        this.slots = Int32Array.from(parameters, p => p.slot);
        this.wrt = new Set(this.slots);
        this.delay = new Float64Array(parameters.length);
        this.f = new Float64Array(this.n);
    }

    begin(root?: Term): void {
        this.delay.fill(0);
        this.root = root;
    }

    /** dτ/dp and sⱼ + f⁻·dτ/dpⱼ, once the instant's first action is about to apply (an instant without one moves nothing). */
    private moveInstant(t: number, y: Float64Array, root: Term): void {
        this.root = undefined;
        const { n, f, delay, slots } = this;
        const x = y.subarray(0, n);
        const h = this.form(root);
        h.evaluate(t, x);
        this.m.rhs(t, x, f);
        const dt = Math.sqrt(Number.EPSILON) * Math.max(1, Math.abs(t));
        const rate = h.along(f, 0, -1) + (h.valueAt(t + dt, x) - h.valueAt(t - dt, x)) / (2 * dt);
        const moves = slots.some((slot, j) => h.along(y, n * (1 + j), slot) !== 0);
        if (!moves) return;
        if (!(Math.abs(rate) > 0)) {
            throw new SimulationError(`An event condition is met tangentially at t = ${t} min: how its time moves with the parameters is undefined`, 'events', t);
        }
        slots.forEach((slot, j) => {
            delay[j] = -h.along(y, n * (1 + j), slot) / rate;
            for (let i = 0; i < n; i++) y[n * (1 + j) + i] += f[i] * delay[j];
        });
    }

    /**
     * `scope` 'states': the state part of a t = 0 action, whose property changes came before
     * the initial state and are the values the sensitivities are taken at.
     */
    action(a: Action, t: number, y: Float64Array, scope: ActionScope = 'all'): void {
        this.scope = scope;
        if (this.root !== undefined) this.moveInstant(t, y, this.root);
        switch (a.kind) {
            case 'dose': return this.stateJump(t, y, this.m.stateNames.indexOf(a.species), a.amount, (_x, change, _amount, s) => s + change);
            case 'set': return this.propertyJump(a, a, a.value, t, y, (_, change) => change);
            case 'scale': return this.propertyJump(a, a, a.factor, t, y, (x, change, factor, s) => factor * s + x * change);
            case 'inhibit': return this.propertyJump(a, { target: a.target, property: 'activity' }, a.fraction, t, y);
            case 'infuse': return this.propertyJump(a, { target: a.species, property: INFUSION }, a.rate, t, y);
        }
    }

    end(t: number, y: Float64Array): void {
        this.root = undefined;
        const { n, f, delay } = this;
        if (delay.every(d => d === 0)) return;
        this.m.rhs(t, y.subarray(0, n), f);
        delay.forEach((d, j) => {
            for (let i = 0; i < n; i++) y[n * (1 + j) + i] -= f[i] * d;
        });
    }

    private form(e: Expr | Term): LinearForm {
        let known = this.forms.get(e);
        if (!known) this.forms.set(e, known = new LinearForm(this.m, 'kind' in e ? this.m.resolve(e) : e));
        return known;
    }

    /**
     * sᵢ ← jump(xᵢ, ∂amount/∂x·s + ∂amount/∂p, amount, sᵢ) for each sensitivity, the state
     * and the gradients read before the action applies: a dose adds the change, a `set`
     * is it, a `scale` gives φ·sᵢ + xᵢ·change. A `dose` of no species is the action's own error.
     */
    private stateJump(t: number, y: Float64Array, i: number, amount: Expr,
        jump: (x: number, change: number, amount: number, s: number) => number): void {
        if (i < 0) return;
        const { n, slots } = this;
        const form = this.form(amount);
        const value = form.evaluate(t, y.subarray(0, n));
        const x = y[i];
        slots.forEach((slot, j) => {
            const at = n * (1 + j) + i;
            y[at] = jump(x, form.along(y, n * (1 + j), slot), value, y[at]);
        });
    }

    private propertyJump(action: Action, ref: PropertyRef, amount: Expr, t: number, y: Float64Array,
        stateJump?: (x: number, change: number, amount: number, s: number) => number): void {
        for (const property of this.m.properties(ref)) {
            if (property.slot.kind === 'state') {
                if (stateJump) this.stateJump(t, y, property.slot.index, amount, stateJump);
                continue;
            }
            if (this.scope === 'all') this.refuseHidden(action, property, amount, t);
        }
    }

    /** A property change the sensitivity equations after it cannot carry (see above). */
    private refuseHidden(action: Action, property: AddressableProperty, amount: Expr, t: number): void {
        const { slot } = property;
        const touched = slot.kind === 'literal' ? [slot.index] : slot.kind === 'expression' ? [slot.weight, slot.offset, ...slot.replacements.map(r => r.switch)] : [];
        const name = `${property.target}.${property.property}`;
        const parameter = this.parameters.find(p => touched.includes(p.slot));
        if (parameter) {
            throw new ModelError(`'${action.kind}' at t = ${t} min changes ${name}, which time-course sensitivities are taken with respect to: not supported (take them with respect to another property)`, 'unsupported');
        }
        const replaced = slot.kind === 'expression' && slot.replacements.some(r => r.value === amount);
        if (!replaced && this.form(amount).depends(this.wrt)) {
            throw new ModelError(`'${action.kind}' at t = ${t} min gives ${name} a value read from the state or from a parameter sensitivities are taken with respect to: not supported in time-course sensitivities`, 'unsupported');
        }
    }
}
