import { TIME_COURSE_ARGUMENTS, type Expr } from '@neurocascade/simulator';
import {
    isBalanceRef, isBinaryExpr, isCall, isNotExpr, isQuantity, isRef, isTimeRef, isUnaryExpr,
    type Expression, type Quantity
} from '../generated/ast.js';
import { resolveCall } from '../units/calls.js';
import { parseUnit, type Unit } from '../units/units.js';

/** How quantities are read: with their units (the default) or as plain numbers (`units unchecked`). */
export interface ExpressionContext {
    unitsChecked: boolean;
}

/** The unit written on a quantity, or undefined when there is none or it does not parse (a check reports that). */
export function quantityUnit(quantity: Quantity): Unit | undefined {
    if (!quantity.unit) return undefined;
    try {
        return parseUnit(quantity.unit);
    } catch {
        return undefined;
    }
}

/** An AST expression as an IR expression, every quantity converted to base units. */
export function lowerExpression(expression: Expression | undefined, context: ExpressionContext): Expr {
    if (!expression) return { kind: 'number', value: Number.NaN };
    if (isQuantity(expression)) {
        const scale = context.unitsChecked ? quantityUnit(expression)?.scale ?? 1 : 1;
        return { kind: 'number', value: expression.value * scale };
    }
    if (isRef(expression)) {
        const name = expression.target.$refText;
        return expression.member ? { kind: 'member', name, member: expression.member as 'level' } : { kind: 'name', name };
    }
    if (isTimeRef(expression)) return { kind: 'time' };
    if (isBalanceRef(expression)) return { kind: 'balance' };
    if (isUnaryExpr(expression)) {
        const operand = lowerExpression(expression.operand, context);
        return expression.op === '-' ? { kind: 'unary', op: '-', operand } : operand;
    }
    if (isNotExpr(expression)) return { kind: 'unary', op: 'not', operand: lowerExpression(expression.operand, context) };
    if (isBinaryExpr(expression)) {
        return {
            kind: 'binary',
            op: expression.op as Extract<Expr, { kind: 'binary' }>['op'],
            left: lowerExpression(expression.left, context),
            right: lowerExpression(expression.right, context)
        };
    }
    if (isCall(expression)) {
        const fn = expression.func.$refText;
        // A declared function shadows the time course of the same name and takes its arguments by position.
        const callee = resolveCall(expression);
        const order = callee.kind === 'builtin' ? TIME_COURSE_ARGUMENTS.get(fn) : undefined;
        const args = order
            ? order.map(name => expression.args.find(arg => arg.name === name)?.value)
            : expression.args.map(arg => arg.value);
        return { kind: 'call', fn, args: args.map(arg => lowerExpression(arg, context)) };
    }
    return { kind: 'number', value: Number.NaN };
}
