/** The flux v of one process (docs/reference.md#enzyme-rate-law, #transporters, #releases, #reactions), in concentration per minute of its compartment. */
import type { CarrierRoute, Inhibition, Process, RateLaw, StoichiometricTerm } from '../ir.js';
import type { EquationContext } from './context.js';
import { inhibitorKey, SUBSTRATE_INHIBITION } from './properties.js';
import { div, mul, ONE, pow, product, sub, sum, num, type Term } from './terms.js';

/** I/Ki of one inhibitor of a process. */
function load(ctx: EquationContext, p: Process, all: readonly Inhibition[], i: Inhibition): Term {
    return div(ctx.resolve({ kind: 'name', name: i.inhibitor }), ctx.property(p.name, 'ki', inhibitorKey(all, i)));
}

/** Π 1/(1 + I/Ki) over the given inhibitors. */
function dividedBy(ctx: EquationContext, p: Process, all: readonly Inhibition[], which: readonly Inhibition[]): Term {
    return product(which.map(i => div(ONE, sum(ONE, load(ctx, p, all, i)))));
}

/** 1 + Σ I/Ki over the inhibitors of one mode. */
function modeFactor(ctx: EquationContext, p: Process, all: readonly Inhibition[], mode: Inhibition['mode']): Term {
    return sum(ONE, ...all.filter(i => i.mode === mode).map(i => load(ctx, p, all, i)));
}

type SaturableLaw = Extract<RateLaw, { type: 'saturable' }>;

/**
 * Saturation s₁ of the first substrate with its inhibitors: Sⁿ / (Kmⁿ·(1 + Σc I/Ki) + Sⁿ·(1 + Σu I/Ki) + S²/Ksi),
 * which is each textbook form when only that one applies (n = 1 without `hill`); reversible, the Haldane form.
 */
function firstSaturation(ctx: EquationContext, p: Process, law: SaturableLaw, s: string): Term {
    const S = ctx.resolve({ kind: 'name', name: s });
    const km = ctx.property(p.name, 'km', s);
    const competitive = modeFactor(ctx, p, law.inhibitors, 'competitive');
    const uncompetitive = modeFactor(ctx, p, law.inhibitors, 'uncompetitive');
    if (law.reversible) {
        const P = ctx.resolve({ kind: 'name', name: law.reversible.product });
        const driving = div(sub(S, div(P, ctx.property(p.name, 'keq'))), km);
        const kp = law.reversible.kmProduct ? ctx.property(p.name, 'km_product') : km;
        const bound = sum(div(S, km), div(P, kp));
        return div(driving, sum(competitive, mul(bound, uncompetitive)));
    }
    const n = law.hill ? ctx.property(p.name, 'hill') : ONE;
    const Sn = pow(S, n);
    const terms = [mul(pow(km, n), competitive), mul(Sn, uncompetitive)];
    if (law.substrateInhibitionKi) terms.push(div(pow(S, num(2)), ctx.property(p.name, 'ki', SUBSTRATE_INHIBITION)));
    return div(Sn, sum(...terms));
}

function saturation(ctx: EquationContext, p: Process, species: string): Term {
    const S = ctx.resolve({ kind: 'name', name: species });
    return div(S, sum(ctx.property(p.name, 'km', species), S));
}

/** Π Xᵛ over stoichiometric terms. */
function massAction(ctx: EquationContext, terms: readonly StoichiometricTerm[]): Term {
    return product(terms.map(t => pow(ctx.resolve({ kind: 'name', name: t.species }), num(t.coefficient))));
}

type CarrierLaw = Extract<RateLaw, { type: 'carrier' }>;

/** The flux of line `index` of a carrier: its share of the carrier the substrates compete for. */
export function routeFlux(ctx: EquationContext, p: Process, law: CarrierLaw, index: number): Term {
    const load = (route: CarrierRoute) => {
        const S = route.reactants[0].species;
        return div(ctx.resolve({ kind: 'name', name: S }), ctx.property(p.name, 'km', S));
    };
    const occupied = sum(...law.routes.map(load));
    const route = law.routes[index];
    return product([
        ctx.property(p.name, 'vmax', route.reactants[0].species), activity(ctx, p.name), load(route),
        div(ONE, sum(modeFactor(ctx, p, law.inhibitors, 'competitive'), mul(occupied, modeFactor(ctx, p, law.inhibitors, 'uncompetitive')))),
        dividedBy(ctx, p, law.inhibitors, law.inhibitors.filter(i => i.mode === 'noncompetitive'))
    ]);
}

export function activity(ctx: EquationContext, process: string): Term {
    return mul(ctx.property(process, 'activity'), ctx.effectFactor(process, 'activity'));
}

export function flux(ctx: EquationContext, p: Process): Term {
    const A = activity(ctx, p.name);
    const law = p.law;
    switch (law.type) {
        case 'saturable': {
            const [first, ...rest] = law.substrates;
            return product([
                ctx.property(p.name, 'vmax'), A,
                ...(first ? [firstSaturation(ctx, p, law, first.species)] : []),
                ...rest.map(s => saturation(ctx, p, s.species)),
                ...law.cofactors.map(c => saturation(ctx, p, c.species)),
                dividedBy(ctx, p, law.inhibitors, law.inhibitors.filter(i => i.mode === 'noncompetitive'))
            ]);
        }
        case 'first-order':
            // A first-order law has no Km for an inhibitor to modify: each one divides the rate by (1 + I/Ki).
            return product([
                ctx.property(p.name, 'rate'), A, ctx.resolve({ kind: 'name', name: law.substrate }),
                dividedBy(ctx, p, law.inhibitors, law.inhibitors)
            ]);
        case 'expression':
            return mul(ctx.property(p.name, 'rate'), A);
        case 'mass-action':
            return mul(A, sub(mul(ctx.property(p.name, 'kf'), massAction(ctx, p.reactants)), mul(ctx.property(p.name, 'kr'), massAction(ctx, p.products))));
        case 'carrier':
            return sum(...law.routes.map((_, i) => ctx.routeFlux(p.name, i)));
    }
}
