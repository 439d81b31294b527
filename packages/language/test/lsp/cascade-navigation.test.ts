import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import { SymbolKind, type Location, type LocationLink, type WorkspaceSymbol } from 'vscode-languageserver';
import type { LangiumDocument } from 'langium';
import { Cascade, documentAt, shared } from './lsp-services.js';

const COFACTORS = 'file:///nav/cofactors.cascade';
const MODEL = 'file:///nav/model.cascade';
const OUTSIDER = 'file:///nav/other.cascade';

const cofactorsText = '/** Tetrahydrobiopterin. */\ncofactor BH4 { initial 1 uM fixed }\n';
const modelText = [
    'import "./cofactors.cascade"',
    'precursor Trp { initial 50 uM }',
    'intermediate FiveHTP',
    'enzyme TPH2 {',
    '    converts Trp -> FiveHTP',
    '    vmax 2 uM/min',
    '    km 40 uM',
    '    requires BH4 km 20 uM',
    '}',
    'rule ratio = BH4 / Trp',
    ''
].join('\n');

/** The position of the n-th occurrence of `name` in `document`. */
function positionOf(document: LangiumDocument, name: string, occurrence = 0) {
    const text = document.textDocument.getText();
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) offset = text.indexOf(name, offset + 1);
    assert.ok(offset >= 0, `'${name}' #${occurrence} not found`);
    return document.textDocument.positionAt(offset + 1);
}

describe('navigation across imports', () => {
    let cofactors: LangiumDocument;
    let model: LangiumDocument;

    before(async () => {
        cofactors = await documentAt(COFACTORS, cofactorsText);
        model = await documentAt(MODEL, modelText);
        await documentAt(OUTSIDER, 'cofactor BH4b\nprecursor Unrelated\n');
    });

    it('goes to the definition in the imported file', async () => {
        const links = await Cascade.lsp.DefinitionProvider!.getDefinition(model, { textDocument: { uri: MODEL }, position: positionOf(model, 'BH4') }) as LocationLink[];
        assert.equal(links.length, 1);
        assert.equal(links[0].targetUri, COFACTORS);
        assert.equal(links[0].targetSelectionRange.start.line, 1);
        assert.equal(links[0].targetSelectionRange.start.character, 'cofactor '.length);
    });

    it('finds every reference, in the importing file too', async () => {
        const references = await Cascade.lsp.ReferencesProvider!.findReferences(cofactors, {
            textDocument: { uri: COFACTORS }, position: positionOf(cofactors, 'BH4'), context: { includeDeclaration: true }
        }) as Location[];
        const where = references.map(r => `${r.uri.split('/').pop()}:${r.range.start.line}`).sort();
        assert.deepEqual(where, ['cofactors.cascade:1', 'model.cascade:7', 'model.cascade:9']);
    });

    it('renames a declaration and all its uses across files', async () => {
        const edit = await Cascade.lsp.RenameProvider!.rename(model, { textDocument: { uri: MODEL }, position: positionOf(model, 'BH4', 1), newName: 'Biopterin' });
        const changes = edit!.changes!;
        assert.deepEqual(Object.keys(changes).sort(), [COFACTORS, MODEL]);
        assert.equal(changes[COFACTORS].length, 1);
        assert.equal(changes[MODEL].length, 2);
        assert.ok([...changes[COFACTORS], ...changes[MODEL]].every(e => e.newText === 'Biopterin'));
    });

    it('renames a species at its declaration and its uses in an equation and a rule within one file', async () => {
        const edit = await Cascade.lsp.RenameProvider!.rename(model, { textDocument: { uri: MODEL }, position: positionOf(model, 'Trp'), newName: 'Tryptophan' });
        assert.equal(edit!.changes![MODEL].length, 3);
        assert.equal(edit!.changes![COFACTORS], undefined);
    });

    it('lists workspace symbols with a symbol kind per declaration kind', async () => {
        // Other test files leave their documents in the shared workspace; look at this folder's.
        const inFolder = (s: WorkspaceSymbol) => (s.location as Location).uri.startsWith('file:///nav/');
        const symbols = (await shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'BH4' }) as WorkspaceSymbol[]).filter(inFolder);
        const found = symbols.filter(s => s.name === 'BH4');
        assert.equal(found.length, 1);
        assert.equal(found[0].kind, SymbolKind.Variable);
        assert.equal((found[0].location as Location).uri, COFACTORS);
        const enzyme = (await shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'TPH' }) as WorkspaceSymbol[]).filter(inFolder).find(s => s.name === 'TPH2');
        assert.equal(enzyme?.kind, SymbolKind.Class);
    });
});
