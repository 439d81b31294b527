/** docs/reference.md#occupancy-and-activation and #balance: receptor occupancy at fast binding equilibrium, activation, and the excitation/inhibition balance. */
import type { Expr, Receptor } from '../ir.js';
import type { EquationContext } from './context.js';
import { ModelError } from './errors.js';
import { div, minMax, ONE, pow, product, sum, ZERO, type Term } from './terms.js';

/** θ = (L/Kd)^n / (1 + (L/Kd)^n + Σ B/Ki), B an antagonist's concentration or a modulator's level. */
export function occupancy(ctx: EquationContext, r: Receptor): Term {
    // A concentration a hair below zero (solver round-off) must not make a fractional power NaN.
    const ligand = minMax('max', ctx.resolve({ kind: 'name', name: r.ligand }), ZERO);
    // Shared by numerator and denominator (and their derivatives): computed once.
    const bound = ctx.memo(r.name, ' (L/Kd)^n', () => pow(div(ligand, ctx.property(r.name, 'kd')), ctx.property(r.name, 'hill')));
    // A modulator blocks with its level (an antagonist given as a time course).
    const concentration = (name: string): Expr => ctx.declarations.get(name)?.kind === 'modulator'
        ? { kind: 'member', name, member: 'level' } : { kind: 'name', name };
    const blocked = r.antagonists.map(a =>
        div(ctx.resolve(concentration(a.antagonist)), ctx.property(r.name, 'ki', a.antagonist)));
    return div(bound, sum(ONE, bound, ...blocked));
}

/** activation = density · D · θ, D the product of the `density` effect factors. */
export function activation(ctx: EquationContext, r: Receptor): Term {
    return product([ctx.property(r.name, 'density'), ctx.effectFactor(r.name, 'density'), ctx.occupancy(r.name)]);
}

/** `balance` is defined only with both excitatory and inhibitory receptors. */
export function hasBalance(receptors: readonly Receptor[]): boolean {
    return receptors.some(r => r.effect === 'excitatory') && receptors.some(r => r.effect === 'inhibitory');
}

/** Σ activation of excitatory receptors ÷ Σ activation of inhibitory ones. */
export function balance(ctx: EquationContext, receptors: readonly Receptor[]): Term {
    if (!hasBalance(receptors)) throw new ModelError('balance needs both excitatory and inhibitory receptors', 'no-balance');
    const total = (effect: Receptor['effect']) =>
        sum(...receptors.filter(r => r.effect === effect).map(r => ctx.activation(r.name)));
    return div(total('excitatory'), total('inhibitory'));
}

