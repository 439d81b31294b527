import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'mocha';
import { expectFormatting } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Cascade, documentAt } from './lsp-services.js';

const format = expectFormatting(Cascade);
const EXAMPLES = fileURLToPath(new URL('../../../../../examples/', import.meta.url));

/** The document's text after formatting, and its AST as JSON (positions left out). */
async function formatted(text: string, uri = 'file:///format/model.cascade'): Promise<{ text: string; ast: string }> {
    const document = await documentAt(uri, text, false);
    const edits = await Cascade.lsp.Formatter!.formatDocument(document, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    return { text: TextDocument.applyEdits(document.textDocument, edits), ast: Cascade.serializer.JsonSerializer.serialize(document.parseResult.value, { comments: true }) };
}

describe('formatter', () => {
    it('lays out blocks one member per line with 4-space indentation, and declarations apart', async () => {
        await format({
            before: 'compartment c { volume 1 pL }\ntransmitter S in c { initial 1.2   uM  fixed   tone  inhibitory }\nenzyme E {\nconverts 2 S+S->S\n  vmax 2*( 3  uM/min + -1 uM/min)   km S 30 %\n}',
            after: 'compartment c { volume 1 pL }\n\ntransmitter S in c {\n    initial 1.2 uM\n    fixed\n    tone inhibitory\n}\n\nenzyme E {\n    converts 2 S + S -> S\n    vmax 2 * (3 uM/min + -1 uM/min)\n    km S 30%\n}\n'
        });
    });

    it('spaces expressions: around operators and after commas, none inside parentheses or before a call', async () => {
        await format({
            before: 'rule r = exp ( S / 1 uM ) + hill(S,2uM,1)^2\nfunction f( x, k ) = x/(k+x)\nparameter p = - 5 uM',
            after: 'rule r = exp(S / 1 uM) + hill(S, 2 uM, 1) ^ 2\n\nfunction f(x, k) = x / (k + x)\n\nparameter p = -5 uM\n'
        });
    });

    it('lays out a population one item per line, a distribution like a call', async () => {
        await format({
            before: 'population P { from Base\n  vary X supply lognormal( cv 30% ) truncated   vary E km uniform (from 1 uM to 2 uM) size 10 seed 3\n measure X at steady }',
            after: 'population P {\n    from Base\n    vary X supply lognormal(cv 30%) truncated\n    vary E km uniform(from 1 uM to 2 uM)\n    size 10\n    seed 3\n    measure X\n    at steady\n}\n'
        });
    });

    it('nests scenario blocks and keeps single actions inline', async () => {
        await format({
            before: 'scenario X { simulate 1 h step 1 min\n observe S , R.occupancy\n at 6 h inhibit E 50 %\n when S > 1 uM and not S < 2 uM { dose S 1 uM set S 2 uM }\n}',
            after: 'scenario X {\n    simulate 1 h step 1 min\n    observe S, R.occupancy\n    at 6 h inhibit E 50%\n    when S > 1 uM and not S < 2 uM {\n        dose S 1 uM\n        set S 2 uM\n    }\n}\n'
        });
    });

    it('lays out data points and fit items one per line; bounds in brackets without inner spaces; `+-` kept whole', async () => {
        await format({
            before: 'scenario B { simulate 1 h }\ntransmitter S { initial 1 uM }\nparameter k = 1 /min\ndata D { B S at steady 20 nM ±  5 nM   B S at 30 min 25 nM +- 5 nM }\nfit F { data D  estimate k in [ 0.1 /min ,10 /min ] log include expects lognormal }',
            after: 'scenario B { simulate 1 h }\n\ntransmitter S { initial 1 uM }\n\nparameter k = 1 /min\n\ndata D {\n    B S at steady 20 nM ± 5 nM\n    B S at 30 min 25 nM +- 5 nM\n}\n\nfit F {\n    data D\n    estimate k in [0.1 /min, 10 /min] log\n    include expects\n    lognormal\n}\n'
        });
    });

    it('keeps comments where they are, doc comments on their declaration, and at most one blank line', async () => {
        await format({
            before: 'model M "t"\nimport "a.cascade"\nimport "b.cascade"\n// shared pools\n/** Serotonin. */\ntransmitter S { initial 1 uM   // resting\n\n\n\n  supply 1 uM/min }   // why\nprecursor T',
            after: 'model M "t"\n\nimport "a.cascade"\nimport "b.cascade"\n\n// shared pools\n/** Serotonin. */\ntransmitter S {\n    initial 1 uM // resting\n\n    supply 1 uM/min\n} // why\n\nprecursor T\n'
        });
    });

    it('leaves a file that does not parse untouched', async () => {
        const { text } = await formatted('enzyme E {  vmax 2 uM/min  ');
        assert.equal(text, 'enzyme E {  vmax 2 uM/min  ');
    });

    it('formats only inside the given range', async () => {
        await format({
            before: 'parameter a =  1\nparameter b =  2\nparameter c =  3',
            range: { start: { line: 1, character: 0 }, end: { line: 1, character: 16 } },
            after: 'parameter a =  1\nparameter b = 2\nparameter c =  3'
        });
    });

    describe('on every example model', () => {
        for (const file of readdirSync(EXAMPLES).filter(name => name.endsWith('.cascade'))) {
            it(`${file}: formatting twice gives the same text, and the model is unchanged`, async () => {
                const original = readFileSync(EXAMPLES + file, 'utf8');
                const once = await formatted(original);
                const twice = await formatted(once.text, 'file:///format/again.cascade');
                assert.equal(twice.text, once.text);
                assert.equal(twice.ast, once.ast, 'the re-parsed AST differs');
                assert.notEqual(once.text, '');
            });
        }
    });
});
