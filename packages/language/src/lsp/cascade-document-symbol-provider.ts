import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { isInitialAssignment, isRateRule, isWhenEvent, type CascadeFile, type Declaration } from '../generated/ast.js';
import { declarationKind } from './declaration-kinds.js';
import { symbolPresentation } from './symbol-presentation.js';
import { written } from './value-text.js';

const MEMBER_NAME_LENGTH = 60;

/**
 * The outline: the model header, imports, and every declaration with the symbol kind of its
 * kind (species, enzymes, receptors … each their own icon) and its block members as children.
 */
export class CascadeDocumentSymbolProvider implements DocumentSymbolProvider {
    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const root = document.parseResult.value as CascadeFile;
        const header = root.header ? [symbol(root.header, `model ${root.header.name}`, SymbolKind.Module, root.header.title)] : [];
        const imports = root.imports.map(node => symbol(node, node.path ?? '', SymbolKind.File, 'import'));
        return [...header, ...imports, ...root.declarations.flatMap(declarationSymbol)];
    }
}

function declarationSymbol(declaration: Declaration): DocumentSymbol[] {
    if (!declaration.$cstNode) return [];
    const kind = declarationKind(declaration);
    if (kind) {
        const presentation = symbolPresentation(kind);
        const title = (declaration as { title?: string }).title;
        const name = (declaration as { name?: string }).name ?? '';
        const result = symbol(declaration, name, presentation.symbolKind, title ? `${presentation.label} — ${title}` : presentation.label);
        const children = childrenOf(declaration).map(child => symbol(child, truncate(written(child)), SymbolKind.Field));
        return [children.length > 0 ? { ...result, children } : result];
    }
    if (isRateRule(declaration)) return [symbol(declaration, `rate of ${declaration.target?.$refText ?? '?'}`, SymbolKind.Operator, 'rate rule')];
    if (isInitialAssignment(declaration)) return [symbol(declaration, `initial ${declaration.target?.$refText ?? '?'}`, SymbolKind.Operator, 'initial value')];
    if (isWhenEvent(declaration)) return [symbol(declaration, truncate(`when ${written(declaration.condition)}`), SymbolKind.Event, 'event')];
    return [];
}

/** Block members, scenario statements and cascade items. */
function childrenOf(declaration: Declaration): AstNode[] {
    const { members, statements, items } = declaration as { members?: AstNode[]; statements?: AstNode[]; items?: AstNode[] };
    return members ?? statements ?? items ?? [];
}

function symbol(node: AstNode, name: string, kind: SymbolKind, detail?: string): DocumentSymbol {
    const range = node.$cstNode!.range;
    const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
    return { name: name || '?', kind, detail, range, selectionRange: nameNode?.range ?? range };
}

function truncate(text: string): string {
    return text.length > MEMBER_NAME_LENGTH ? `${text.slice(0, MEMBER_NAME_LENGTH - 1)}…` : text;
}
