import type { AstNode } from 'langium';
import { formatNumber } from '@neurocascade/simulator';
import type { Expression } from '../generated/ast.js';
import { DimensionInference } from '../units/dimension-inference.js';
import { baseUnitName, isDimensionless, type Dimension } from '../units/units.js';
import { constantValue } from '../validation/constant-folding.js';

/** The source text of a node on one line, as written (`8000 uM/h`, `k_cat * Glutamine`). */
export function written(node: AstNode | undefined): string {
    return node?.$cstNode?.text.replace(/\s+/g, ' ').trim() ?? '?';
}


/** A quantity in base units: `133.3 uM/min`, `0.4` for 40 %. */
export function inBaseUnits(value: number, dimension: Dimension): string {
    return isDimensionless(dimension) ? formatNumber(value) : `${formatNumber(value)} ${baseUnitName(dimension)}`;
}

/**
 * A value as written and, when it is constant and reads differently in base units, converted:
 * `8000 uM/h = 133.3 uM/min`. `unitsChecked` is false in a `units unchecked` model.
 */
export function valueText(expression: Expression | undefined, inference: DimensionInference, unitsChecked: boolean): string {
    const text = written(expression);
    if (!expression || !unitsChecked) return text;
    const value = constantValue(expression);
    const dimension = inference.dimensionOf(expression);
    if (value === undefined || !Number.isFinite(value) || !dimension) return text;
    const base = inBaseUnits(value, dimension);
    return base === text ? text : `${text} = ${base}`;
}
