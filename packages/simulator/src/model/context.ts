import type { EffectProperty, Expr } from '../ir.js';
import type { Declaration } from './declarations.js';
import type { Term } from './terms.js';

/** What the per-concern equation builders (rate laws, receptors, effects) need from the model. */
export interface EquationContext {
    readonly declarations: ReadonlyMap<string, Declaration>;
    /** Species an `infuse` action reaches: their balances carry an infusion input. */
    readonly infused: ReadonlySet<string>;
    resolve(e: Expr): Term;
    /** A property's current value (a slot, so actions can change it). `sub`: substrate or inhibitor. */
    property(target: string, property: string, sub?: string): Term;
    /**
     * A quantity computed once per evaluation and shared by every equation that reads it, kept
     * under its owner's name and an aspect (` x^n`, `.rate`); `owner + aspect` names the intermediate.
     */
    memo(owner: string, aspect: string, define: () => Term): Term;
    effectFactor(target: string, property: EffectProperty): Term;
    occupancy(receptor: string): Term;
    activation(receptor: string): Term;
    /** A process's flux v, computed once (`E.rate`). */
    flux(process: string): Term;
    /** The flux of one `moves` line of a carrier, computed once. */
    routeFlux(process: string, index: number): Term;
}
