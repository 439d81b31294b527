import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { Cascade, documentAt } from './lsp-services.js';

describe('document links', () => {
    it('links an import path to the file it resolves to, and not a missing one', async () => {
        await documentAt('file:///links/shared/cofactors.cascade', 'cofactor BH4\n');
        const text = 'import "./shared/cofactors.cascade"\nimport "./missing.cascade"\n';
        const document = await documentAt('file:///links/model.cascade', text);
        const links = await Cascade.lsp.DocumentLinkProvider!.getDocumentLinks(document, { textDocument: { uri: document.uri.toString() } });
        assert.equal(links.length, 1);
        assert.equal(links[0].target, 'file:///links/shared/cofactors.cascade');
        assert.equal(document.textDocument.getText(links[0].range), '"./shared/cofactors.cascade"');
    });
});
