/** docs/reference.md#effect-clauses. Each contributes f = 1 ± max·x^n/(ec50^n + x^n); factors on one property multiply. */
import type { Effect, EffectProperty } from '../ir.js';
import type { EquationContext } from './context.js';
import { div, minMax, mul, neg, ONE, pow, product, sum, ZERO, type Term } from './terms.js';

function source(ctx: EquationContext, e: Effect): Term {
    switch (e.source.kind) {
        case 'modulator': return ctx.property(e.source.name, 'level');
        case 'receptor': return ctx.occupancy(e.source.name);
        case 'species': return ctx.resolve({ kind: 'name', name: e.source.name });
    }
}

function factor(ctx: EquationContext, e: Effect, index: number): Term {
    const n = ctx.resolve(e.hill);
    // As for occupancy: round-off below zero must not make x^n NaN. Shared, so computed once.
    const xn = ctx.memo(`effect ${index} x^n`, () => pow(minMax('max', source(ctx, e), ZERO), n));
    const response = mul(ctx.resolve(e.max), div(xn, sum(pow(ctx.resolve(e.ec50), n), xn)));
    return sum(ONE, e.direction === 'increases' ? response : neg(response));
}

export function effectFactor(ctx: EquationContext, effects: readonly Effect[], target: string, property: EffectProperty): Term {
    return product(effects.flatMap((e, i) => (e.target === target && e.property === property ? [factor(ctx, e, i)] : [])));
}
