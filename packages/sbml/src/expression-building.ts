import type { BinaryOp, Expr } from '@neurocascade/simulator';

export const num = (value: number): Expr => ({ kind: 'number', value });
export const name = (id: string): Expr => ({ kind: 'name', name: id });
export const unary = (op: '-' | 'not', operand: Expr): Expr => ({ kind: 'unary', op, operand });
export const binary = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });
export const call = (fn: string, ...args: Expr[]): Expr => ({ kind: 'call', fn, args });

const FUNCTIONS: Record<string, (...x: number[]) => number> = {
    exp: Math.exp, ln: Math.log, log10: Math.log10, sqrt: Math.sqrt, abs: Math.abs, min: Math.min, max: Math.max,
    floor: Math.floor, ceil: Math.ceil, sin: Math.sin, cos: Math.cos
};

const ARITHMETIC: Partial<Record<BinaryOp, (a: number, b: number) => number>> = {
    '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b, '^': Math.pow
};

/** The value of an expression made of numbers, arithmetic and plain functions; undefined when it reads anything else. */
export function evaluateConstant(expr: Expr): number | undefined {
    switch (expr.kind) {
        case 'number': return expr.value;
        case 'unary': {
            const x = expr.op === '-' ? evaluateConstant(expr.operand) : undefined;
            return x === undefined ? undefined : -x;
        }
        case 'binary': {
            const op = ARITHMETIC[expr.op];
            const a = evaluateConstant(expr.left);
            const b = evaluateConstant(expr.right);
            return op && a !== undefined && b !== undefined ? op(a, b) : undefined;
        }
        case 'call': {
            const fn = Object.hasOwn(FUNCTIONS, expr.fn) ? FUNCTIONS[expr.fn] : undefined;
            const args = expr.args.map(evaluateConstant);
            return fn !== undefined && args.every(a => a !== undefined) ? fn(...(args as number[])) : undefined;
        }
        default: return undefined;
    }
}

/** Every name an expression reads (not function names). */
export function namesIn(expr: Expr, into = new Set<string>()): Set<string> {
    switch (expr.kind) {
        case 'name': case 'member': into.add(expr.name); break;
        case 'unary': namesIn(expr.operand, into); break;
        case 'binary': namesIn(expr.left, into); namesIn(expr.right, into); break;
        case 'call': for (const arg of expr.args) namesIn(arg, into); break;
    }
    return into;
}
