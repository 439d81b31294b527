import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import { isCascadeFile, isDeclaration, isScenario, isTimedAction, isWhenEvent } from '../generated/ast.js';

/**
 * Folds declarations and the blocks inside scenarios (`when`, `at T { … }`), block comments,
 * and runs of `//` lines; not expressions that happen to span lines.
 */
export class CascadeFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override shouldProcess(node: AstNode): boolean {
        return isDeclaration(node) || isWhenEvent(node) || isTimedAction(node);
    }

    protected override shouldProcessContent(node: AstNode): boolean {
        return isCascadeFile(node) || isScenario(node) || isWhenEvent(node) || isTimedAction(node);
    }

    protected override collectCommentFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        super.collectCommentFolding(document, node, acceptor);
        const lines = node.$cstNode ? CstUtils.flattenCst(node.$cstNode)
            .filter(leaf => leaf.tokenType.name === 'SL_COMMENT')
            .map(leaf => leaf.range.start.line)
            .toArray() : [];
        let start = 0;
        for (let i = 1; i <= lines.length; i++) {
            if (i < lines.length && lines[i] === lines[i - 1] + 1) continue;
            if (i - start > 1) acceptor(FoldingRange.create(lines[start], lines[i - 1], undefined, undefined, FoldingRangeKind.Comment));
            start = i;
        }
    }
}
