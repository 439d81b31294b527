import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { isCascadeFile } from '../generated/ast.js';
import { nodeAt, quickFix } from './quick-fix.js';

/** `unused`: remove the declaration with its doc comment and the blank line after it. */
export function removeDeclarationFix(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const node = nodeAt(document, diagnostic);
    const declaration = node && AstUtils.getContainerOfType(node, (n): n is AstNode => isCascadeFile(n.$container));
    if (!declaration?.$cstNode) return [];
    const text = document.textDocument.getText();
    const docComment = CstUtils.findCommentNode(declaration.$cstNode, ['ML_COMMENT']);
    let start = docComment?.offset ?? declaration.$cstNode.offset;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (text.slice(lineStart, start).trim() === '') start = lineStart;
    // Through the end of the line, then one blank line if there is one.
    const end = /^[ \t]*(\/\/[^\n]*)?(\r?\n)?([ \t]*\r?\n)?/.exec(text.slice(declaration.$cstNode.end))![0].length + declaration.$cstNode.end;
    const name = (declaration as { name?: string }).name ?? 'declaration';
    const range = { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) };
    return [quickFix(`Remove unused '${name}'`, document, diagnostic, [{ range, newText: '' }], true)];
}
