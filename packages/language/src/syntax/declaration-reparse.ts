import { RootCstNodeImpl, type AstNode, type CstNode, type LangiumParser, type ParseResult } from 'langium';
import type { CascadeFile, Declaration } from '../generated/ast.js';

/**
 * Re-parses only the top-level declarations an edit touches and splices them into the previous
 * tree; undefined when it cannot vouch for the result, and the caller parses the whole file.
 *
 * A top-level declaration is parsed from the same parser state wherever it stands (the file's
 * declaration loop), so the tree of the new text is the old one outside the edited declarations.
 * The edited declarations (none, for an edit between two) are parsed with their unchanged
 * neighbours on either side, from the new text with everything before blanked (offsets and
 * lines stay) and nothing after;
 * the result is used only if that parse has no error and both neighbours come out with exactly
 * their old extent, which shows the edit neither reached into them nor changed where the edited
 * declarations end. Any syntax error, in the old tree or the new part, means a full parse, so
 * the statement-level error recovery (statement-recovery.ts) always sees the whole file.
 * The declarations after the edit keep their nodes; their CST positions move by the edit.
 */
export function reparseDeclarations(parser: LangiumParser, previous: ParseResult<AstNode>, text: string): ParseResult<CascadeFile> | undefined {
    if (!clean(previous)) return undefined;
    const root = previous.value as CascadeFile;
    const rootCst = root.$cstNode as RootCstNodeImpl | undefined;
    if (!rootCst || root.$type !== 'CascadeFile') return undefined;
    const edit = textEdit(rootCst.fullText, text);
    if (!edit) return undefined;
    const declarations = root.declarations;
    // The declarations the edit reaches into; an edit between two of them (a declaration typed
    // there, a blank line) reaches into none: first = last + 1, and the new ones go in between.
    const first = firstWhere(declarations, cst => cst.end >= edit.start);
    const last = firstWhere(declarations, cst => cst.offset > edit.oldEnd) - 1;
    // The first declaration's neighbour before it is the header or an import: parsed whole.
    if (first === 0) return undefined;
    const before = declarations[first - 1].$cstNode!;
    const after = declarations[last + 1]?.$cstNode;
    const fragmentEnd = after ? after.end + edit.delta : text.length;
    const fragment = parser.parse<CascadeFile>(blankBefore(text, before.offset) + text.slice(before.offset, fragmentEnd));
    const parsed = fragment.value;
    if (!clean(fragment) || parsed.header || parsed.imports.length > 0) return undefined;
    const spliced = parsed.declarations.slice(1, after ? -1 : undefined);
    const parsedBefore = parsed.declarations[0]?.$cstNode;
    const parsedAfter = after ? parsed.declarations.at(-1)?.$cstNode : undefined;
    if (!parsedBefore || parsedBefore.offset !== before.offset || parsedBefore.end !== before.end) return undefined;
    if (after && (parsed.declarations.length < 2 || parsedAfter?.offset !== after.offset + edit.delta || parsedAfter.end !== after.end + edit.delta)) return undefined;
    const value = splice(root, text, edit, { first, last, spliced, parsed });
    return value && { value, lexerErrors: [], parserErrors: [], lexerReport: { diagnostics: [] } };
}

function clean(result: ParseResult<AstNode>): boolean {
    return result.lexerErrors.length === 0 && result.parserErrors.length === 0 && (result.lexerReport?.diagnostics.length ?? 0) === 0;
}

/** What changed between two texts: one range, found from their common start and end. */
interface TextEdit {
    /** The first changed offset, the same in both texts. */
    start: number;
    /** The end of the changed range in the old text and in the new one. */
    oldEnd: number;
    newEnd: number;
    /** How far everything after the change moves, in characters and in lines. */
    delta: number;
    lineDelta: number;
    /** The line of `oldEnd` and how far a position on that line after it moves. */
    oldEndLine: number;
    columnDelta: number;
}

function textEdit(oldText: string, text: string): TextEdit | undefined {
    if (oldText === text) return undefined;
    const shorter = Math.min(oldText.length, text.length);
    let start = 0;
    while (start < shorter && oldText.charCodeAt(start) === text.charCodeAt(start)) start++;
    let common = 0;
    while (common < shorter - start && oldText.charCodeAt(oldText.length - 1 - common) === text.charCodeAt(text.length - 1 - common)) common++;
    const oldEnd = oldText.length - common;
    const newEnd = text.length - common;
    const removed = oldText.slice(start, oldEnd);
    const inserted = text.slice(start, newEnd);
    // Lines are counted at '\n'; a lone '\r' (also a line end) is left to a full parse, as is a '\r\n' the edit splits.
    if (/\r(?!\n)/.test(removed) || /\r(?!\n)/.test(inserted) || text.charCodeAt(newEnd - 1) === CR || oldText.charCodeAt(start - 1) === CR) return undefined;
    const lineDelta = lineCount(inserted) - lineCount(removed);
    const oldEndColumn = oldEnd - (oldText.lastIndexOf('\n', oldEnd - 1) + 1);
    const newEndColumn = newEnd - (text.lastIndexOf('\n', newEnd - 1) + 1);
    const oldEndLine = lineCount(oldText.slice(0, oldEnd));
    return { start, oldEnd, newEnd, delta: newEnd - oldEnd, lineDelta, oldEndLine, columnDelta: newEndColumn - oldEndColumn };
}

const CR = 13;

function lineCount(text: string): number {
    let lines = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
    return lines;
}

/** The index of the first declaration whose extent (first to last token) meets `test`, which holds from some index on; the count when none does. */
function firstWhere(declarations: Declaration[], test: (cst: CstNode) => boolean): number {
    let low = 0;
    let high = declarations.length;
    while (low < high) {
        const middle = (low + high) >> 1;
        if (test(declarations[middle].$cstNode!)) high = middle;
        else low = middle + 1;
    }
    return low;
}

/** The text before `offset` as spaces, its line ends kept: the parser sees nothing there, and positions stay. */
function blankBefore(text: string, offset: number): string {
    return text.slice(0, offset).replace(/[^\r\n]+/g, run => ' '.repeat(run.length));
}

interface Replacement {
    /** The old declarations replaced, by index (inclusive). */
    first: number;
    last: number;
    /** Their new nodes, and the tree of the fragment they were parsed in. */
    spliced: Declaration[];
    parsed: CascadeFile;
}

/**
 * A new root holding the old declarations outside the edit and the new ones inside it. Between
 * the two unchanged neighbours, the CST takes everything from the fragment's parse (comments
 * between declarations included); before and after, the old nodes, those after moved by the edit.
 */
function splice(root: CascadeFile, text: string, edit: TextEdit, { first, last, spliced, parsed }: Replacement): CascadeFile | undefined {
    const declarations = root.declarations;
    const oldContent = (root.$cstNode as RootCstNodeImpl).content;
    const parsedContent = (parsed.$cstNode as RootCstNodeImpl).content;
    const after = declarations[last + 1]?.$cstNode;
    const beforeIndex = topLevelIndex(oldContent, declarations[first - 1].$cstNode!);
    const afterIndex = after ? topLevelIndex(oldContent, after) : oldContent.length;
    const parsedStart = topLevelIndex(parsedContent, parsed.declarations[0].$cstNode!) + 1;
    const parsedEnd = after ? topLevelIndex(parsedContent, parsed.declarations.at(-1)!.$cstNode!) : parsedContent.length;
    // Every declaration's CST hangs under the root; a tree where one does not is parsed whole.
    if (beforeIndex < 0 || afterIndex < 0 || parsedStart < 1 || parsedEnd < 0) return undefined;
    const keptBefore = oldContent.slice(0, beforeIndex + 1);
    const keptAfter = oldContent.slice(afterIndex);
    for (const node of keptAfter) move(node, edit);
    const cst = new RootCstNodeImpl(text);
    cst.grammarSource = root.$cstNode!.grammarSource;
    cst.content = [...keptBefore, ...parsedContent.slice(parsedStart, parsedEnd), ...keptAfter];
    for (const node of cst.content) (node as { container?: CstNode }).container = cst;
    const newRoot = { ...root, $cstNode: cst, declarations: [...declarations.slice(0, first), ...spliced, ...declarations.slice(last + 1)] } as CascadeFile;
    cst.astNode = newRoot;
    adopt(newRoot);
    return newRoot;
}

/** The index in the root's content of the node holding `node`. */
function topLevelIndex(content: CstNode[], node: CstNode): number {
    let top = node;
    while (top.container && !content.includes(top)) top = top.container;
    return content.indexOf(top);
}

/** Moves a node and everything in it by the edit: offsets, lines, and columns on the edit's last line. */
function move(node: CstNode, edit: TextEdit): void {
    const leaf = node as unknown as Leaf;
    if ('_offset' in leaf) {
        leaf._offset += edit.delta;
        if (leaf._startLine === edit.oldEndLine) leaf._startColumn += edit.columnDelta;
        if (leaf._endLine === edit.oldEndLine) leaf._endColumn += edit.columnDelta;
        leaf._startLine += edit.lineDelta;
        leaf._endLine += edit.lineDelta;
        return;
    }
    (node as unknown as { _rangeCache: unknown })._rangeCache = undefined;
    for (const child of (node as unknown as { content: CstNode[] }).content) move(child, edit);
}

/** Langium's leaf CST node fields (cst-node-builder.js): positions are stored, not derived. */
interface Leaf {
    _offset: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}

/** The root's children point to it again, at their places. */
function adopt(root: CascadeFile): void {
    const owned = root as unknown as AstNode;
    if (root.header) Object.assign(root.header, { $container: owned });
    root.imports.forEach((node, index) => Object.assign(node, { $container: owned, $containerIndex: index }));
    root.declarations.forEach((node, index) => Object.assign(node, { $container: owned, $containerIndex: index }));
}
