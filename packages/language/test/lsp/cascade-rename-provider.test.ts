import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import type { LangiumDocument } from 'langium';
import { ErrorCodes, ResponseError, type TextEdit } from 'vscode-languageserver';
import { Cascade, documentAt } from './lsp-services.js';

const LIBRARY = 'file:///rename/library.cascade';
const MODEL = 'file:///rename/model.cascade';

const libraryText = 'parameter k = 0.1 /min\nparameter shared_name = 2\n';
const modelText = [
    'import "./library.cascade"',
    'compartment c { volume 1 uL }',
    'precursor A in c { initial 1 uM  clearance k }',
    'function sat(x, y) = x / (y + A)',
    'parameter z = 3',
    'rule r = sat(A, 1 uM)',
    ''
].join('\n');

function positionOf(document: LangiumDocument, text: string) {
    const offset = document.textDocument.getText().indexOf(text);
    assert.ok(offset >= 0, `'${text}' not found`);
    return document.textDocument.positionAt(offset);
}

/** What the editor would show for renaming `name` (at its first occurrence from `at`) to `newName`. */
async function refusal(document: LangiumDocument, at: string, newName: string): Promise<ResponseError<unknown>> {
    try {
        await Cascade.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, at), newName });
    } catch (error) {
        assert.ok(error instanceof ResponseError, String(error));
        return error;
    }
    assert.fail(`renaming to ${JSON.stringify(newName)} was accepted`);
}

describe('rename refuses new names that would not check clean', () => {
    let model: LangiumDocument;

    before(async () => {
        await documentAt(LIBRARY, libraryText);
        model = await documentAt(MODEL, modelText);
    });

    const notNames: [string, RegExp][] = [
        ['model', /keyword/], ['in', /keyword/], ['t', /keyword.*built-in/], ['balance', /keyword.*built-in/],
        ['', /new name is needed/], ['x y', /not a name/], ['1abc', /not a name/], ['k\nparameter z = 1', /not a name/],
        ['A;', /not a name/], ['Ä', /not a name/]
    ];
    for (const [newName, message] of notNames) {
        it(`refuses ${JSON.stringify(newName)} with an error the editor shows`, async () => {
            const error = await refusal(model, 'z =', newName);
            assert.equal(error.code, ErrorCodes.InvalidParams);
            assert.match(error.message, message);
        });
    }

    it('refuses a name declared in the same file', async () => {
        assert.match((await refusal(model, 'z =', 'A')).message, /'A' is already declared \(model\.cascade:3\)/);
    });

    it('refuses a name declared in an imported file, and one the importing file declares', async () => {
        assert.match((await refusal(model, 'z =', 'shared_name')).message, /already declared \(library\.cascade:2\)/);
        const library = await documentAt(LIBRARY, libraryText);
        assert.match((await refusal(library, 'k =', 'z')).message, /already declared \(model\.cascade:5\)/);
    });

    it('refuses a function parameter name taken by another parameter, and a name a parameter would capture', async () => {
        assert.match((await refusal(model, 'x,', 'y')).message, /'sat' already has a parameter 'y'/);
        assert.match((await refusal(model, 'A in', 'y')).message, /'sat' has a parameter 'y'/);
    });

    it('still renames to a free name, a built-in function name and a unit atom', async () => {
        for (const newName of ['z2', 'exp', 'uM']) {
            const edit = await Cascade.lsp.RenameProvider!.rename(model, { textDocument: { uri: MODEL }, position: positionOf(model, 'z ='), newName });
            assert.deepEqual(edit!.changes![MODEL].map((e: TextEdit) => e.newText), [newName]);
        }
    });

    it('prepareRename on something that is not a declared name is an error, not a silent no', async () => {
        const params = { textDocument: { uri: MODEL }, position: positionOf(model, 'compartment') };
        await assert.rejects(Promise.resolve().then(() => Cascade.lsp.RenameProvider!.prepareRename(model, params)), ResponseError);
        const range = await Cascade.lsp.RenameProvider!.prepareRename(model, { textDocument: { uri: MODEL }, position: positionOf(model, 'z =') });
        assert.deepEqual(range && 'start' in range ? range.start : undefined, positionOf(model, 'z ='));
    });
});
