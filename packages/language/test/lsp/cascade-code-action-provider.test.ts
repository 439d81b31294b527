import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { Cascade, documentAt } from './lsp-services.js';

/** The quick fixes offered for the one diagnostic of `code` on `name`, and the text each would produce. */
async function fixes(text: string, code: string, name?: string): Promise<{ diagnostic: Diagnostic; actions: { title: string; result: string; preferred: boolean }[] }> {
    const document = await documentAt('file:///fixes/model.cascade', text);
    const diagnostic = document.diagnostics!.find(d => d.code === code && (!name || document.textDocument.getText(d.range) === name));
    assert.ok(diagnostic, `no ${code} diagnostic${name ? ` on '${name}'` : ''} in:\n${document.diagnostics!.map(d => `${d.code}: ${d.message}`).join('\n')}`);
    const actions = await Cascade.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    }) as CodeAction[];
    return {
        diagnostic,
        actions: actions.map(action => ({
            title: action.title,
            preferred: action.isPreferred === true,
            result: TextDocument.applyEdits(document.textDocument, action.edit!.changes![document.uri.toString()])
        }))
    };
}

const SPECIES = 'transmitter Serotonin { initial 1 uM }\ncofactor BH4 { initial 1 uM fixed }\n';

describe('quick fixes', () => {
    describe('unresolved', () => {
        it('replaces a misspelled name with the nearest declared one that fits the place', async () => {
            const { actions } = await fixes(`${SPECIES}enzyme MAOA {\n    converts Serotnin ->\n    vmax 1 uM/min\n    km 2 uM\n}\n`, 'unresolved', 'Serotnin');
            assert.equal(actions[0].title, "Change to 'Serotonin'");
            assert.ok(actions[0].preferred);
            assert.ok(actions[0].result.includes('converts Serotonin ->'));
        });

        it('does not offer a name far from the written one', async () => {
            const { actions } = await fixes(`${SPECIES}enzyme MAOA {\n    converts GABA ->\n    vmax 1 uM/min\n    km 2 uM\n}\n`, 'unresolved', 'GABA');
            assert.deepEqual(actions.map(a => a.title), ["Declare precursor 'GABA'"]);
        });

        it('offers built-in functions for a misspelled call', async () => {
            const { actions } = await fixes(`${SPECIES}rule r = exq(Serotonin / 1 uM)\n`, 'unresolved', 'exq');
            assert.equal(actions[0].title, "Change to 'exp'");
        });

        it('declares a missing product as a species just above the enzyme that uses it', async () => {
            const { actions } = await fixes(`${SPECIES}/** Monoamine oxidase A. */\nenzyme MAOA {\n    converts Serotonin -> HIAA\n    vmax 1 uM/min\n    km 2 uM\n}\n`, 'unresolved', 'HIAA');
            const declare = actions.find(a => a.title === "Declare intermediate 'HIAA'")!;
            assert.equal(declare.result, `${SPECIES}intermediate HIAA\n\n/** Monoamine oxidase A. */\nenzyme MAOA {\n    converts Serotonin -> HIAA\n    vmax 1 uM/min\n    km 2 uM\n}\n`);
        });

        it('infers the kind from the place: binds a transmitter, in a compartment, a call a function, .level a modulator', async () => {
            const kinds = [
                [`${SPECIES}receptor R { binds Dopamine kd 1 nM }\n`, 'Dopamine', "Declare transmitter 'Dopamine'", 'transmitter Dopamine\n\n'],
                [`${SPECIES}precursor Tyr in plasma\n`, 'plasma', "Declare compartment 'plasma'", 'compartment plasma { volume 1 L }\n\n'],
                [`${SPECIES}rule r = sat(Serotonin, 2 uM)\n`, 'sat', "Declare function 'sat'", 'function sat(x1, x2) = x1\n\n'],
                [`${SPECIES}rule r = Cortisol.level\n`, 'Cortisol', "Declare modulator 'Cortisol'", 'modulator Cortisol { level 1 }\n\n'],
                [`${SPECIES}rule r = k_cat * Serotonin\n`, 'k_cat', "Declare parameter 'k_cat'", 'parameter k_cat = 1\n\n'],
                [`${SPECIES}scenario S extends Base { simulate 1 h }\n`, 'Base', "Declare scenario 'Base'", 'scenario Base { simulate 24 h }\n\n']
            ];
            for (const [text, name, title, inserted] of kinds) {
                const { actions } = await fixes(text, 'unresolved', name);
                const declare = actions.find(a => a.title === title);
                assert.ok(declare, `${title} among ${actions.map(a => a.title).join(', ')}`);
                assert.equal(declare.result, SPECIES + inserted + text.slice(SPECIES.length));
            }
        });
    });

    describe('units', () => {
        it('adds the expected base unit to a number without one', async () => {
            const { actions } = await fixes(`${SPECIES}enzyme MAOA {\n    converts Serotonin ->\n    vmax 2\n    km 2 uM\n}\n`, 'unit-missing');
            assert.deepEqual(actions.map(a => a.title), ["Add unit 'uM/min'"]);
            assert.ok(actions[0].result.includes('    vmax 2 uM/min\n'));
        });

        it('replaces a unit of the wrong dimension with units of the expected one', async () => {
            const { actions } = await fixes(`${SPECIES}enzyme MAOA {\n    converts Serotonin ->\n    vmax 2 uM/min\n    km 3   min\n}\n`, 'unit-dimension');
            assert.deepEqual(actions.map(a => a.title), ["Change unit to 'uM'", "Change unit to 'nM'", "Change unit to 'mM'", "Change unit to 'pM'"]);
            assert.ok(actions[1].result.includes('    km 3   nM\n'));
        });
    });

    describe('unused', () => {
        it('removes the declaration with its doc comment and the blank line after it', async () => {
            const text = `${SPECIES}\n/** Turnover,\n *  per minute. */\nparameter k_unused = 3 /min\n\nrule r = Serotonin + BH4\n`;
            const { actions } = await fixes(text, 'unused', 'k_unused');
            assert.equal(actions[0].title, "Remove unused 'k_unused'");
            assert.equal(actions[0].result, `${SPECIES}\nrule r = Serotonin + BH4\n`);
        });
    });
});
