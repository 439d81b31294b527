import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { isCascadeFile, isQuantity, type Quantity } from '../generated/ast.js';
import { nodeAt, quickFix } from './quick-fix.js';

/** How many other units a `unit-dimension` diagnostic offers. */
const SUGGESTIONS = 4;

/** `unit-missing`: write the expected base unit after the number (`%` attached, others after a space). */
export function addUnitFix(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const unit = (diagnostic.data as { expectedUnit?: string } | undefined)?.expectedUnit;
    if (!unit || unit === '1') return [];
    const newText = unit.startsWith('%') ? unit : ` ${unit}`;
    return [quickFix(`Add unit '${unit}'`, document, diagnostic, [{ range: { start: diagnostic.range.end, end: diagnostic.range.end }, newText }], true)];
}

/** `unit-dimension`: replace the written unit with one of the expected dimension. */
export function replaceUnitFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const units = (diagnostic.data as { suggestedUnits?: string[] } | undefined)?.suggestedUnits ?? [];
    const unitNode = writtenUnit(document, diagnostic);
    if (!unitNode) return [];
    const lead = unitNode.text.length - unitNode.text.trimStart().length;
    const range = { start: document.textDocument.positionAt(unitNode.offset + lead), end: unitNode.range.end };
    return units.filter(unit => unit !== '1').slice(0, SUGGESTIONS)
        .map((unit, index) => quickFix(`Change unit to '${unit}'`, document, diagnostic, [{ range, newText: unit }], index === 0));
}

/** The one unit written inside the diagnostic's range (the value may be `-5 uM` or `2 * 3 uM`). */
function writtenUnit(document: LangiumDocument, diagnostic: Diagnostic) {
    const node = nodeAt(document, diagnostic);
    const declaration = node && AstUtils.getContainerOfType(node, (n): n is AstNode => isCascadeFile(n.$container));
    const start = document.textDocument.offsetAt(diagnostic.range.start);
    const end = document.textDocument.offsetAt(diagnostic.range.end);
    const inside = declaration ? AstUtils.streamAllContents(declaration)
        .filter((n): n is Quantity => isQuantity(n) && n.unit !== undefined && n.$cstNode!.offset >= start && n.$cstNode!.end <= end)
        .toArray() : [];
    return inside.length === 1 ? GrammarUtils.findNodeForProperty(inside[0].$cstNode, 'unit') : undefined;
}
