import { isCall, isQuantity, isUnaryExpr, type Expression } from '../generated/ast.js';
import { baseUnitName } from '../units/units.js';
import { quantityUnit } from './lower-expression.js';

/**
 * The base unit a written value is in, read from its quantity (or a time course's first
 * argument): `12 ug/dL` → `g/L`. A bare number is dimensionless.
 */
export function unitOf(expression: Expression): string {
    const inner = isUnaryExpr(expression) ? expression.operand : expression;
    if (isQuantity(inner)) {
        const unit = quantityUnit(inner);
        return unit ? baseUnitName(unit.dimension) : '1';
    }
    if (isCall(inner) && inner.args.length > 0) return unitOf(inner.args[0].value);
    return '1';
}
