import {
    isBinaryExpr, isCall, isParameter, isQuantity, isRef, isUnaryExpr, type Expression
} from '../generated/ast.js';
import { CONSTANT_FUNCTIONS } from '@neurocascade/simulator';
import { resolveCall } from '../units/calls.js';
import { unitOf } from '../units/written-values.js';


/**
 * The value of a constant expression in base units (µM, min, L, g; 40 % = 0.4), or undefined
 * when it depends on time, state or anything unknown. Parameters fold through their values;
 * `visiting` stops a parameter loop (reported as algebraic-loop elsewhere).
 */
export function constantValue(expression: Expression | undefined, visiting = new Set<Expression>()): number | undefined {
    if (!expression) return undefined;
    if (isQuantity(expression)) {
        // An unknown unit is reported as such; its number folds to nothing.
        const scale = expression.unit ? unitOf(expression.unit)?.scale : 1;
        return scale === undefined ? undefined : expression.value * scale;
    }
    if (isUnaryExpr(expression)) {
        const operand = constantValue(expression.operand, visiting);
        return operand === undefined ? undefined : expression.op === '-' ? -operand : operand;
    }
    if (isBinaryExpr(expression)) {
        const left = constantValue(expression.left, visiting);
        const right = constantValue(expression.right, visiting);
        if (left === undefined || right === undefined) return undefined;
        switch (expression.op) {
            case '+': return left + right;
            case '-': return left - right;
            case '*': return left * right;
            case '/': return left / right;
            case '^': return left ** right;
            default: return undefined;
        }
    }
    if (isRef(expression) && !expression.member) {
        const target = expression.target?.ref;
        if (!isParameter(target) || visiting.has(target.value)) return undefined;
        visiting.add(target.value);
        const value = constantValue(target.value, visiting);
        visiting.delete(target.value);
        return value;
    }
    if (isCall(expression)) {
        const callee = resolveCall(expression);
        const fn = callee.kind === 'builtin' ? CONSTANT_FUNCTIONS.get(callee.name) : undefined;
        const args = expression.args.map(arg => constantValue(arg.value, visiting));
        if (!fn || args.some(arg => arg === undefined)) return undefined;
        return fn(...(args as number[]));
    }
    return undefined;
}
