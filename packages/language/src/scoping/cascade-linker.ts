import { DefaultLinker, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { referencesOf, visitNodes } from '../workspace/ast-walk.js';

/** Links every reference of a document, walking the tree by plain recursion (ast-walk.ts). */
export class CascadeLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        await visitNodes(document.parseResult.value, cancelToken, node => {
            for (const reference of referencesOf(node)) this.doLink(reference, document);
        });
    }
}
