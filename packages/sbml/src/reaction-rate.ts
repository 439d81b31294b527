import type { Expr } from '@neurocascade/simulator';
import { binary, num } from './expression-building.js';

/**
 * An SBML kinetic law is an amount per time; a Cascade reaction's rate is a concentration per
 * time of its compartment P (species X then changes by ν·rate·V(P)/V(X)). So rate = law / V(P).
 * When the law is a product with a compartment volume among its factors, that compartment is
 * chosen as P and the factor dropped, which keeps the usual `k * S` form readable.
 */
export function ratePerCompartment(law: Expr, compartments: ReadonlySet<string>, fallback: string): { compartment: string; rate: Expr } {
    const factors = productFactors(law);
    const index = factors.findIndex(f => f.kind === 'name' && compartments.has(f.name));
    if (index < 0) return { compartment: fallback, rate: binary('/', law, { kind: 'name', name: fallback }) };
    const volume = factors[index] as { kind: 'name'; name: string };
    const rest = factors.filter((_, i) => i !== index);
    return { compartment: volume.name, rate: rest.length === 0 ? num(1) : rest.reduce((a, b) => binary('*', a, b)) };
}

function productFactors(expr: Expr): Expr[] {
    return expr.kind === 'binary' && expr.op === '*' ? [...productFactors(expr.left), ...productFactors(expr.right)] : [expr];
}
