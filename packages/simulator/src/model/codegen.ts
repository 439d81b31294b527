/**
 * JavaScript source from resolved terms. Only numeric literals (through `literal`), array
 * indices (integers checked here) and a fixed vocabulary of operators and Math functions
 * reach the source: names never do, since terms hold none.
 */
import type { Space, Term } from './terms.js';

/** A number as JavaScript source; rejects anything that is not a number. */
export function literal(v: unknown): string {
    if (typeof v !== 'number') throw new TypeError(`not a number: ${typeof v}`);
    if (Number.isNaN(v)) return 'NaN';
    if (v === Infinity) return 'Infinity';
    if (v === -Infinity) return '(-Infinity)';
    if (Object.is(v, -0)) return '(-0)';
    const text = String(v);
    if (!/^-?[0-9.]+(e[+-][0-9]+)?$/.test(text)) throw new TypeError(`unexpected number form ${text}`);
    return v < 0 ? `(${text})` : text;
}

export function index(i: number): string {
    if (!Number.isInteger(i) || i < 0) throw new TypeError(`bad index ${i}`);
    return String(i);
}

/** How references and numbers are written: directly, or as placeholders into tables (see program.ts). */
export interface Emitter {
    ref(space: Space, i: number): string;
    num(v: number): string;
}

const SPACES: readonly string[] = ['y', 'p', 'w', 'g'];

export const DIRECT: Emitter = {
    ref: (space, i) => {
        if (!SPACES.includes(space)) throw new TypeError('unknown space');
        return `${space}[${index(i)}]`;
    },
    num: literal
};

const MATH: Readonly<Record<string, string>> = {
    exp: 'Math.exp', ln: 'Math.log', log10: 'Math.log10', sqrt: 'Math.sqrt', abs: 'Math.abs',
    floor: 'Math.floor', ceil: 'Math.ceil', sin: 'Math.sin', cos: 'Math.cos',
    asin: 'Math.asin', acos: 'Math.acos', atan: 'Math.atan', min: 'Math.min', max: 'Math.max'
};
const COMPARE: Readonly<Record<string, string>> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '===', '!=': '!==' };

function known(table: Readonly<Record<string, string>>, key: string): string {
    if (!Object.hasOwn(table, key)) throw new TypeError('unknown operation');
    return table[key];
}

/** A term as a boolean JavaScript expression. */
export function condition(t: Term, e: Emitter = DIRECT): string {
    switch (t.k) {
        case 'cmp': return `(${expression(t.a, e)} ${known(COMPARE, t.op)} ${expression(t.b, e)})`;
        case 'and': return `(${condition(t.a, e)} && ${condition(t.b, e)})`;
        case 'or': return `(${condition(t.a, e)} || ${condition(t.b, e)})`;
        case 'not': return `(!${condition(t.a, e)})`;
        default: return `(${expression(t, e)} !== 0)`;
    }
}

/** A term as a numeric JavaScript expression. */
export function expression(t: Term, e: Emitter = DIRECT): string {
    const x = (u: Term) => expression(u, e);
    switch (t.k) {
        case 'num': return e.num(t.v);
        case 'ref': return e.ref(t.space, t.i);
        case 't': return 't';
        case 'sum': return '(' + t.terms.map((u, n) =>
            u.k === 'neg' ? ` - ${x(u.a)}` : (n === 0 ? '' : ' + ') + x(u)).join('') + ')';
        case 'neg': return `(-${x(t.a)})`;
        case 'mul': return `(${x(t.a)} * ${x(t.b)})`;
        case 'div': return `(${x(t.a)} / ${x(t.b)})`;
        case 'pow':
            if (t.b.k === 'num' && t.b.v === 2 && (t.a.k === 'ref' || t.a.k === 't')) {
                const a = x(t.a);
                return `(${a} * ${a})`;
            }
            return `Math.pow(${x(t.a)}, ${x(t.b)})`;
        case 'fn': return `${known(MATH, t.f)}(${x(t.a)})`;
        case 'min': case 'max': return `${known(MATH, t.k)}(${x(t.a)}, ${x(t.b)})`;
        case 'if': return `(${condition(t.c, e)} ? ${x(t.a)} : ${x(t.b)})`;
        case 'cmp': case 'and': case 'or': case 'not': return `(${condition(t, e)} ? 1 : 0)`;
        default: throw new TypeError('unknown term');
    }
}
