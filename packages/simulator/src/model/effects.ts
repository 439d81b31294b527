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
    const xn = ctx.memo(`effect ${index}`, ' x^n', () => pow(minMax('max', source(ctx, e), ZERO), n));
    const response = mul(ctx.resolve(e.max), div(xn, sum(pow(ctx.resolve(e.ec50), n), xn)));
    return sum(ONE, e.direction === 'increases' ? response : neg(response));
}

/** The model's effects grouped by what they act on, each with its index in the model (its memo key). */
export type EffectIndex = ReadonlyMap<string, readonly { effect: Effect; index: number }[]>;

const targetKey = (target: string, property: EffectProperty) => `${target}\u0000${property}`;

/** Grouped once per model: looking each target up in the whole list made compiling quadratic in the model's size. */
export function indexEffects(effects: readonly Effect[]): EffectIndex {
    const index = new Map<string, { effect: Effect; index: number }[]>();
    effects.forEach((effect, i) => {
        const key = targetKey(effect.target, effect.property);
        const group = index.get(key);
        if (group) group.push({ effect, index: i });
        else index.set(key, [{ effect, index: i }]);
    });
    return index;
}

export function effectFactor(ctx: EquationContext, effects: EffectIndex, target: string, property: EffectProperty): Term {
    return product((effects.get(targetKey(target, property)) ?? []).map(({ effect, index }) => factor(ctx, effect, index)));
}
