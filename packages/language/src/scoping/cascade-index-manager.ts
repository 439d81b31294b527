import { DefaultIndexManager, isReference, type AstNode, type LangiumDocument, type ReferenceDescription, type Stream, type URI } from 'langium';
import { CascadeReferenceDescriptionProvider } from './cascade-reference-descriptions.js';

/**
 * Describes a document's references (source path, range, target) when find-references or rename
 * first needs them, not in every build: on the 200-file workspace that description was 10 % of
 * the time to the first diagnostics, for an index most sessions never read. Whether a change
 * affects a document is answered from its linked references directly.
 */
export class CascadeIndexManager extends DefaultIndexManager {
    /** Linked documents whose references are not described yet. */
    private readonly undescribed = new Map<string, LangiumDocument>();

    override async updateReferences(document: LangiumDocument): Promise<void> {
        const uri = document.uri.toString();
        this.referenceIndex.delete(uri);
        this.undescribed.set(uri, document);
    }

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        this.undescribed.delete(uri.toString());
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        for (const [uri, document] of this.undescribed) {
            const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
            if (provider instanceof CascadeReferenceDescriptionProvider) this.referenceIndex.set(uri, provider.describe(document));
        }
        this.undescribed.clear();
        return super.findAllReferences(targetNode, astNodePath);
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const own = document.uri.toString();
        return document.references.some(reference => {
            const target = isReference(reference) ? reference.$nodeDescription?.documentUri.toString() : undefined;
            return target !== undefined && target !== own && changedUris.has(target);
        });
    }
}
