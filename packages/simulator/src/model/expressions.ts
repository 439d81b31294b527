/**
 * IR expressions → resolved terms: names become references, user functions are inlined,
 * and the built-ins (`hill`, `mm`, the time courses of docs/reference.md#time-courses) are expanded into arithmetic so
 * that differentiation and code generation see only a few term kinds.
 */
import type { Expr, FunctionDefinition, MemberName } from '../ir.js';
import { BUILTIN_FUNCTIONS } from '../ir.js';
import { ModelError } from './errors.js';
import {
    compare, div, fn, ifThen, logic, minMax, mul, neg, not, num, pow, sub, sum, TIME, type MathFunction, type Term
} from './terms.js';

export interface NameResolver {
    /** A species, parameter, rule or compartment (its volume). */
    name(name: string): Term;
    member(name: string, member: MemberName): Term;
    balance(): Term;
    userFunction(name: string): FunctionDefinition | undefined;
    /** A time where a time course switches, so integration can stop there instead of stepping over it. */
    breakpoint(time: number): void;
}

const UNARY: readonly MathFunction[] = ['exp', 'ln', 'log10', 'sqrt', 'abs', 'floor', 'ceil', 'sin', 'cos', 'asin', 'acos', 'atan'];

function hillFraction(x: Term, k: Term, n: Term): Term {
    const xn = pow(x, n);
    return div(xn, sum(pow(k, n), xn));
}

function timeCourse(name: string, a: Term[], names: NameResolver): Term {
    const mark = (t: Term) => { if (t.k === 'num') names.breakpoint(t.v); };
    switch (name) {
        case 'circadian': {
            const [mean, amplitude, peak, period] = a;
            return sum(mean, mul(amplitude, fn('cos', div(mul(num(2 * Math.PI), sub(TIME, peak)), period))));
        }
        case 'pulse': {
            const [base, peak, start, duration] = a;
            const end = sum(start, duration);
            mark(start); mark(end);
            return ifThen(logic('and', compare('>=', TIME, start), compare('<', TIME, end)), peak, base);
        }
        default: {
            const [before, after, at] = a;
            mark(at);
            return ifThen(compare('<', TIME, at), before, after);
        }
    }
}

function builtin(name: string, a: Term[], names: NameResolver): Term {
    if ((UNARY as readonly string[]).includes(name)) return fn(name as MathFunction, a[0]);
    switch (name) {
        case 'min': case 'max': return minMax(name, a[0], a[1]);
        case 'hill': return hillFraction(a[0], a[1], a[2]);
        case 'mm': return div(a[0], sum(a[1], a[0]));
        case 'if': return ifThen(a[0], a[1], a[2]);
        default: return timeCourse(name, a, names);
    }
}

export function resolveExpr(
    e: Expr, names: NameResolver, scope: ReadonlyMap<string, Term> = new Map(), calling: readonly string[] = []
): Term {
    const r = (x: Expr) => resolveExpr(x, names, scope, calling);
    switch (e.kind) {
        case 'number':
            if (typeof e.value !== 'number') throw new ModelError(`a number was expected, not ${typeof e.value}`);
            return num(e.value);
        case 'name': return scope.get(e.name) ?? names.name(e.name);
        case 'member': return names.member(e.name, e.member);
        case 'time': return TIME;
        case 'balance': return names.balance();
        case 'unary': return e.op === '-' ? neg(r(e.operand)) : not(r(e.operand));
        case 'binary': {
            const a = r(e.left), b = r(e.right);
            switch (e.op) {
                case '+': return sum(a, b);
                case '-': return sub(a, b);
                case '*': return mul(a, b);
                case '/': return div(a, b);
                case '^': return pow(a, b);
                case 'and': case 'or': return logic(e.op, a, b);
                default:
                    // `t < 4` switches at t = 4: a boundary for the integration, as for the time courses.
                    if (a.k === 't' && b.k === 'num') names.breakpoint(b.v);
                    if (b.k === 't' && a.k === 'num') names.breakpoint(a.v);
                    return compare(e.op, a, b);
            }
        }
        case 'call': {
            const args = e.args.map(r);
            const arity = BUILTIN_FUNCTIONS.get(e.fn);
            const user = names.userFunction(e.fn);
            if (user) {
                if (calling.includes(e.fn)) throw new ModelError(`function '${e.fn}' calls itself`, 'algebraic-loop');
                if (args.length !== user.parameters.length) {
                    throw new ModelError(`'${e.fn}' takes ${user.parameters.length} arguments, not ${args.length}`);
                }
                const inner = new Map(user.parameters.map((p, i) => [p, args[i]] as const));
                return resolveExpr(user.body, names, inner, [...calling, e.fn]);
            }
            if (arity === undefined) throw new ModelError(`unknown function '${e.fn}'`, 'unresolved');
            if (args.length !== arity) throw new ModelError(`'${e.fn}' takes ${arity} arguments, not ${args.length}`);
            return builtin(e.fn, args, names);
        }
        default: throw new ModelError('unknown expression kind');
    }
}
