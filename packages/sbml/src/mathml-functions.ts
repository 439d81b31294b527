import type { Expr } from '@neurocascade/simulator';
import { binary, call, evaluateConstant, num, unary } from './expression-building.js';

/** MathML functions Cascade has no built-in for, written with the ones it has (or folded to numbers). */

/** arcsec, arccsc and arccot through Cascade's acos, asin and atan of 1/x (the suite's convention for arccot). */
export function inverseReciprocal(name: 'arcsec' | 'arccsc' | 'arccot', x: Expr): Expr {
    const inverse = { arcsec: 'acos', arccsc: 'asin', arccot: 'atan' }[name];
    return call(inverse, binary('/', num(1), x));
}

const COMPARISONS: Record<string, (a: number, b: number) => boolean> = {
    '==': (a, b) => a === b, '!=': (a, b) => a !== b, '>': (a, b) => a > b, '<': (a, b) => a < b, '>=': (a, b) => a >= b, '<=': (a, b) => a <= b
};

/** A comparison decided at import time (both sides constant), or undefined. */
export function comparison(op: string, left: Expr, right: Expr): boolean | undefined {
    const [a, b] = [evaluateConstant(left), evaluateConstant(right)];
    return a !== undefined && b !== undefined ? COMPARISONS[op](a, b) : undefined;
}

/** a/b rounded toward zero (MathML `quotient`). */
export function quotient(a: Expr, b: Expr): Expr {
    const exact = binary('/', a, b);
    return call('if', binary('>=', exact, num(0)), call('floor', exact), call('ceil', exact));
}

/** f(x) / g(x), for tan and cot. */
export function ratio(numerator: string, denominator: string, x: Expr): Expr {
    return binary('/', call(numerator, x), call(denominator, x));
}

export function hyperbolic(name: string, x: Expr): Expr {
    const up = call('exp', x);
    const down = call('exp', unary('-', x));
    const sinh = binary('-', up, down);
    const cosh = binary('+', up, down);
    switch (name) {
        case 'sinh': return binary('/', sinh, num(2));
        case 'cosh': return binary('/', cosh, num(2));
        case 'tanh': return binary('/', sinh, cosh);
        case 'coth': return binary('/', cosh, sinh);
        case 'sech': return binary('/', num(2), cosh);
        default: return binary('/', num(2), sinh);
    }
}

export function inverseHyperbolic(name: string, x: Expr): Expr {
    const square = (e: Expr) => binary('^', e, num(2));
    const inverse = binary('/', num(1), x);
    switch (name) {
        case 'arcsinh': return call('ln', binary('+', x, call('sqrt', binary('+', square(x), num(1)))));
        case 'arccosh': return call('ln', binary('+', x, call('sqrt', binary('-', square(x), num(1)))));
        case 'arctanh': return binary('*', num(0.5), call('ln', binary('/', binary('+', num(1), x), binary('-', num(1), x))));
        case 'arccoth': return binary('*', num(0.5), call('ln', binary('/', binary('+', x, num(1)), binary('-', x, num(1)))));
        case 'arcsech': return call('ln', binary('+', inverse, call('sqrt', binary('-', square(inverse), num(1)))));
        default: return call('ln', binary('+', inverse, call('sqrt', binary('+', square(inverse), num(1)))));
    }
}

export function factorial(n: number): number {
    if (n < 0 || !Number.isInteger(n)) return NaN;
    let result = 1;
    for (let k = 2; k <= n && Number.isFinite(result); k++) result *= k;
    return result;
}
