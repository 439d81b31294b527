import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';

/** A quick fix for one diagnostic, editing the diagnostic's document. */
export function quickFix(title: string, document: LangiumDocument, diagnostic: Diagnostic, edits: TextEdit[], isPreferred = false): CodeAction {
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred,
        edit: { changes: { [document.uri.toString()]: edits } }
    };
}

/** The innermost AST node at the start of the diagnostic's range. */
export function nodeAt(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    return root ? CstUtils.findLeafNodeAtOffset(root, offset)?.astNode : undefined;
}
