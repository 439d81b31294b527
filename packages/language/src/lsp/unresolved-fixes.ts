import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { isCascadeFile, isDeclaration } from '../generated/ast.js';
import type { CascadeScopeProvider } from '../scoping/cascade-scope-provider.js';
import { rankCandidate } from './completion-names.js';
import { BUILTIN_NAMES } from './completion-snippets.js';
import { declarationStub, kindForUse } from './declaration-stub.js';
import { nearestNames } from './edit-distance.js';
import { nodeAt, quickFix } from './quick-fix.js';

/** What Langium's linker records on an unresolved reference. */
interface LinkingData {
    containerType?: string;
    property?: string;
    refText?: string;
}

/**
 * `unresolved`: replace the name with the nearest visible name that fits the place
 * (edit distance at most about a third of its length), or declare it, with the kind the
 * place needs, just before the declaration that uses it.
 */
export function unresolvedFixes(document: LangiumDocument, diagnostic: Diagnostic, scope: CascadeScopeProvider): CodeAction[] {
    const { containerType, property, refText } = (diagnostic.data ?? {}) as LinkingData;
    const container = nodeAt(document, diagnostic);
    if (!refText || !property || !container) return [];
    const slot = `${containerType}.${property}`;
    const fitting = scope.visibleScope(document).getAllElements()
        .filter(description => rankCandidate(slot, description, container) !== undefined)
        .map(description => description.name);
    const candidates = slot === 'Call.func' ? [...fitting, ...BUILTIN_NAMES] : fitting;
    const renames = nearestNames(refText, candidates).map((name, index) =>
        quickFix(`Change to '${name}'`, document, diagnostic, [{ range: diagnostic.range, newText: name }], index === 0));
    const declare = declareFix(document, diagnostic, refText, kindForUse(slot, container), container);
    return declare ? [...renames, declare] : renames;
}

function declareFix(document: LangiumDocument, diagnostic: Diagnostic, name: string, kind: string, container: AstNode): CodeAction | undefined {
    const user = AstUtils.getContainerOfType(container, (node): node is AstNode => isDeclaration(node) && isCascadeFile(node.$container));
    if (!user?.$cstNode) return undefined;
    // Above the user's doc comment, so the comment stays with its declaration.
    const docComment = CstUtils.findCommentNode(user.$cstNode, ['ML_COMMENT']);
    const position = document.textDocument.positionAt(docComment?.offset ?? user.$cstNode.offset);
    const text = `${declarationStub(kind, name, container)}\n\n`;
    return quickFix(`Declare ${kind} '${name}'`, document, diagnostic, [{ range: { start: position, end: position }, newText: text }]);
}
