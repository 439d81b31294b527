import type { BinaryOp, Expr } from '@neurocascade/simulator';

export { evaluateConstant } from '@neurocascade/simulator';

export const num = (value: number): Expr => ({ kind: 'number', value });
export const name = (id: string): Expr => ({ kind: 'name', name: id });
export const unary = (op: '-' | 'not', operand: Expr): Expr => ({ kind: 'unary', op, operand });
export const binary = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });
export const call = (fn: string, ...args: Expr[]): Expr => ({ kind: 'call', fn, args });

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
