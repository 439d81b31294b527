import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { NEXT_STEP_MESSAGES } from '../../src/syntax/syntax-messages.js';
import { buildWorkspace, codeOf, workspaceServices } from '../validation/validation-fixtures.js';

/** A small correct model; each mistake below is appended to it. */
const MODEL = `precursor Trp { initial 40 uM  clearance 0.1 /min }
transmitter Srt { clearance 0.5 /min }
enzyme TPH { converts Trp -> Srt  vmax 1 uM/min  km 40 uM }
receptor R { binds Srt  kd 10 nM }
scenario S { simulate 60 min  observe Srt }
`;

/**
 * Common mistakes, each with the one diagnostic it must give: «…» marks its range, then its
 * code and message. Typos of every declaration and statement keyword, half-typed statements,
 * missing units, words in the wrong order or the wrong block, missing and extra braces.
 */
const MISTAKES: [string, string, string][] = [
    ["«enzme» E { converts Trp -> Srt vmax 1 uM/min km 4 uM }", 'syntax', "Unknown word 'enzme': did you mean 'enzyme'?"],
    ["«precurser» A { initial 1 uM }", 'syntax', "Unknown word 'precurser': did you mean 'precursor'?"],
    ["«cofacter» B { initial 1 uM }", 'syntax', "Unknown word 'cofacter': did you mean 'cofactor'?"],
    ["«intermediat» I { clearance 1 /min }", 'syntax', "Unknown word 'intermediat': did you mean 'intermediate'?"],
    ["«transmiter» T { clearance 1 /min }", 'syntax', "Unknown word 'transmiter': did you mean 'transmitter'?"],
    ["«metabolit» M { clearance 1 /min }", 'syntax', "Unknown word 'metabolit': did you mean 'metabolite'?"],
    ["«transportr» X { moves Srt -> Trp vmax 1 uM/min km 1 uM }", 'syntax', "Unknown word 'transportr': did you mean 'transporter'?"],
    ["«recepter» Q { binds Srt kd 1 nM }", 'syntax', "Unknown word 'recepter': did you mean 'receptor'?"],
    ["«modulatr» Mo { increases TPH activity max 2 ec50 1 uM }", 'syntax', "Unknown word 'modulatr': did you mean 'modulator'?"],
    ["«compartmnt» cell { volume 1 L }", 'syntax', "Unknown word 'compartmnt': did you mean 'compartment'?"],
    ["«parametr» k = 2 /min", 'syntax', "Unknown word 'parametr': did you mean 'parameter'?"],
    ["«functon» f(x) = x", 'syntax', "Unknown word 'functon': did you mean 'function'?"],
    ["«scenaro» S2 { simulate 10 min }", 'syntax', "Unknown word 'scenaro': did you mean 'scenario'?"],
    ["«cascde» C2 { from S }", 'syntax', "Unknown word 'cascde': did you mean 'cascade'?"],
    ["precursor A { «intial» 1 uM }", 'syntax', "Unknown word 'intial': did you mean 'initial'?"],
    ["precursor A { initial 1 uM «clearence» 1 /min }", 'syntax', "Unknown word 'clearence': did you mean 'clearance'?"],
    ["enzyme E2 { «convert» Trp -> Srt vmax 1 uM/min km 4 uM }", 'syntax', "Unknown word 'convert': did you mean 'converts'?"],
    ["enzyme E2 { converts Trp -> Srt «vmx» 1 uM/min km 4 uM }", 'syntax', "Unknown word 'vmx': did you mean 'vmax'?"],
    ["receptor R2 { «bind» Srt kd 1 nM }", 'syntax', "Unknown word 'bind': did you mean 'binds'?"],
    ["receptor R2 { binds Srt «kdd» 1 nM }", 'syntax', "Unknown word 'kdd': did you mean 'kd'?"],
    ["scenario S2 { «simulat» 10 min }", 'syntax', "Unknown word 'simulat': did you mean 'simulate'?"],
    ["scenario S2 { simulate 10 min\n  «obsrve» Srt }", 'syntax', "Unknown word 'obsrve': did you mean 'observe'?"],
    ["scenario S2 { simulate 10 min\n  «expct» Srt at steady between 1 uM and 2 uM }", 'syntax', "Unknown word 'expct': did you mean 'expect'?"],
    ["scenario S2 { simulate 10 min\n  «doze» Srt 1 uM }", 'syntax', "Unknown word 'doze': did you mean 'dose'?"],
    ["scenario S2 { simulate 10 min\n  «inhibt» TPH 50% }", 'syntax', "Unknown word 'inhibt': did you mean 'inhibit'?"],
    ["cascade C2 { «frm» S }", 'syntax', "Unknown word 'frm': did you mean 'from'?"],
    ["cascade C2 { from S\n  «perturbe» Trp supply +50% }", 'syntax', "Unknown word 'perturbe': did you mean 'perturb'?"],
    ["cascade C2 { from S\n  perturb Trp supply +50%\n  «mesure» Srt }", 'syntax', "Unknown word 'mesure': did you mean 'measure'?"],
    ["scenario S2 { simulate 10 min\n  «expect Srt at steady» }", 'syntax', "`expect` needs a range: `between A and B`, `above A` or `below B` (see docs/reference.md, Scenarios)."],
    ["scenario S2 { simulate 10 min\n  expect «Srt» between 1 uM and 2 uM }", 'range', "'Srt' is read at no time: write 'at steady' or 'at T' after it."],
    ["scenario S2 { simulate 10 min\n  «expect Srt at steady between 1 uM» }", 'syntax', "`expect` needs both ends of its range: `between A and B` (see docs/reference.md, Scenarios)."],
    ["scenario S2 { «simulate» }", 'syntax', "`simulate` needs a duration with its unit: `simulate 60 min`, optionally `step 1 min` (see docs/reference.md, Scenarios)."],
    ["scenario S2 { simulate 10 min\n  «observe» }", 'syntax', "`observe` needs the quantities to record: `observe A, B` (see docs/reference.md, Scenarios)."],
    ["scenario S2 { simulate 10 min\n  «dose Srt» }", 'syntax', "`dose` needs a target and an amount: `dose X 1 uM` (see docs/reference.md, Actions)."],
    ["scenario S2 { simulate 10 min\n  «at 5 min» }", 'syntax', "`at` needs a time and an action: `at 10 min dose X 1 uM`, or several in `{ }` (see docs/reference.md, Scenarios)."],
    ["cascade C2 { «from» }", 'syntax', "`from` needs the scenario the cascade starts from: `from Baseline` (see docs/reference.md, Cascades)."],
    ["cascade C2 { from S\n  «perturb» }", 'syntax', "`perturb` needs a target and a change: `perturb X supply +50%` (see docs/reference.md, Cascades)."],
    ["precursor A { «initial» }", 'syntax', "a property needs a value with its unit, e.g. `initial 2 uM`, `clearance 0.1 /min` (see docs/reference.md, Species members)."],
    ["enzyme E2 { converts Trp -> Srt vmax 1 uM/min «km» }", 'syntax', "`km` needs a value with its unit: `km 40 uM` or `km Tryptophan 40 uM` (see docs/reference.md, Enzymes)."],
    ["enzyme E2 { «converts Trp» Srt vmax 1 uM/min km 4 uM }", 'syntax', "an equation needs `->` between what is used and what is made: `converts A -> B` (see docs/reference.md, Reactions)."],
    ["enzyme E2 { converts Trp -> Srt vmax 1 uM/min km 4 uM\n  «inhibited by Srt» }", 'syntax', "`inhibited by` needs an inhibitor and its ki: `inhibited by X ki 2 uM`, optionally `competitive` (see docs/reference.md, Enzymes)."],
    ["receptor R2 { «binds» }", 'syntax', "`binds` needs a ligand: `binds Dopamine` (see docs/reference.md, Receptors)."],
    ["receptor R2 { binds Srt kd 1 nM «effect» }", 'syntax', "`effect` needs a kind: `effect excitatory`, `inhibitory` or `modulatory` (see docs/reference.md, Receptors)."],
    ["«parameter k =»", 'syntax', "a parameter needs a name and a value: `parameter k = 2 /min` (see docs/reference.md, Parameters)."],
    ["«parameter k» 2 /min", 'syntax', "a parameter needs a name and a value: `parameter k = 2 /min` (see docs/reference.md, Parameters)."],
    ["«rule r = Trp +»", 'syntax', "a rule needs an expression: `rule total = A + B` (see docs/reference.md, Rules)."],
    ["precursor A { initial 1« uM»\nprecursor B { initial 1 uM }", 'syntax', "This block is not closed: '}' is missing before 'precursor'."],
    ["precursor A { initial 1« uM»", 'syntax', "This block is not closed: '}' is missing at the end of the file."],
    ["scenario S2 { simulate 10 min\n  when Srt > 1 uM { set Trp 0 uM «}»", 'syntax', "This block is not closed: '}' is missing at the end of the file."],
    ["precursor A { «observe» Srt }", 'syntax', "'observe' does not belong in this block; a statement here starts with one of 'binds', 'blocked', 'clearance', 'converts', 'decreases', 'density', 'effect', 'fixed', 'hill', 'increases', 'inhibited', 'initial', 'kd', 'keq', 'kf', 'km', 'km_product', 'kr', 'level', 'molar_mass', 'moves', 'protein', 'rate', 'requires', 'substrate_inhibition', 'supply', 'tone', 'vmax', 'volume'."],
    ["scenario S2 { simulate 10 min\n  «initial» Srt 2 uM }", 'syntax', "'initial' does not belong in a scenario; a statement here starts with one of 'at', 'dose', 'every', 'expect', 'infuse', 'inhibit', 'observe', 'scale', 'set', 'simulate', 'when'."],
    ["«import» receptors.cascade", 'syntax', "'import' does not belong at the top level of a file; a statement here starts with one of 'cascade', 'cofactor', 'compartment', 'data', 'enzyme', 'fit', 'function', 'initial', 'intermediate', 'metabolite', 'modulator', 'parameter', 'population', 'precursor', 'rate', 'reaction', 'receptor', 'release', 'rule', 'scan', 'scenario', 'transmitter', 'transporter', 'when'."],
    ["«model»", 'syntax', "'model' does not belong at the top level of a file; a statement here starts with one of 'cascade', 'cofactor', 'compartment', 'data', 'enzyme', 'fit', 'function', 'initial', 'intermediate', 'metabolite', 'modulator', 'parameter', 'population', 'precursor', 'rate', 'reaction', 'receptor', 'release', 'rule', 'scan', 'scenario', 'transmitter', 'transporter', 'when'."],
    ["precursor A { initial 1 uM } «}»", 'syntax', "This '}' closes no block."],
    ["precursor A { initial «1» }", 'unit-missing', "No unit: this number is taken as uM (amount concentration); write the unit."],
    ["scenario S2 { simulate «10» }", 'unit-missing', "No unit: this number is taken as min (time); write the unit."],
    ["scenario S2 { simulate 10 min\n  inhibit TPH «90» }", 'range', "Inhibition is between 0 % and 100 %; did you mean '90%'?"],
];

/** Errors and warnings, without `unused` (every mistake declares something new). */
function reported(diagnostics: readonly Diagnostic[] | undefined): Diagnostic[] {
    return (diagnostics ?? []).filter(diagnostic => diagnostic.severity! <= 2 && codeOf(diagnostic) !== 'unused');
}

describe('syntax errors in the modeler\'s words: one mistake, one diagnostic', () => {
    it('the model the mistakes are added to has no diagnostic', async () => {
        const documents = await buildWorkspace({ 'model.cascade': MODEL });
        assert.deepEqual(reported(documents.get('model.cascade')!.diagnostics).map(d => d.message), []);
    });

    for (const [marked, code, message] of MISTAKES) {
        it(JSON.stringify(marked.replace(/[«»]/g, '')), async () => {
            const mistake = marked.replace(/[«»]/g, '');
            const start = MODEL.length + marked.indexOf('«');
            const end = MODEL.length + marked.indexOf('»') - 1;
            const document = (await buildWorkspace({ 'model.cascade': MODEL + mistake + '\n' })).get('model.cascade')!;
            const found = reported(document.diagnostics).map(d => ({
                code: codeOf(d), message: d.message,
                start: document.textDocument.offsetAt(d.range.start), end: document.textDocument.offsetAt(d.range.end)
            }));
            assert.deepEqual(found, [{ code, message, start, end }]);
        });
    }

    it('points each incomplete statement to a section docs/reference.md has', () => {
        const reference = readFileSync(fileURLToPath(new URL('../../../../../docs/reference.md', import.meta.url)), 'utf8');
        const headings = new Set(reference.split('\n').filter(line => line.startsWith('#')).map(line => line.replace(/^#+\s*/, '')));
        assert.deepEqual(NEXT_STEP_MESSAGES.filter(entry => !headings.has(entry.section)).map(entry => entry.section), []);
    });

    it('has no raw token list in any message', () => {
        for (const [, , message] of MISTAKES) assert.doesNotMatch(message, /Expecting|token|\[/i);
    });
});

describe('quick fixes of the suggestions', () => {
    const cases = [
        ['a misspelt keyword', 'scenario S2 { simulate 10 min\n  obsrve Srt }\n', 'syntax', 'obsrve', 'observe'],
        ['a fraction written as a percentage', 'scenario S2 { simulate 10 min\n  inhibit TPH 90 }\n', 'range', '90', '90%']
    ] as const;
    for (const [what, mistake, code, written, replacement] of cases) {
        it(`replace ${what} with what the message suggests`, async () => {
            const document = (await buildWorkspace({ 'model.cascade': MODEL + mistake })).get('model.cascade')!;
            const diagnostic = document.diagnostics!.find(d => codeOf(d) === code)!;
            const provider = workspaceServices().Cascade.lsp.CodeActionProvider!;
            const actions = await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
            const [action] = actions as { title: string; edit: { changes: Record<string, { newText: string }[]> } }[];
            assert.equal(action.title, `Change to '${replacement}'`);
            assert.equal(document.textDocument.getText(diagnostic.range), written);
            assert.deepEqual(Object.values(action.edit.changes)[0].map(edit => edit.newText), [replacement]);
        });
    }
});
