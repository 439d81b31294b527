/**
 * `when` conditions as root functions: g > 0 exactly where the condition holds, so the
 * solver's root finding locates the false → true crossing. `a > b` is a − b; `and` is the
 * minimum and `or` the maximum of the parts; `not` the negation. Where a condition jumps
 * (`floor`, `ceil`), a second root function marks the jumps.
 */
import type { CompiledModel } from '../model/compiled-model.js';
import { children, fn, minMax, mul, neg, num, sub, type Comparison, type Term } from '../model/terms.js';

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

/** The arguments of `floor` and `ceil` in `terms`, also inside the rules they read. */
function jumpArguments(m: CompiledModel, terms: readonly Term[]): Term[] {
    const found: Term[] = [];
    const seen = new Set<number>();
    const visit = (t: Term) => {
        if (t.k === 'fn' && (t.f === 'floor' || t.f === 'ceil')) found.push(t.a);
        if (t.k === 'ref' && t.space === 'w' && !seen.has(t.i)) {
            seen.add(t.i);
            visit(m.system.variables[t.i]);
        }
        children(t).forEach(visit);
    };
    terms.forEach(visit);
    return found;
}

/**
 * Where a condition jumps (CVODE's advice for discontinuities: stop there): sin(π·u) changes
 * sign wherever u, the argument of a `floor` or `ceil`, passes an integer. Integration stops
 * there and the conditions are looked at again, so a window opening with a jump is caught.
 */
export function jumpFunctions(m: CompiledModel, conditions: readonly Term[]): { term: Term; g: (t: number, y: Float64Array) => number }[] {
    return jumpArguments(m, conditions).map(u => {
        const term = fn('sin', mul(num(Math.PI), u));
        const program = m.program([term]);
        const out = new Float64Array(1);
        return { term, g: (t: number, y: Float64Array) => (program(t, y, out), out[0]) };
    });
}
