import { DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { isModelHeader, isImport } from '../generated/ast.js';

/**
 * Exports every top-level declaration of a file. Function parameters are the only
 * nested names, and the scope provider reads them from their function directly,
 * so no per-node local symbol table is built (it costs time on large files).
 */
export class CascadeScopeComputation extends DefaultScopeComputation {
    protected override addExportedSymbol(node: AstNode, exports: AstNodeDescription[], document: LangiumDocument): void {
        if (isModelHeader(node) || isImport(node)) return;
        super.addExportedSymbol(node, exports, document);
    }

    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap();
    }
}
