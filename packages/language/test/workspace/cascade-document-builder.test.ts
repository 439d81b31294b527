import { strict as assert } from 'node:assert';
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { CancellationTokenSource } from 'vscode-languageserver';
import { createCascadeServices } from '../../src/cascade-module.js';

describe('a build cancelled as a document is validated', () => {
    it('still publishes that document: its phase listeners run', async () => {
        const { shared } = createCascadeServices(EmptyFileSystem);
        const builder = shared.workspace.DocumentBuilder;
        const edit = new CancellationTokenSource();
        const published: string[] = [];
        // An edit elsewhere arrives the moment the document is validated …
        builder.onDocumentPhase(DocumentState.Validated, () => edit.cancel());
        // … and the listener after it is the one that publishes diagnostics.
        builder.onDocumentPhase(DocumentState.Validated, document => void published.push(document.uri.path));
        const document = shared.workspace.LangiumDocumentFactory.fromString('parameter k = 1', URI.file('/builder/model.cascade'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await builder.build([document], { validation: true }, edit.token).catch(() => undefined);
        assert.equal(document.state, DocumentState.Validated);
        assert.deepEqual(published, ['/builder/model.cascade']);
    });
});
