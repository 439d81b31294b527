/** docs/reference.md#species-equation: dX/dt = supply − clearance·X + infusion + Σ ν·v·V(process)/V(X) for every species X. */
import type { ModelIR, Process, Species } from '../ir.js';
import type { EquationContext } from './context.js';
import { INFUSION } from './properties.js';
import { flux } from './rate-laws.js';
import { div, mul, neg, num, sum, type Term } from './terms.js';

export interface Contribution {
    process: Process;
    /** Net stoichiometric coefficient: products positive, reactants negative. */
    nu: number;
    flux: Term;
}

/** Per species, the processes that change it, each flux computed once and shared. */
export function contributions(ctx: EquationContext, ir: ModelIR): Map<string, Contribution[]> {
    const bySpecies = new Map<string, Map<Process, number>>();
    const add = (p: Process, species: string, nu: number) => {
        const row = bySpecies.get(species) ?? new Map<Process, number>();
        row.set(p, (row.get(p) ?? 0) + nu);
        bySpecies.set(species, row);
    };
    for (const p of ir.processes) {
        p.reactants.forEach(s => add(p, s.species, -s.coefficient));
        p.products.forEach(s => add(p, s.species, s.coefficient));
    }
    const out = new Map<string, Contribution[]>();
    for (const [species, row] of bySpecies) {
        out.set(species, [...row].filter(([, nu]) => nu !== 0).map(([process, nu]) =>
            ({ process, nu, flux: ctx.memo(`${process.name} flux`, () => flux(ctx, process)) })));
    }
    return out;
}

export function speciesBalance(ctx: EquationContext, x: Species, concentration: Term, changes: readonly Contribution[]): Term {
    const terms: Term[] = [
        mul(ctx.property(x.name, 'supply'), ctx.effectFactor(x.name, 'supply')),
        neg(mul(mul(ctx.property(x.name, 'clearance'), ctx.effectFactor(x.name, 'clearance')), concentration)),
        ...(ctx.infused.has(x.name) ? [ctx.property(x.name, INFUSION)] : [])
    ];
    for (const c of changes) {
        const scaled = c.process.compartment === x.compartment
            ? c.flux
            : mul(c.flux, div(ctx.property(c.process.compartment, 'volume'), ctx.property(x.compartment, 'volume')));
        terms.push(mul(num(c.nu), scaled));
    }
    return sum(...terms);
}
