import type { Expr } from './ir.js';

/**
 * The value of an IR expression that depends on nothing (no names, no time), or undefined.
 * Lowering uses it for times and bounds, the SBML importer and exporter to fold constants.
 */
export function evaluateConstant(expr: Expr): number | undefined {
    switch (expr.kind) {
        case 'number': return expr.value;
        case 'unary': {
            const operand = evaluateConstant(expr.operand);
            if (operand === undefined) return undefined;
            return expr.op === '-' ? -operand : Number(!operand);
        }
        case 'binary': {
            const left = evaluateConstant(expr.left);
            const right = evaluateConstant(expr.right);
            return left === undefined || right === undefined ? undefined : BINARY[expr.op](left, right);
        }
        case 'call': {
            const args = expr.args.map(evaluateConstant);
            const fn = CONSTANT_FUNCTIONS.get(expr.fn);
            return fn && args.every(arg => arg !== undefined) ? fn(...(args as number[])) : undefined;
        }
        default: return undefined;
    }
}

const BINARY: Record<string, (a: number, b: number) => number> = {
    '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b, '^': (a, b) => a ** b,
    '<': (a, b) => Number(a < b), '<=': (a, b) => Number(a <= b), '>': (a, b) => Number(a > b),
    '>=': (a, b) => Number(a >= b), '==': (a, b) => Number(a === b), '!=': (a, b) => Number(a !== b),
    and: (a, b) => Number(Boolean(a) && Boolean(b)), or: (a, b) => Number(Boolean(a) || Boolean(b))
};

/** Every name an expression reads (species, parameters, rules, compartments, modulators, receptors). */
export function namesIn(e: Expr, out = new Set<string>()): Set<string> {
    switch (e.kind) {
        case 'name': case 'member': out.add(e.name); break;
        case 'unary': namesIn(e.operand, out); break;
        case 'binary': namesIn(e.left, out); namesIn(e.right, out); break;
        case 'call': e.args.forEach(a => namesIn(a, out)); break;
    }
    return out;
}

/** The built-ins whose value depends on their arguments alone (the time courses depend on t). */
export const CONSTANT_FUNCTIONS: ReadonlyMap<string, (...args: number[]) => number> = new Map(Object.entries({
    exp: Math.exp, ln: Math.log, log10: Math.log10, sqrt: Math.sqrt, abs: Math.abs, min: Math.min, max: Math.max,
    floor: Math.floor, ceil: Math.ceil, sin: Math.sin, cos: Math.cos,
    asin: Math.asin, acos: Math.acos, atan: Math.atan,
    hill: (x, k, n) => x ** n / (k ** n + x ** n),
    mm: (x, km) => x / (km + x),
    if: (c: number, a: number, b: number) => (c ? a : b)
}));
