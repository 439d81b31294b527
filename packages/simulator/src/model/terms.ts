/**
 * Resolved expressions: the IR's `Expr` with every name replaced by an index into one of
 * the arrays the compiled code reads (y state, p slots, w intermediates, g Jacobian temps).
 * The constructors simplify as they build (constant folding, 0/1 elimination), so the
 * symbolic derivatives stay small.
 */

export type Space = 'y' | 'p' | 'w' | 'g';
export type MathFunction = 'exp' | 'ln' | 'log10' | 'sqrt' | 'abs' | 'floor' | 'ceil' | 'sin' | 'cos'
    | 'asin' | 'acos' | 'atan';
export type Comparison = '<' | '<=' | '>' | '>=' | '==' | '!=';

export type Term =
    | { k: 'num'; v: number }
    | { k: 'ref'; space: Space; i: number }
    | { k: 't' }
    | { k: 'sum'; terms: Term[] }
    | { k: 'neg'; a: Term }
    | { k: 'mul' | 'div' | 'pow'; a: Term; b: Term }
    | { k: 'fn'; f: MathFunction; a: Term }
    | { k: 'min' | 'max'; a: Term; b: Term }
    | { k: 'cmp'; op: Comparison; a: Term; b: Term }
    | { k: 'and' | 'or'; a: Term; b: Term }
    | { k: 'not'; a: Term }
    | { k: 'if'; c: Term; a: Term; b: Term };

export const ZERO: Term = { k: 'num', v: 0 };
export const ONE: Term = { k: 'num', v: 1 };
export const TIME: Term = { k: 't' };

export function num(v: number): Term {
    return v === 0 ? ZERO : v === 1 ? ONE : { k: 'num', v };
}

/** One reference object per array element: models read the same few thousand elements tens of thousands of times. */
const REFERENCES: Record<Space, Term[]> = { y: [], p: [], w: [], g: [] };

export function ref(space: Space, i: number): Term {
    return REFERENCES[space][i] ??= { k: 'ref', space, i };
}

const isNum = (t: Term, v?: number): t is { k: 'num'; v: number } =>
    t.k === 'num' && (v === undefined || t.v === v);

export function sum(...terms: Term[]): Term {
    const flat: Term[] = [];
    let constant = 0;
    for (const t of terms) {
        for (const u of t.k === 'sum' ? t.terms : [t]) {
            if (u.k === 'num') constant += u.v;
            else flat.push(u);
        }
    }
    cancelReferences(flat);
    if (constant !== 0 || flat.length === 0) flat.push(num(constant));
    return flat.length === 1 ? flat[0] : { k: 'sum', terms: flat };
}

const sameReference = (a: Term, b: Term) => a.k === 'ref' && b.k === 'ref' && a.space === b.space && a.i === b.i;

/** Removes pairs x and −x of one reference (the quotient rule's (K + S)·1 − S·1 leaves K). */
function cancelReferences(terms: Term[]): void {
    for (let i = terms.length - 1; i >= 0; i--) {
        const t = terms[i];
        if (t.k !== 'neg') continue;
        const j = terms.findIndex(u => sameReference(u, t.a));
        if (j < 0) continue;
        terms.splice(Math.max(i, j), 1);
        terms.splice(Math.min(i, j), 1);
        i = Math.min(i, terms.length);
    }
}

export function neg(a: Term): Term {
    if (a.k === 'num') return num(-a.v);
    if (a.k === 'neg') return a.a;
    return { k: 'neg', a };
}

export function sub(a: Term, b: Term): Term {
    return sum(a, neg(b));
}

export function mul(a: Term, b: Term): Term {
    if (isNum(a) && isNum(b)) return num(a.v * b.v);
    if (isNum(a, 0) || isNum(b, 0)) return ZERO;
    if (isNum(a, 1)) return b;
    if (isNum(b, 1)) return a;
    if (isNum(a, -1)) return neg(b);
    if (isNum(b, -1)) return neg(a);
    if (a.k === 'neg') return neg(mul(a.a, b));
    if (b.k === 'neg') return neg(mul(a, b.a));
    return { k: 'mul', a, b };
}

export function product(terms: Term[]): Term {
    return terms.reduce(mul, ONE);
}

export function div(a: Term, b: Term): Term {
    if (isNum(a) && isNum(b)) return num(a.v / b.v);
    if (isNum(a, 0)) return ZERO;
    if (isNum(b, 1)) return a;
    if (a.k === 'neg') return neg(div(a.a, b));
    return { k: 'div', a, b };
}

export function pow(a: Term, b: Term): Term {
    if (isNum(a) && isNum(b)) return num(Math.pow(a.v, b.v));
    if (isNum(b, 0)) return ONE;
    if (isNum(b, 1)) return a;
    return { k: 'pow', a, b };
}

const FOLD: Record<MathFunction, (x: number) => number> = {
    exp: Math.exp, ln: Math.log, log10: Math.log10, sqrt: Math.sqrt, abs: Math.abs,
    floor: Math.floor, ceil: Math.ceil, sin: Math.sin, cos: Math.cos, asin: Math.asin, acos: Math.acos, atan: Math.atan
};

export function fn(f: MathFunction, a: Term): Term {
    return isNum(a) ? num(FOLD[f](a.v)) : { k: 'fn', f, a };
}

export function minMax(k: 'min' | 'max', a: Term, b: Term): Term {
    return isNum(a) && isNum(b) ? num(Math[k](a.v, b.v)) : { k, a, b };
}

export function compare(op: Comparison, a: Term, b: Term): Term {
    return { k: 'cmp', op, a, b };
}

export function logic(k: 'and' | 'or', a: Term, b: Term): Term {
    return { k, a, b };
}

export function not(a: Term): Term {
    return { k: 'not', a };
}

export function ifThen(c: Term, a: Term, b: Term): Term {
    if (isNum(c)) return c.v !== 0 ? a : b;
    if (isNum(a) && isNum(b) && a.v === b.v) return a;
    return { k: 'if', c, a, b };
}

/** Pushes the direct subterms of `t` onto `stack` (the walks over whole models allocate no arrays per node). */
export function pushChildren(t: Term, stack: Term[]): void {
    switch (t.k) {
        case 'num': case 'ref': case 't': return;
        case 'sum': for (const u of t.terms) stack.push(u); return;
        case 'neg': case 'fn': case 'not': stack.push(t.a); return;
        case 'if': stack.push(t.c, t.a, t.b); return;
        default: stack.push(t.a, t.b);
    }
}

/** The direct subterms of `t`. */
export function children(t: Term): Term[] {
    switch (t.k) {
        case 'num': case 'ref': case 't': return [];
        case 'sum': return t.terms;
        case 'neg': case 'fn': case 'not': return [t.a];
        case 'if': return [t.c, t.a, t.b];
        default: return [t.a, t.b];
    }
}
