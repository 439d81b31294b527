/** The flux v of one process (docs/reference.md#enzyme-rate-law, #transporters, #releases, #reactions), in concentration per minute of its compartment. */
import type { Inhibition, Process } from '../ir.js';
import type { EquationContext } from './context.js';
import { inhibitorKey, SUBSTRATE_INHIBITION } from './properties.js';
import { div, mul, ONE, pow, product, sum, num, type Term } from './terms.js';

/** I/Ki of one inhibitor of a process. */
function load(ctx: EquationContext, p: Process, all: readonly Inhibition[], i: Inhibition): Term {
    return div(ctx.resolve({ kind: 'name', name: i.inhibitor }), ctx.property(p.name, 'ki', inhibitorKey(all, i)));
}

/** 1 + Σ I/Ki over the inhibitors of one mode. */
function modeFactor(ctx: EquationContext, p: Process, all: readonly Inhibition[], mode: Inhibition['mode']): Term {
    return sum(ONE, ...all.filter(i => i.mode === mode).map(i => load(ctx, p, all, i)));
}

/** Π 1/(1 + I/Ki) over the given inhibitors. */
function dividedBy(ctx: EquationContext, p: Process, all: readonly Inhibition[], which: readonly Inhibition[]): Term {
    return product(which.map(i => div(ONE, sum(ONE, load(ctx, p, all, i)))));
}

/**
 * Saturation s(S) of the first substrate: S / (Km·(1 + Σc I/Ki) + S·(1 + Σu I/Ki) + S²/Ksi),
 * which is each textbook form when only that one applies.
 */
function firstSaturation(ctx: EquationContext, p: Process, s: string, inhibitors: readonly Inhibition[], ksi?: Term): Term {
    const S = ctx.resolve({ kind: 'name', name: s });
    const km = ctx.property(p.name, 'km', s);
    const terms = [mul(km, modeFactor(ctx, p, inhibitors, 'competitive')), mul(S, modeFactor(ctx, p, inhibitors, 'uncompetitive'))];
    if (ksi) terms.push(div(pow(S, num(2)), ksi));
    return div(S, sum(...terms));
}

function saturation(ctx: EquationContext, p: Process, species: string): Term {
    const S = ctx.resolve({ kind: 'name', name: species });
    return div(S, sum(ctx.property(p.name, 'km', species), S));
}

export function activity(ctx: EquationContext, process: string): Term {
    return mul(ctx.property(process, 'activity'), ctx.effectFactor(process, 'activity'));
}

export function flux(ctx: EquationContext, p: Process): Term {
    const A = activity(ctx, p.name);
    const law = p.law;
    switch (law.type) {
        case 'enzyme': {
            const [first, ...rest] = law.substrates;
            const ksi = law.substrateInhibitionKi ? ctx.property(p.name, 'ki', SUBSTRATE_INHIBITION) : undefined;
            return product([
                ctx.property(p.name, 'vmax'), A,
                ...(first ? [firstSaturation(ctx, p, first.species, law.inhibitors, ksi)] : []),
                ...rest.map(s => saturation(ctx, p, s.species)),
                ...law.cofactors.map(c => saturation(ctx, p, c.species)),
                dividedBy(ctx, p, law.inhibitors, law.inhibitors.filter(i => i.mode === 'noncompetitive'))
            ]);
        }
        case 'michaelis-menten':
            return product([
                ctx.property(p.name, 'vmax'), A,
                firstSaturation(ctx, p, law.substrate, law.inhibitors),
                dividedBy(ctx, p, law.inhibitors, law.inhibitors.filter(i => i.mode === 'noncompetitive'))
            ]);
        case 'first-order':
            // A first-order law has no Km for an inhibitor to modify: each one divides the rate by (1 + I/Ki).
            return product([
                ctx.property(p.name, 'rate'), A, ctx.resolve({ kind: 'name', name: law.substrate }),
                dividedBy(ctx, p, law.inhibitors, law.inhibitors)
            ]);
        case 'expression':
            return mul(ctx.property(p.name, 'rate'), A);
    }
}
