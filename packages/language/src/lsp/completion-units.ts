import type { AstNode } from 'langium';
import type { CompletionContext, CompletionValueItem } from 'langium/lsp';
import { CompletionItemKind } from 'vscode-languageserver';
import { isQuantity, isUnaryExpr, type Expression } from '../generated/ast.js';
import { DimensionInference } from '../units/dimension-inference.js';
import { expectedDimension } from '../units/expected-dimensions.js';
import {
    AMOUNT_CONCENTRATION, AMOUNT_CONCENTRATION_PER_TIME, DIMENSIONLESS, MASS_CONCENTRATION, PER_TIME, TIME, VOLUME,
    describeDimension, isDimensionless, unitsOfDimension, type Dimension
} from '../units/units.js';

/** What modelers write most when the slot does not say (an expression, a parameter, a level). */
const USUAL_DIMENSIONS = [AMOUNT_CONCENTRATION, TIME, AMOUNT_CONCENTRATION_PER_TIME, PER_TIME, MASS_CONCENTRATION, VOLUME, DIMENSIONLESS];
/** A number, the spaces after it, and the unit typed so far. */
const NUMBER_AND_UNIT = /[\d.]([ \t]*)([A-Za-z_\u00b5\u03bc%/(][A-Za-z0-9_\u00b5\u03bc/*^()%-]*)?$/;

/** Units offered after a number: `exclusive` when the slot expects a dimension, so nothing else fits there. */
export interface UnitCompletion {
    items: CompletionValueItem[];
    exclusive: boolean;
}

/**
 * Units for the number before the cursor (`vmax 2.4 |`, `km 40 u|`), those of the slot's
 * expected dimension first (docs/reference.md#units). Nothing right after a digit: `2.4|` is still a number.
 */
export function unitCompletion(context: CompletionContext): UnitCompletion | undefined {
    const before = context.textDocument.getText().slice(Math.max(0, context.offset - 64), context.offset);
    const match = NUMBER_AND_UNIT.exec(before);
    const typed = match?.[2] ?? '';
    if (!match || (typed === '' && match[1] === '')) return undefined;
    const expected = expectedAt(context.node);
    const dimensions = expected ?? USUAL_DIMENSIONS;
    const units = [...new Set(dimensions.flatMap(unitsOfDimension))].filter(unit => unit !== '1');
    const start = context.textDocument.positionAt(context.offset - typed.length);
    const items = units.map((unit, index): CompletionValueItem => ({
        label: unit,
        kind: CompletionItemKind.Unit,
        detail: describeDimension(dimensionOf(unit, dimensions)),
        sortText: String(index).padStart(3, '0'),
        textEdit: { newText: unit, range: { start, end: context.position } }
    }));
    return { items, exclusive: expected !== undefined && !expected.every(isDimensionless) };
}

/** The dimensions the value holding this number should have, when the number is the whole value. */
function expectedAt(node: AstNode | undefined): readonly Dimension[] | undefined {
    if (!isQuantity(node)) return undefined;
    let value: Expression = node;
    while (isUnaryExpr(value.$container)) value = value.$container;
    return expectedDimension(value, new DimensionInference());
}

function dimensionOf(unit: string, dimensions: readonly Dimension[]): Dimension {
    return dimensions.find(d => unitsOfDimension(d).includes(unit)) ?? DIMENSIONLESS;
}
