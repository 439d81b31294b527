import { CstUtils, GrammarUtils, type AstNode, type LeafCstNode } from 'langium';
import { isCall, isCascade, isCascadeFile, isData, isDataPoint, isDistribution, isFit, isFunctionDecl, isImport, isPopulation, isScan, isTimedAction, isUnaryExpr, isWhenEvent } from '../generated/ast.js';

/** Where a token stands in the canonical layout. */
export type LineRole = 'top' | 'member' | 'close' | 'inline';

const INDENT = '    ';

/**
 * The one layout of a Cascade file (the editor's formatter and `cascade format` share it): top-level declarations separated by a blank
 * line, one block member per line indented four spaces per block, single spaces between
 * tokens except around `.`, inside parentheses, before `,`, after a unary sign and between a
 * function name and its `(`; comments stay where they are, and at most one blank line is kept
 * between members.
 */
export function lineRole(leaf: LeafCstNode): LineRole {
    if (!leaf.hidden && leaf.text === '}') return isOneLineBlock(leaf.astNode) ? 'inline' : 'close';
    for (let node: AstNode | undefined = leaf.astNode; node?.$cstNode?.offset === leaf.offset; node = node.$container) {
        if (isCascadeFile(node.$container)) return 'top';
        if (isBlockElement(node)) return isOneLineBlock(node.$container!) ? 'inline' : 'member';
    }
    return 'inline';
}

/** A block of one element and no comment stays on one line: `compartment c { volume 1 pL }`. */
function isOneLineBlock(owner: AstNode): boolean {
    const { members, statements, items, actions, points } = owner as { members?: AstNode[]; statements?: AstNode[]; items?: AstNode[]; actions?: AstNode[]; points?: AstNode[] };
    const elements = members ?? statements ?? items ?? actions ?? points ?? [];
    return elements.length === 1 && !CstUtils.flattenCst(owner.$cstNode!).some(leaf => leaf.hidden);
}

/** Members, scenario statements, cascade, scan and fit items, data points and the actions of a `{ … }` action block. */
function isBlockElement(node: AstNode): boolean {
    const container = node.$container;
    switch (node.$containerProperty) {
        case 'members': case 'statements': return true;
        case 'items': return isCascade(container) || isScan(container) || isPopulation(container) || isFit(container);
        case 'points': return isData(container);
        case 'actions': return isWhenEvent(container) || (isTimedAction(container) && GrammarUtils.findNodeForKeyword(container.$cstNode, '{') !== undefined);
        default: return false;
    }
}

/** The text between two adjacent tokens; `depth` is the number of blocks open at `next`. */
export function separator(previous: LeafCstNode | undefined, next: LeafCstNode, gap: string, depth: number): string {
    if (!previous) return '';
    const newlines = (gap.match(/\n/g) ?? []).length;
    const lines = (count: number, indent: number) => '\n'.repeat(count) + INDENT.repeat(Math.max(indent, 0));
    if (next.hidden) {
        // A comment on the line of the previous token stays there; one on its own line keeps its line.
        if (newlines === 0 && !isLineComment(previous)) return ' ';
        // Outside blocks a comment opens the next declaration: a blank line separates it from the last one.
        return lines(depth === 0 && !previous.hidden ? 2 : clamp(newlines), depth);
    }
    if (previous.hidden && (isLineComment(previous) || newlines > 0)) {
        const role = lineRole(next);
        if (role === 'top' && isTrailing(previous)) return lines(2, 0);
        return lines(role === 'top' || role === 'member' ? clamp(newlines) : 1, role === 'close' ? depth - 1 : depth);
    }
    switch (lineRole(next)) {
        case 'top': return lines(isImport(next.astNode) && isImport(previous.astNode) ? 1 : 2, 0);
        case 'member': return lines(clamp(newlines), depth);
        case 'close': return lines(1, depth - 1);
        case 'inline': return inlineSpace(previous, next);
    }
}

/** Between two tokens on one line. */
function inlineSpace(previous: LeafCstNode, next: LeafCstNode): string {
    if (next.tokenType.name === 'UNIT') return '';
    if ([')', ',', '.', ']'].includes(next.text) || ['(', '.', '['].includes(previous.text)) return '';
    // `+-`, the ASCII spelling of `±` in a data point, stays one word.
    if (previous.text === '+' && next.text === '-' && isDataPoint(next.astNode)) return '';
    // `f(x)`, `function f(x)` and a distribution, `lognormal(cv 30%)`.
    if (next.text === '(' && (isCall(next.astNode) || isFunctionDecl(next.astNode) || isDistribution(next.astNode)) && next.astNode === previous.astNode) return '';
    if (isUnaryExpr(previous.astNode) && (previous.text === '-' || previous.text === '+')) return '';
    return ' ';
}

/** A unit as written, with exactly one space after its number (`%` attaches: `40%`). */
export function canonicalUnit(text: string): string {
    const unit = text.trimStart();
    return unit.startsWith('%') ? unit : ` ${unit}`;
}

/** One or two line breaks: at most one blank line is kept. */
function clamp(newlines: number): number {
    return Math.min(Math.max(newlines, 1), 2);
}

/** A comment after code on its line (`} // why`), as opposed to one on a line of its own. */
function isTrailing(comment: LeafCstNode): boolean {
    const text = comment.root.fullText;
    return text.slice(text.lastIndexOf('\n', comment.offset) + 1, comment.offset).trim() !== '';
}

function isLineComment(leaf: LeafCstNode): boolean {
    return leaf.tokenType.name === 'SL_COMMENT';
}
