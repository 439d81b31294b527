import { AstUtils } from 'langium';
import { evaluateConstant } from '@neurocascade/simulator';
import type * as IR from '@neurocascade/simulator';
import {
    isBinaryExpr, isQuantity, isTimedValue, isUnaryExpr, type Expect, type Expression, type TimedValue
} from '../generated/ast.js';
import type { LoweringContext } from './lowering-context.js';
import { lowerObservable, type Observables } from './lower-observables.js';

/** The name by which an expectation's value refers to its reading `index`. */
export function readingName(index: number): string {
    return `$${index}`;
}

/** When a reading is taken: `at steady` or minutes; NaN when the subject has no `at` at all (a check reports it). */
function timeOf(timed: TimedValue | undefined, context: LoweringContext): 'steady' | number {
    if (!timed) return Number.NaN;
    return timed.steady ? 'steady' : context.constant(timed.time, Number.NaN);
}

/**
 * An expect's subject as readings and their combination. Names, calls and parenthesized parts
 * with their own `at` are one reading each; everything else outside arithmetic is read at the
 * subject's last `at`.
 */
export function lowerExpect(node: Expect, observables: Observables, context: LoweringContext, file: string): IR.Expectation {
    const timed = AstUtils.streamAst(node.subject).filter(isTimedValue).toArray();
    const lastAt = timeOf(timed[timed.length - 1], context);
    const readings: IR.Reading[] = [];
    const read = (expression: Expression, at: 'steady' | number): IR.Expr => {
        readings.push({ expression: lowerObservable(expression, observables, context).expression, at });
        return { kind: 'name', name: readingName(readings.length - 1) };
    };
    const combine = (expression: Expression): IR.Expr => {
        if (isTimedValue(expression)) return read(expression.value, timeOf(expression, context));
        if (isQuantity(expression)) return context.expression(expression);
        if (isUnaryExpr(expression)) {
            const operand = combine(expression.operand);
            return expression.op === '-' ? { kind: 'unary', op: '-', operand } : operand;
        }
        if (isBinaryExpr(expression)) {
            return { kind: 'binary', op: expression.op as '+', left: combine(expression.left), right: combine(expression.right) };
        }
        return read(expression, lastAt);
    };
    const value = combine(node.subject);
    // One reading of one name keeps the name as its label and unit (`Dopamine`, `D2.occupancy`).
    const single = isTimedValue(node.subject) ? lowerObservable(node.subject.value, observables, context) : undefined;
    const relativeTo = node.reference?.$refText;
    const speciesName = single && !relativeTo && context.species(single.name) ? single.name : undefined;
    const bound = (expression: Expression | undefined, missing: number): number => {
        if (!expression) return missing;
        const lowered = relativeTo ? context.expression(expression) : context.concentrationOf(speciesName, expression, Number.NaN);
        return evaluateConstant(lowered) ?? Number.NaN;
    };
    const onlyHigh = !node.low, onlyLow = !node.high;
    return {
        label: single?.name ?? node.subject.$cstNode?.text ?? 'expect',
        readings,
        value,
        relativeTo,
        low: bound(node.low, onlyHigh ? -Infinity : Number.NaN),
        high: bound(node.high, onlyLow ? Infinity : Number.NaN),
        unit: relativeTo ? '1' : single?.unit ?? context.unitOf(node.subject),
        source: context.sourceOf(node, file)
    };
}
