import type { Expression, Member, Quantity, UnaryExpr } from '../generated/ast.js';
import { parseUnit, type Dimension, type Unit } from './units.js';

/* How values are written: block properties, bare numbers, integer literals and parsed units. */

/** The value of a numeric property written in a block (`initial`, `level`, …). */
export function propertyOf(members: Member[], key: string): Expression | undefined {
    for (const member of members) {
        if (member.$type === 'PropertyValue' && member.key === key) return member.value;
    }
    return undefined;
}

/** A number without unit, possibly signed: `40`, `-5`. */
export function isBareNumber(expression: Expression | undefined): boolean {
    if (expression?.$type === 'UnaryExpr') return isBareNumber(expression.operand);
    return expression?.$type === 'Quantity' && !expression.unit;
}

/**
 * A signed percentage, `+50%` or `-100%`: a perturbation relative to the property's base value
 * (docs/reference.md#perturb). Unsigned, `50%` is a value like any other.
 */
export function isRelativeChange(expression: Expression | undefined): expression is UnaryExpr & { operand: Quantity } {
    return expression?.$type === 'UnaryExpr' && expression.operand.$type === 'Quantity' && expression.operand.unit === '%';
}

/** A percentage, `10%`: in a population's `normal(sd 10%)`, a spread relative to the base value (docs/reference.md#populations). */
export function isPercentage(expression: Expression | undefined): expression is Quantity {
    return expression?.$type === 'Quantity' && expression.unit === '%';
}

const parsedUnits = new Map<string, Unit | undefined>();

/** The unit written as `text`, or undefined when it does not parse; models repeat a few units many times. */
export function unitOf(text: string): Unit | undefined {
    if (parsedUnits.has(text)) return parsedUnits.get(text);
    let unit: Unit | undefined;
    try {
        unit = parseUnit(text);
    } catch {
        unit = undefined;
    }
    if (parsedUnits.size > 10_000) parsedUnits.clear(); // garbage input must not grow it without bound
    parsedUnits.set(text, unit);
    return unit;
}

/** An integer written as a literal, possibly signed: the only exponent a dimensioned base allows. */
export function integerLiteral(expression: Expression | undefined): number | undefined {
    if (expression?.$type === 'UnaryExpr') {
        const inner = integerLiteral(expression.operand);
        return inner === undefined ? undefined : expression.op === '-' ? -inner : inner;
    }
    return expression?.$type === 'Quantity' && !expression.unit && Number.isInteger(expression.value) ? expression.value : undefined;
}

/** A dimension whose square root has whole powers (`uM^2`, not `uM`). */
export function halvable(d: Dimension): boolean {
    return [d.amount, d.mass, d.volume, d.time].every(e => e % 2 === 0);
}
