/**
 * `when` conditions as root functions: g > 0 exactly where the condition holds, so the
 * solver's root finding locates the false → true crossing. `a > b` is a − b; `and` is the
 * minimum and `or` the maximum of the parts; `not` the negation.
 */
import { fn, minMax, neg, sub, type Comparison, type Term } from '../model/terms.js';

function comparison(op: Comparison, a: Term, b: Term): Term {
    switch (op) {
        case '>': case '>=': return sub(a, b);
        case '<': case '<=': return sub(b, a);
        // Inside and/or, equality holds only at the root itself: g touches 0 from below.
        case '==': return neg(fn('abs', sub(a, b)));
        case '!=': return fn('abs', sub(a, b));
    }
}

export function rootFunction(c: Term): Term {
    switch (c.k) {
        case 'cmp': return comparison(c.op, c.a, c.b);
        case 'and': return minMax('min', rootFunction(c.a), rootFunction(c.b));
        case 'or': return minMax('max', rootFunction(c.a), rootFunction(c.b));
        case 'not': return neg(rootFunction(c.a));
    }
    // A plain number is true where it is non-zero.
    return fn('abs', c);
}
