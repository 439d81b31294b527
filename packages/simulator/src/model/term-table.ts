/**
 * Terms as two typed arrays for a file, and back: every distinct term object once, in one integer
 * array (its kind's code, then its fields; subterms by their term number, always an earlier one),
 * its numbers in a float array, bit for bit (−0, NaN and ±Infinity included). So the graph's
 * sharing (an intermediate read by many equations, the one reference object per array element)
 * survives the round trip, and reading 30,000 terms back is one pass over an Int32Array: no JSON
 * arrays per term to parse.
 */
import { ref, type Comparison, type MathFunction, type Space, type Term } from './terms.js';

const KINDS = ['num', 'ref', 't', 'sum', 'neg', 'not', 'fn', 'cmp', 'if', 'mul', 'div', 'pow', 'min', 'max', 'and', 'or'] as const;
const CODE: Readonly<Record<string, number>> = Object.fromEntries(KINDS.map((k, i) => [k, i]));
const SPACES: readonly Space[] = ['y', 'p', 'w', 'g'];
const FUNCTIONS: readonly MathFunction[] = ['exp', 'ln', 'log10', 'sqrt', 'abs', 'floor', 'ceil', 'sin', 'cos', 'asin', 'acos', 'atan'];
const COMPARISONS: readonly Comparison[] = ['<', '<=', '>', '>=', '==', '!='];

export interface TermTable {
    structure: Int32Array;
    numbers: Float64Array;
}

/** Term numbers of terms, filled by `number` as terms are named. */
export class TermWriter {
    private readonly structure: number[] = [];
    private readonly numbers: number[] = [];
    private readonly numberOf = new Map<Term, number>();

    /** The number of `t`, written (after its subterms) on first sight. */
    number(t: Term): number {
        const known = this.numberOf.get(t);
        if (known !== undefined) return known;
        const n = (u: Term) => this.number(u);
        let fields: number[];
        switch (t.k) {
            case 'num': fields = [this.numbers.push(t.v) - 1]; break;
            case 'ref': fields = [SPACES.indexOf(t.space), t.i]; break;
            case 't': fields = []; break;
            case 'sum': fields = [t.terms.length, ...t.terms.map(n)]; break;
            case 'neg': case 'not': fields = [n(t.a)]; break;
            case 'fn': fields = [FUNCTIONS.indexOf(t.f), n(t.a)]; break;
            case 'cmp': fields = [COMPARISONS.indexOf(t.op), n(t.a), n(t.b)]; break;
            case 'if': fields = [n(t.c), n(t.a), n(t.b)]; break;
            default: fields = [n(t.a), n(t.b)];
        }
        this.structure.push(CODE[t.k], ...fields);
        this.numberOf.set(t, this.numberOf.size);
        return this.numberOf.size - 1;
    }

    table(): TermTable {
        return { structure: Int32Array.from(this.structure), numbers: Float64Array.from(this.numbers) };
    }
}

/** The terms of `table`; throws on anything TermWriter does not write. */
export function readTerms({ structure: s, numbers }: TermTable): Term[] {
    const terms: Term[] = [];
    let at = 0;
    const field = () => {
        if (at >= s.length) throw new TypeError('truncated term table');
        return s[at++];
    };
    const sub = () => {
        const n = field();
        if (n < 0 || n >= terms.length) throw new TypeError('bad subterm');
        return terms[n];
    };
    const from = <T>(list: readonly T[]) => {
        const i = field();
        if (i < 0 || i >= list.length) throw new TypeError('bad term field');
        return list[i];
    };
    while (at < s.length) {
        const kind = from(KINDS);
        let t: Term;
        switch (kind) {
            case 'num': {
                const i = field();
                if (i < 0 || i >= numbers.length) throw new TypeError('bad number');
                t = { k: 'num', v: numbers[i] };
                break;
            }
            case 'ref': {
                const space = from(SPACES), i = field();
                if (i < 0) throw new TypeError('bad reference');
                t = ref(space, i);
                break;
            }
            case 't': t = { k: 't' }; break;
            case 'sum': {
                const count = field();
                if (count < 0 || count > s.length - at) throw new TypeError('bad sum');
                const parts: Term[] = [];
                for (let k = 0; k < count; k++) parts.push(sub());
                t = { k: 'sum', terms: parts };
                break;
            }
            case 'neg': case 'not': t = { k: kind, a: sub() }; break;
            case 'fn': t = { k: 'fn', f: from(FUNCTIONS), a: sub() }; break;
            case 'cmp': t = { k: 'cmp', op: from(COMPARISONS), a: sub(), b: sub() }; break;
            case 'if': t = { k: 'if', c: sub(), a: sub(), b: sub() }; break;
            default: t = { k: kind, a: sub(), b: sub() };
        }
        terms.push(t);
    }
    return terms;
}
