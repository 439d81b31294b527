import type { Expr } from '@neurocascade/simulator';
import { binary, call, num } from './expression-building.js';

const TIME: Expr = { kind: 'time' };

/** Cascade built-ins MathML has no element for, written out as the simulator evaluates them (docs/reference.md#time-courses, #expressions). */
export function expandBuiltin(expr: Expr & { kind: 'call' }): Expr | undefined {
    const a = expr.args;
    switch (expr.fn) {
        case 'hill': {
            const xn = binary('^', a[0], a[2]);
            return binary('/', xn, binary('+', binary('^', a[1], a[2]), xn));
        }
        case 'mm': return binary('/', a[0], binary('+', a[1], a[0]));
        case 'circadian': {
            const [mean, amplitude, peak, period] = a;
            return binary('+', mean, binary('*', amplitude, call('cos', binary('/', binary('*', num(2 * Math.PI), binary('-', TIME, peak)), period))));
        }
        case 'pulse': {
            const [base, peak, start, duration] = a;
            const during = binary('and', binary('>=', TIME, start), binary('<', TIME, binary('+', start, duration)));
            return call('if', during, peak, base);
        }
        case 'step': {
            const [before, after, at] = a;
            return call('if', binary('<', TIME, at), before, after);
        }
        default: return undefined;
    }
}
