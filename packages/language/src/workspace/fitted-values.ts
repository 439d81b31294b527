/**
 * Writes a fit's values into the model text (`cascade fit --write`; docs/analysis.md#fitting):
 * each estimated property written as one number with its unit in the fitted document is
 * replaced by the fitted value, in the unit the author wrote (else the base unit). A property
 * written as an expression, not written at all, or written in another file is left alone and
 * listed with the reason.
 */
import type { LangiumDocument } from 'langium';
import { formatNumber } from '@neurocascade/simulator';
import {
    isInhibitedBy, isKmValue, isParameter, isPropertyValue, isQuantity, type CascadeFile, type Expression, type Member, type NamedElement
} from '../generated/ast.js';
import { parseUnit, sameDimension, DIMENSIONLESS, type Dimension } from '../units/units.js';

export interface FittedValue {
    name: string;
    property: string;
    substrate?: string;
    /** Base units. */
    value: number;
    unit: string;
}

export interface FittedValueEdits {
    /** Replacements in the document's text, last first (apply them in order). */
    edits: { offset: number; end: number; text: string; label: string; line: number }[];
    skipped: { label: string; reason: string }[];
}

/** Where a property is written: a parameter's value, a block property, a km or ki of a named species. */
function writtenExpression(target: NamedElement, property: string, substrate: string | undefined): Expression | undefined {
    if (isParameter(target)) return property === 'value' ? target.value : undefined;
    const members = (target as { members?: Member[] }).members ?? [];
    if (property === 'km') {
        const kms = members.filter(isKmValue);
        return (kms.find(km => km.substrate?.$refText === substrate) ?? kms.find(km => !km.substrate))?.value;
    }
    if (property === 'ki') return members.filter(isInhibitedBy).find(member => member.inhibitor.$refText === substrate)?.ki;
    return members.find((member): member is Member & { value: Expression } => isPropertyValue(member) && member.key === property)?.value;
}

function dimensionOf(unit: string): Dimension | undefined {
    if (unit === '' || unit === '1') return DIMENSIONLESS;
    try {
        return parseUnit(unit).dimension;
    } catch {
        return undefined;
    }
}

export function fittedValueEdits(document: LangiumDocument, values: readonly FittedValue[]): FittedValueEdits {
    const declarations = new Map(((document.parseResult.value as CascadeFile).declarations ?? []).map(d => [(d as { name?: string }).name, d as NamedElement]));
    const edits: FittedValueEdits['edits'] = [];
    const skipped: FittedValueEdits['skipped'] = [];
    for (const fitted of values) {
        const label = [fitted.name, ...(fitted.property === 'value' ? [] : [fitted.property]), ...(fitted.substrate ? [fitted.substrate] : [])].join('.');
        const target = declarations.get(fitted.name);
        const written = target && writtenExpression(target, fitted.property, fitted.substrate);
        if (!target) { skipped.push({ label, reason: 'declared in another file' }); continue; }
        if (!written || !written.$cstNode) { skipped.push({ label, reason: 'not written in its declaration; add it with the fitted value' }); continue; }
        if (!isQuantity(written)) { skipped.push({ label, reason: `written as an expression (${written.$cstNode.text}), left as it is` }); continue; }
        // In the author's unit when it measures the same dimension as the base unit (a mass for a molar base goes through the molar mass: base unit then).
        const unit = written.unit?.trim() ?? '';
        const writtenDimension = dimensionOf(unit), baseDimension = dimensionOf(fitted.unit);
        const sameUnit = writtenDimension && baseDimension && sameDimension(writtenDimension, baseDimension);
        const scale = sameUnit && unit !== '' ? parseUnit(unit).scale : 1;
        const shownUnit = sameUnit ? unit : fitted.unit === '1' ? '' : fitted.unit;
        const text = `${formatNumber(fitted.value / scale)}${shownUnit === '' ? '' : shownUnit.startsWith('%') ? shownUnit : ` ${shownUnit}`}`;
        const node = written.$cstNode;
        edits.push({ offset: node.offset, end: node.end, text, label, line: node.range.start.line + 1 });
    }
    edits.sort((a, b) => b.offset - a.offset);
    return { edits, skipped };
}

/** The document's text with the edits applied. */
export function applyFittedValues(document: LangiumDocument, edits: FittedValueEdits['edits']): string {
    return edits.reduce((text, edit) => text.slice(0, edit.offset) + edit.text + text.slice(edit.end), document.textDocument.getText());
}
