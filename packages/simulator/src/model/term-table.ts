/**
 * Terms as plain rows for a file, and back: every distinct term object once, its subterms named by
 * their rows (always earlier rows), so the graph's sharing (an intermediate read by many
 * equations, the one reference object per array element) survives the round trip. Numbers are
 * kept exactly: −0, NaN and ±Infinity, which JSON cannot write, are written as text.
 */
import { ref, type Comparison, type MathFunction, type Space, type Term } from './terms.js';

/** A number JSON writes exactly, or its text. */
export type ExactNumber = number | string;
/** [kind, …fields]: subterms as row numbers. */
export type TermRow = (string | ExactNumber)[];

export function exactNumber(v: number): ExactNumber {
    return Number.isFinite(v) && !Object.is(v, -0) ? v : Object.is(v, -0) ? '-0' : String(v);
}

const SPECIAL: Readonly<Record<string, number>> = { '-0': -0, NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity };

export function numberOf(v: unknown): number {
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && Object.hasOwn(SPECIAL, v)) return SPECIAL[v];
    throw new TypeError('not a number');
}

/** Rows of terms, filled by `row` as terms are named. */
export class TermWriter {
    readonly rows: TermRow[] = [];
    private readonly rowOf = new Map<Term, number>();

    /** The row of `t`, written (after its subterms) on first sight. */
    row(t: Term): number {
        const known = this.rowOf.get(t);
        if (known !== undefined) return known;
        const r = (u: Term) => this.row(u);
        let fields: TermRow;
        switch (t.k) {
            case 'num': fields = ['num', exactNumber(t.v)]; break;
            case 'ref': fields = ['ref', t.space, t.i]; break;
            case 't': fields = ['t']; break;
            case 'sum': fields = ['sum', ...t.terms.map(r)]; break;
            case 'neg': case 'not': fields = [t.k, r(t.a)]; break;
            case 'fn': fields = ['fn', t.f, r(t.a)]; break;
            case 'cmp': fields = ['cmp', t.op, r(t.a), r(t.b)]; break;
            case 'if': fields = ['if', r(t.c), r(t.a), r(t.b)]; break;
            default: fields = [t.k, r(t.a), r(t.b)];
        }
        this.rowOf.set(t, this.rows.length);
        this.rows.push(fields);
        return this.rows.length - 1;
    }
}

const SPACES: readonly string[] = ['y', 'p', 'w', 'g'];
const BINARY: readonly string[] = ['mul', 'div', 'pow', 'min', 'max', 'and', 'or'];

/** The terms of `rows`; throws on any row that is not one TermWriter writes. */
export function readTerms(rows: unknown): Term[] {
    if (!Array.isArray(rows)) throw new TypeError('no term rows');
    const terms: Term[] = [];
    const sub = (v: unknown): Term => {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= terms.length) throw new TypeError('bad subterm');
        return terms[v];
    };
    const text = (v: unknown): string => {
        if (typeof v !== 'string') throw new TypeError('bad field');
        return v;
    };
    for (const row of rows as unknown[]) {
        if (!Array.isArray(row)) throw new TypeError('bad term row');
        const [k, a, b, c] = row as unknown[];
        if (typeof k !== 'string') throw new TypeError('bad term kind');
        let t: Term;
        switch (k) {
            case 'num': t = { k: 'num', v: numberOf(a) }; break;
            case 'ref':
                if (!SPACES.includes(text(a)) || typeof b !== 'number' || !Number.isInteger(b) || b < 0) throw new TypeError('bad reference');
                t = ref(a as Space, b);
                break;
            case 't': t = { k: 't' }; break;
            case 'sum': t = { k: 'sum', terms: row.slice(1).map(sub) }; break;
            case 'neg': case 'not': t = { k, a: sub(a) }; break;
            case 'fn': t = { k: 'fn', f: text(a) as MathFunction, a: sub(b) }; break;
            case 'cmp': t = { k: 'cmp', op: text(a) as Comparison, a: sub(b), b: sub(c) }; break;
            case 'if': t = { k: 'if', c: sub(a), a: sub(b), b: sub(c) }; break;
            default:
                if (!BINARY.includes(text(k))) throw new TypeError('unknown term kind');
                t = { k: k as 'mul', a: sub(a), b: sub(b) };
        }
        terms.push(t);
    }
    return terms;
}
