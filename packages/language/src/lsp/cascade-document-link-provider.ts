import { GrammarUtils, type LangiumDocument } from 'langium';
import type { DocumentLinkProvider } from 'langium/lsp';
import type { DocumentLink } from 'vscode-languageserver';
import type { CascadeServices } from '../cascade-module.js';
import type { CascadeFile } from '../generated/ast.js';
import type { CascadeImports } from '../scoping/cascade-imports.js';

/** Import paths are links to the file they resolve to (a missing file is a diagnostic, not a link). */
export class CascadeDocumentLinkProvider implements DocumentLinkProvider {
    private readonly imports: CascadeImports;

    constructor(services: CascadeServices) {
        this.imports = services.references.CascadeImports;
    }

    getDocumentLinks(document: LangiumDocument): DocumentLink[] {
        return (document.parseResult.value as CascadeFile).imports.flatMap(node => {
            const target = this.imports.resolve(node, document);
            const path = GrammarUtils.findNodeForProperty(node.$cstNode, 'path');
            if (target.kind !== 'resolved' || !path) return [];
            return [{ range: path.range, target: target.uri.toString(), tooltip: `Open ${target.uri.path.split('/').pop()}` }];
        });
    }
}
