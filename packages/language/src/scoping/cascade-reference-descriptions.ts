import { DefaultReferenceDescriptionProvider, type LangiumDocument, type ReferenceDescription } from 'langium';
import { allNodes, referencesOf } from '../workspace/ast-walk.js';

/** Describes a document's resolved references (for find-references and rename) in one plain walk of the tree. */
export class CascadeReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    /** Synchronous, for the index that describes documents when first asked (cascade-index-manager.ts). */
    describe(document: LangiumDocument): ReferenceDescription[] {
        return allNodes(document.parseResult.value).flatMap(node => referencesOf(node)
            .filter(info => !info.reference.error)
            .flatMap(info => this.createInfoDescriptions(info)));
    }

    override async createDescriptions(document: LangiumDocument): Promise<ReferenceDescription[]> {
        return this.describe(document);
    }
}
