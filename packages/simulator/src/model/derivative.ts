/**
 * Symbolic differentiation of resolved terms with respect to the state (or the slots, for
 * parameter sensitivities), in forward mode:
 * one pass gives the sparse gradient (state index → derivative term). Intermediates (w) are
 * not expanded; their gradients come from `variableGradient`, so shared subexpressions are
 * differentiated once (the chain rule through the intermediate table).
 */
import {
    type Space, compare, div, fn, ifThen, mul, neg, num, pow, sub, sum, ONE, ZERO, type Term
} from './terms.js';

export type Gradient = Map<number, Term>;

const EMPTY: Gradient = new Map();

const isZero = (d: Term) => d.k === 'num' && d.v === 0;

/**
 * Combines two gradients entry by entry, in the order of a's entries and then b's others; `f`
 * receives 0 for a missing side. Zeros are dropped.
 */
function combine(a: Gradient, b: Gradient, f: (da: Term, db: Term) => Term): Gradient {
    const out: Gradient = new Map();
    for (const [j, da] of a) {
        const d = f(da, b.get(j) ?? ZERO);
        if (!isZero(d)) out.set(j, d);
    }
    for (const [j, db] of b) {
        if (a.has(j)) continue;
        const d = f(ZERO, db);
        if (!isZero(d)) out.set(j, d);
    }
    return out;
}

function scale(g: Gradient, factor: Term): Gradient {
    const out: Gradient = new Map();
    for (const [j, d] of g) {
        const scaled = mul(factor, d);
        if (!isZero(scaled)) out.set(j, scaled);
    }
    return out;
}

/**
 * The gradient of a sum. A term's gradient added to nothing is itself (sum(d) and sum(d, 0)
 * build the same term as d), so the terms that do not depend on the variables are skipped.
 */
function sumGradient(gradients: readonly Gradient[]): Gradient {
    let total = EMPTY;
    for (const g of gradients) {
        if (g.size === 0) continue;
        total = total.size === 0 ? g : combine(total, g, sum);
    }
    return total;
}

/** ∂a/∂y for the functions of one argument, as a factor of a'. */
function outerDerivative(f: string, a: Term): Term | undefined {
    switch (f) {
        case 'exp': return fn('exp', a);
        case 'ln': return div(ONE, a);
        case 'log10': return div(ONE, mul(a, num(Math.LN10)));
        case 'sqrt': return div(ONE, mul(num(2), fn('sqrt', a)));
        case 'abs': return ifThen(compare('>=', a, ZERO), ONE, num(-1));
        case 'sin': return fn('cos', a);
        case 'cos': return neg(fn('sin', a));
        case 'asin': return div(ONE, fn('sqrt', sub(ONE, mul(a, a))));
        case 'acos': return neg(div(ONE, fn('sqrt', sub(ONE, mul(a, a)))));
        case 'atan': return div(ONE, sum(ONE, mul(a, a)));
        default: return undefined; // floor, ceil: piecewise constant
    }
}

/** The gradient of `t` with respect to the array `wrt` (`y`: the state, `p`: the slots). */
export function gradient(t: Term, variableGradient: (i: number) => Gradient, wrt: Space = 'y'): Gradient {
    const grad = (u: Term) => gradient(u, variableGradient, wrt);
    switch (t.k) {
        case 'num': case 't': return EMPTY;
        case 'ref':
            if (t.space === wrt) return new Map([[t.i, ONE]]);
            return t.space === 'w' ? variableGradient(t.i) : EMPTY;
        case 'sum': return sumGradient(t.terms.map(grad));
        case 'neg': return scale(grad(t.a), num(-1));
        case 'mul': return combine(grad(t.a), grad(t.b), (da, db) => sum(mul(da, t.b), mul(t.a, db)));
        case 'div': {
            const gb = grad(t.b);
            if (gb.size === 0) return scale(grad(t.a), div(ONE, t.b));
            return combine(grad(t.a), gb, (da, db) => div(sub(mul(da, t.b), mul(t.a, db)), mul(t.b, t.b)));
        }
        case 'pow': {
            const power = mul(t.b, pow(t.a, sub(t.b, ONE)));
            const gb = grad(t.b);
            if (gb.size === 0) return scale(grad(t.a), power);
            // Per entry b·a^(b−1)·a' + a^b·ln(a)·b': finite at a = 0, unlike a^b·(b·a'/a + ln(a)·b'),
            // the second term taken as its limit 0 there (a receptor's (L/Kd)^hill with L = 0).
            return combine(grad(t.a), gb, (da, db) => sum(
                ...(isZero(da) ? [] : [mul(power, da)]),
                ...(isZero(db) ? [] : [ifThen(compare('==', t.a, ZERO), ZERO, mul(t, mul(db, fn('ln', t.a))))])));
        }
        case 'fn': {
            const outer = outerDerivative(t.f, t.a);
            return outer ? scale(grad(t.a), outer) : EMPTY;
        }
        case 'min': case 'max':
            return combine(grad(t.a), grad(t.b), (da, db) =>
                ifThen(compare(t.k === 'min' ? '<=' : '>=', t.a, t.b), da, db));
        case 'if': return combine(grad(t.a), grad(t.b), (da, db) => ifThen(t.c, da, db));
        case 'cmp': case 'and': case 'or': case 'not': return EMPTY;
    }
}
