import { DefaultReferenceDescriptionProvider, type LangiumDocument, type ReferenceDescription } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { referencesOf, visitNodes } from '../workspace/ast-walk.js';

/** Indexes a document's resolved references (for find-references and rename), walking the tree by plain recursion. */
export class CascadeReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        await visitNodes(document.parseResult.value, cancelToken, node => {
            for (const reference of referencesOf(node)) {
                if (!reference.reference.error) descriptions.push(...this.createInfoDescriptions(reference));
            }
        });
        return descriptions;
    }
}
