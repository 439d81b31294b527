import { AstUtils, CstUtils, isReference, type AstNode, type LeafCstNode } from 'langium';
import { AbstractSemanticTokenProvider, AllSemanticTokenModifiers, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isCall, isQuantity, isRef } from '../generated/ast.js';
import { declarationKind } from './declaration-kinds.js';
import { SPECIES_TOKEN_MODIFIERS, symbolPresentation } from './symbol-presentation.js';

/** The LSP modifiers plus one per species kind, each its own bit after Langium's. */
const MODIFIERS: Record<string, number> = {
    ...AllSemanticTokenModifiers,
    ...Object.fromEntries(SPECIES_TOKEN_MODIFIERS.map((modifier, i) => [modifier, 1 << (Object.keys(AllSemanticTokenModifiers).length + i)]))
};

/**
 * Colours names by what they denote (declarations and uses alike): species by kind (token type
 * `variable` with a `precursor`/`cofactor`/… modifier), enzymes, transporters, receptors,
 * modulators, parameters and functions by their own token types, and units as `type`.
 * Keywords, strings and comments are left to the TextMate grammar.
 */
export class CascadeSemanticTokenProvider extends AbstractSemanticTokenProvider {
    override get tokenModifiers(): Record<string, number> {
        return MODIFIERS;
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const kind = declarationKind(node);
        if (kind && 'name' in node) {
            const presentation = symbolPresentation(kind);
            acceptor({ node, property: 'name', type: presentation.tokenType, modifier: [SemanticTokenModifiers.declaration, ...presentation.tokenModifiers] });
        }
        // References carry their CST node: no search for the property (the bulk of the work otherwise).
        for (const { reference } of AstUtils.streamReferences(node)) {
            const cst = reference.$refNode;
            if (!cst) continue;
            const target = isReference(reference) ? reference.ref : undefined;
            if (target) {
                const presentation = symbolPresentation(declarationKind(target));
                acceptor({ cst, type: presentation.tokenType, modifier: presentation.tokenModifiers });
            } else if (isCall(node)) {
                acceptor({ cst, type: SemanticTokenTypes.function, modifier: SemanticTokenModifiers.defaultLibrary });
            }
        }
        if (isRef(node) && node.member) this.highlightLeaves(node, leaf => (leaf.text === node.member ? SemanticTokenTypes.enumMember : undefined), acceptor);
        if (isQuantity(node)) this.highlightLeaves(node, leaf => (leaf.tokenType.name === 'UNIT' ? SemanticTokenTypes.type : SemanticTokenTypes.number), acceptor);
    }

    private highlightLeaves(node: AstNode, typeOf: (leaf: LeafCstNode) => string | undefined, acceptor: SemanticTokenAcceptor): void {
        for (const leaf of CstUtils.flattenCst(node.$cstNode!)) {
            const type = typeOf(leaf);
            if (!type || leaf.hidden) continue;
            // The UNIT token carries the spaces after the number; colour the unit alone.
            const lead = leaf.text.length - leaf.text.trimStart().length;
            const start = leaf.range.start;
            acceptor({ line: start.line, char: start.character + lead, length: leaf.text.length - lead, type });
        }
    }
}
