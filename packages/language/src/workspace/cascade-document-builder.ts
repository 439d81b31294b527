import { DefaultDocumentBuilder, type DocumentState, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';

/**
 * Tells a document phase's listeners once the document has reached it, even when the build is
 * cancelled at that moment. Langium checks for cancellation before each listener and skips the
 * rest, so a document validated just before an edit elsewhere cancelled the build never had its
 * diagnostics published: it is not validated again. Seen when an editor opens 40 files at once.
 */
export class CascadeDocumentBuilder extends DefaultDocumentBuilder {
    protected override notifyDocumentPhase(document: LangiumDocument, state: DocumentState): Promise<void> {
        return super.notifyDocumentPhase(document, state, CancellationToken.None);
    }
}
