import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { LangiumDocument } from 'langium';
import { Cascade, documentAt } from './lsp-services.js';

const BAD_INPUTS: Record<string, string> = {
    'binary garbage': '\u0000\u0001\u0002\u00ff{{{ ))) 5 uM enzyme } -> ->\u0007',
    'an unterminated string': 'compartment c "never closed { volume 1 pL }\nprecursor A',
    'an unterminated comment': 'precursor A { initial 1 uM }\n/** still open\nenzyme E {',
    '10,000 nested parentheses': `parameter p = ${'('.repeat(10_000)}1${')'.repeat(10_000)}`,
    'a 1 MB string on one line': `compartment c "${'x'.repeat(1_000_000)}" { volume 1 pL }  precursor A in c { initial 1 uM }`
};

/** Every editor feature of this folder, asked at the middle and the end of the document. */
async function askEverything(document: LangiumDocument): Promise<void> {
    const textDocument = { uri: document.uri.toString() };
    const length = document.textDocument.getText().length;
    for (const offset of [Math.floor(length / 2), length]) {
        const position = document.textDocument.positionAt(offset);
        await Cascade.lsp.CompletionProvider!.getCompletion(document, { textDocument, position });
        await Cascade.lsp.HoverProvider!.getHoverContent(document, { textDocument, position });
    }
    await Cascade.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
    await Cascade.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument });
    await Cascade.lsp.DocumentLinkProvider!.getDocumentLinks(document, { textDocument });
    await Cascade.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument });
    await Cascade.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument, range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(length) }, context: { diagnostics: document.diagnostics ?? [] }
    });
    const edits = await Cascade.lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 4, insertSpaces: true } });
    if ((document.parseResult.parserErrors.length > 0 || document.parseResult.lexerErrors.length > 0)) assert.deepEqual(edits, [], 'a file that does not parse is not reformatted');
}

describe('editor features on bad input', () => {
    for (const [what, text] of Object.entries(BAD_INPUTS)) {
        it(`answer without throwing on ${what}, and still complete a good file after it`, async () => {
            const document = await documentAt('file:///bad/input.cascade', text, false);
            await askEverything(document);
            const good = await documentAt('file:///bad/good.cascade', 'receptor R { binds A }\nrule r = R.', false);
            const list = await Cascade.lsp.CompletionProvider!.getCompletion(good, {
                textDocument: { uri: good.uri.toString() }, position: good.textDocument.positionAt(good.textDocument.getText().length)
            });
            assert.deepEqual(list?.items.map(item => item.label), ['occupancy', 'activation']);
        });
    }
});
