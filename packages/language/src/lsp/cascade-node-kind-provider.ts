import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import type { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import { declarationKind } from './declaration-kinds.js';
import { symbolPresentation } from './symbol-presentation.js';

/** Symbol and completion kinds per Cascade declaration kind (workspace symbols, completion). */
export class CascadeNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return symbolPresentation(declarationKind(nodeOf(node))).symbolKind;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return symbolPresentation(declarationKind(nodeOf(node))).completionKind;
    }
}

function nodeOf(node: AstNode | AstNodeDescription): AstNode | undefined {
    return '$type' in node ? node : node.node;
}
