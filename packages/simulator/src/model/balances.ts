/** docs/reference.md#species-equation: dX/dt = supply − clearance·X + infusion + Σ ν·v·V(process)/V(X) for every species X. */
import type { ModelIR, Process, Species } from '../ir.js';
import type { EquationContext } from './context.js';
import { INFUSION } from './properties.js';
import { div, mul, neg, num, sum, type Term } from './terms.js';

export interface Contribution {
    process: Process;
    /** Net stoichiometric coefficient: products positive, reactants negative. */
    nu: number;
    flux: Term;
}

/** The stoichiometries a process moves, each with its own flux: one, or one per line of a carrier. */
function fluxesOf(ctx: EquationContext, p: Process): { reactants: Process['reactants']; products: Process['products']; flux: () => Term }[] {
    if (p.law.type === 'carrier') return p.law.routes.map((r, i) => ({ reactants: r.reactants, products: r.products, flux: () => ctx.routeFlux(p.name, i) }));
    return [{ reactants: p.reactants, products: p.products, flux: () => ctx.flux(p.name) }];
}

/** Per species, the processes that change it, each flux computed once and shared. */
export function contributions(ctx: EquationContext, ir: ModelIR): Map<string, Contribution[]> {
    const bySpecies = new Map<string, Map<string, { process: Process; nu: number; flux: () => Term }>>();
    for (const p of ir.processes) {
        fluxesOf(ctx, p).forEach((f, i) => {
            const add = (species: string, nu: number) => {
                const row = bySpecies.get(species) ?? new Map();
                const key = `${p.name} ${i}`;
                const known = row.get(key);
                row.set(key, { process: p, nu: (known?.nu ?? 0) + nu, flux: f.flux });
                bySpecies.set(species, row);
            };
            f.reactants.forEach(s => add(s.species, -s.coefficient));
            f.products.forEach(s => add(s.species, s.coefficient));
        });
    }
    const out = new Map<string, Contribution[]>();
    for (const [species, row] of bySpecies) {
        out.set(species, [...row.values()].filter(c => c.nu !== 0).map(c => ({ process: c.process, nu: c.nu, flux: c.flux() })));
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
