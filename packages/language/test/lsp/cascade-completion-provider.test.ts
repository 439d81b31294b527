import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { expectCompletion } from 'langium/test';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { Cascade } from './lsp-services.js';

const complete = expectCompletion(Cascade);

/** The completion list at `<|>`. */
async function completionsAt(text: string): Promise<CompletionList> {
    let result: CompletionList | undefined;
    await complete({ text, index: 0, assert: list => { result = list; }, disposeAfterCheck: true });
    return result!;
}

const labels = (list: CompletionList, kind?: CompletionItemKind): string[] =>
    list.items.filter(item => kind === undefined || item.kind === kind).map(item => item.label);

/** Labels in the order a client shows them (sortText, then label). */
const ordered = (items: CompletionItem[]): string[] =>
    [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '') || a.label.localeCompare(b.label)).map(item => item.label);

const NAMES: CompletionItemKind[] = [CompletionItemKind.Variable, CompletionItemKind.Class, CompletionItemKind.Struct, CompletionItemKind.Event,
    CompletionItemKind.Interface, CompletionItemKind.Enum, CompletionItemKind.Constant, CompletionItemKind.Property,
    CompletionItemKind.Module, CompletionItemKind.Folder, CompletionItemKind.Method, CompletionItemKind.TypeParameter];
const names = (list: CompletionList): string[] => ordered(list.items.filter(item => NAMES.includes(item.kind!)));

const MODEL = `
compartment cytosol { volume 1 pL }
precursor Tryptophan in cytosol { initial 50 uM }
cofactor BH4 in cytosol { initial 1 uM fixed }
intermediate FiveHTP in cytosol
transmitter Serotonin in cytosol
transmitter Dopamine in cytosol
enzyme TPH2 {
    converts Tryptophan + BH4 -> FiveHTP
    vmax 2.4 uM/min
}
receptor HT1A { binds Serotonin kd 3 nM }
modulator Cortisol { level 12 ug/dL }
parameter k_cat = 0.3 /min
function sat(x, k) = x / (k + x)
scenario Baseline { simulate 48 h }
`;

describe('completion', () => {
    describe('names filtered by the slot', () => {
        it('offers species, and nothing else, after converts', async () => {
            const list = await completionsAt(`${MODEL}enzyme AADC {\n    converts <|>\n}`);
            assert.deepEqual(names(list), ['BH4', 'Dopamine', 'FiveHTP', 'Serotonin', 'Tryptophan']);
        });

        it('offers species after moves', async () => {
            const list = await completionsAt(`${MODEL}transporter SERT {\n    moves Serotonin -> <|>\n}`);
            assert.deepEqual(names(list), ['BH4', 'Dopamine', 'FiveHTP', 'Serotonin', 'Tryptophan']);
        });

        it('offers species on both sides of a reaction', async () => {
            const list = await completionsAt(`${MODEL}reaction Degradation {\n    Serotonin -> <|>\n    rate 0.1 /min * Serotonin\n}`);
            assert.deepEqual(names(list), ['BH4', 'Dopamine', 'FiveHTP', 'Serotonin', 'Tryptophan']);
        });

        it('offers transmitters first after binds, then the other species', async () => {
            const list = await completionsAt(`${MODEL}receptor D2 {\n    binds <|>\n}`);
            assert.deepEqual(names(list), ['Dopamine', 'Serotonin', 'BH4', 'FiveHTP', 'Tryptophan']);
        });

        it('offers cofactors first after requires', async () => {
            const list = await completionsAt(`${MODEL}enzyme AADC {\n    converts FiveHTP -> Serotonin\n    requires <|>\n}`);
            assert.equal(names(list)[0], 'BH4');
            assert.ok(!names(list).includes('TPH2'), 'an enzyme is no cofactor');
        });

        it('offers species after inhibited by, and species and modulators (a level as antagonist) after blocked by', async () => {
            const inhibited = await completionsAt(`${MODEL}enzyme MAOA {\n    converts Serotonin ->\n    inhibited by <|>\n}`);
            assert.deepEqual(names(inhibited), ['BH4', 'Dopamine', 'FiveHTP', 'Serotonin', 'Tryptophan']);
            const blocked = await completionsAt(`${MODEL}receptor D2 {\n    binds Dopamine\n    blocked by <|>\n}`);
            assert.deepEqual(names(blocked), ['BH4', 'Cortisol', 'Dopamine', 'FiveHTP', 'Serotonin', 'Tryptophan']);
        });

        it('offers the enzyme\'s substrates first after km (a value may follow instead)', async () => {
            const list = await completionsAt(`${MODEL}enzyme AADC {\n    converts FiveHTP + BH4 -> Serotonin\n    km <|>\n}`);
            assert.deepEqual(names(list).slice(0, 3), ['BH4', 'FiveHTP', 'Dopamine']);
            const rank = (label: string) => list.items.find(item => item.label === label)!.sortText!;
            assert.ok(rank('FiveHTP') < rank('Tryptophan'));
        });

        it('offers declarations that have an effect property as an effect target', async () => {
            const list = await completionsAt(`${MODEL}modulator Estradiol {\n    increases <|>\n}`);
            assert.deepEqual(names(list), ['TPH2', 'HT1A', 'BH4', 'Dopamine', 'FiveHTP', 'Serotonin', 'Tryptophan'].sort((a, b) => a.localeCompare(b)));
        });

        it('offers only the properties the effect target has', async () => {
            const enzyme = await completionsAt(`${MODEL}modulator Estradiol {\n    increases TPH2 <|>\n}`);
            assert.deepEqual(labels(enzyme), ['activity']);
            const receptor = await completionsAt(`${MODEL}modulator Estradiol {\n    decreases HT1A <|>\n}`);
            assert.deepEqual(labels(receptor), ['density']);
            const species = await completionsAt(`${MODEL}modulator Estradiol {\n    decreases Tryptophan <|>\n}`);
            assert.deepEqual(labels(species), ['supply', 'clearance']);
        });

        it('offers compartments after in, scenarios after extends and from', async () => {
            assert.deepEqual(names(await completionsAt(`${MODEL}metabolite HIAA in <|>`)), ['cytosol']);
            assert.deepEqual(names(await completionsAt(`${MODEL}scenario Stress extends <|> { }`)), ['Baseline']);
            assert.deepEqual(names(await completionsAt(`${MODEL}cascade C {\n    from <|>\n}`)), ['Baseline']);
        });

        it('offers values, functions and built-ins in an expression, never the rule being defined', async () => {
            const list = await completionsAt(`${MODEL}rule ratio = <|>`);
            const offered = labels(list);
            for (const name of ['Serotonin', 'k_cat', 'sat', 'exp', 'hill', 'circadian', 'HT1A', 'Cortisol']) assert.ok(offered.includes(name), name);
            assert.ok(!offered.includes('ratio'));
            assert.ok(!offered.includes('TPH2'), 'an enzyme has no value');
            assert.ok(!offered.includes('Baseline'));
        });

        it('writes built-in calls as snippets, time courses with named arguments', async () => {
            const list = await completionsAt(`${MODEL}modulator Estradiol { level circ<|> }`);
            const circadian = list.items.find(item => item.label === 'circadian')!;
            assert.equal(circadian.insertTextFormat, InsertTextFormat.Snippet);
            assert.equal(circadian.textEdit?.newText, 'circadian(mean ${1}, amplitude ${2}, peak ${3}, period ${4})');
            const hill = (await completionsAt(`${MODEL}rule r = hi<|>`)).items.find(item => item.label === 'hill' && item.kind === CompletionItemKind.Function)!;
            assert.equal(hill.textEdit?.newText, 'hill(${1:x}, ${2:k}, ${3:n})');
        });

        it('offers occupancy and activation after a receptor, level after a modulator, rate after a process', async () => {
            assert.deepEqual(labels(await completionsAt(`${MODEL}rule r = HT1A.<|>`)), ['occupancy', 'activation']);
            assert.deepEqual(labels(await completionsAt(`${MODEL}rule r = Cortisol.<|>`)), ['level']);
            assert.deepEqual(labels(await completionsAt(`${MODEL}scenario S {\n    observe TPH2.<|>\n}`)), ['rate']);
        });

        it('offers the function\'s own arguments in its body', async () => {
            const list = await completionsAt(`${MODEL}function f(amount) = 2 * <|>`);
            assert.ok(labels(list).includes('amount'));
        });
    });

    describe('keywords', () => {
        it('offers the members that fit the block and are not set yet', async () => {
            const list = await completionsAt(`${MODEL}enzyme MAOA {\n    converts Serotonin ->\n    vmax 1 uM/min\n    <|>\n}`);
            assert.deepEqual(labels(list, CompletionItemKind.Keyword), ['hill', 'protein', 'km', 'requires', 'inhibited', 'substrate_inhibition']);
        });

        it('offers tone only in a transmitter', async () => {
            const transmitter = labels(await completionsAt(`${MODEL}transmitter GABA {\n    <|>\n}`), CompletionItemKind.Keyword);
            const precursor = labels(await completionsAt(`${MODEL}precursor Tyrosine {\n    <|>\n}`), CompletionItemKind.Keyword);
            assert.ok(transmitter.includes('tone'));
            assert.ok(!precursor.includes('tone'));
            assert.ok(!precursor.includes('vmax'));
        });

        it('completes a member keyword being typed', async () => {
            assert.deepEqual(labels(await completionsAt(`${MODEL}receptor D2 {\n    binds Dopamine\n    k<|>\n}`), CompletionItemKind.Keyword), ['kd']);
        });

        it('offers only the properties of the action target in a scenario', async () => {
            const list = await completionsAt(`${MODEL}scenario S {\n    scale TPH2 <|>\n}`);
            assert.deepEqual(labels(list, CompletionItemKind.Keyword), ['vmax', 'km', 'activity', 'ki']);
        });

        it('offers the constants of the rate-law form written: keq and km_product for a reversible enzyme, kf and kr for a reversible reaction', async () => {
            const reversible = `${MODEL}enzyme Iso {\n    converts FiveHTP <-> Serotonin\n    vmax 1 uM/min\n    km 2 uM\n    <|>\n}`;
            assert.deepEqual(labels(await completionsAt(reversible), CompletionItemKind.Keyword),
                ['keq', 'km_product', 'protein', 'km', 'requires', 'inhibited']);
            const reaction = labels(await completionsAt(`${MODEL}reaction R {\n    FiveHTP <-> Serotonin\n    <|>\n}`), CompletionItemKind.Keyword);
            assert.deepEqual(reaction, ['kf', 'kr']);
            const scale = labels(await completionsAt(`${MODEL}enzyme Iso { converts FiveHTP <-> Serotonin vmax 1 uM/min km 2 uM keq 2 }\nscenario S {\n    scale Iso <|>\n}`), CompletionItemKind.Keyword);
            assert.deepEqual(scale, ['vmax', 'keq', 'km_product', 'km', 'activity', 'ki']);
        });

        it('offers simulate once per scenario', async () => {
            const list = await completionsAt(`${MODEL}scenario S {\n    simulate 1 h\n    observe Serotonin\n    <|>\n}`);
            assert.ok(!labels(list).includes('simulate'));
            assert.ok(labels(list).includes('observe'));
        });

        it('offers the bounds and `relative` after an expect\'s reading, scenarios after `relative to`, doses after a schedule', async () => {
            const bounds = labels(await completionsAt(`${MODEL}scenario S {\n    simulate 1 h\n    expect Serotonin at steady <|>\n}`), CompletionItemKind.Keyword);
            for (const keyword of ['between', 'above', 'below', 'relative']) assert.ok(bounds.includes(keyword), keyword);
            assert.deepEqual(names(await completionsAt(`${MODEL}scenario S {\n    simulate 1 h\n    expect Serotonin at steady relative to <|>\n}`)), ['Baseline', 'S']);
            const schedule = labels(await completionsAt(`${MODEL}scenario S {\n    simulate 1 h\n    every 24 h times 3 <|>\n}`), CompletionItemKind.Keyword);
            assert.deepEqual(schedule, ['dose']);
            assert.deepEqual(names(await completionsAt(`${MODEL}scenario S {\n    infuse <|>\n}`)), ['BH4', 'Dopamine', 'FiveHTP', 'Serotonin', 'Tryptophan']);
        });

        it('offers and/or only in conditions', async () => {
            const when = await completionsAt(`${MODEL}when Serotonin > k_cat <|> { }`);
            assert.ok(labels(when).includes('and'));
            const value = await completionsAt(`${MODEL}parameter p = k_cat <|>`);
            assert.ok(!labels(value).includes('and'));
        });
    });

    describe('units', () => {
        it('offers units of the expected dimension after a number and a space, and nothing else', async () => {
            const list = await completionsAt(`${MODEL}enzyme MAOA {\n    converts Serotonin ->\n    vmax 2 <|>\n}`);
            assert.deepEqual(ordered(list.items), ['uM/min', 'nM/min', 'uM/h', 'nM/s', 'uM/s', 'mM/min', 'umol/min/g', 'nmol/min/mg', 'umol/min/mg']);
        });

        it('completes a unit being typed, replacing only the unit', async () => {
            const list = await completionsAt(`${MODEL}enzyme MAOA {\n    converts Serotonin ->\n    km 40 u<|>\n}`);
            assert.deepEqual(labels(list), ['uM', 'nM', 'mM', 'pM', 'M']);
            const edit = list.items[0].textEdit as { range: { start: { character: number }; end: { character: number } } };
            assert.equal(edit.range.end.character - edit.range.start.character, 1);
        });

        it('offers times for simulate and mass concentrations for a level written in ug/dL', async () => {
            assert.ok(labels(await completionsAt(`${MODEL}scenario S { simulate 48 <|> }`)).includes('h'));
            const ec50 = labels(await completionsAt(`${MODEL}modulator Estradiol {\n    level 80 pg/mL\n    increases TPH2 activity max 40% ec50 20 <|>\n}`));
            assert.equal(ec50[0], 'g/L');
            assert.ok(!ec50.includes('uM'));
        });

        it('offers no unit while the number is being typed or for a coefficient', async () => {
            assert.deepEqual(labels(await completionsAt(`${MODEL}enzyme MAOA {\n    converts Serotonin ->\n    vmax 2<|>\n}`)), []);
            assert.ok(!labels(await completionsAt(`${MODEL}reaction R {\n    2 <|>\n}`), CompletionItemKind.Unit).length);
        });
    });

    describe('snippets', () => {
        it('offers a skeleton for every declaration kind at the top level', async () => {
            const list = await completionsAt(`${MODEL}<|>`);
            const snippets = labels(list, CompletionItemKind.Snippet).sort();
            assert.deepEqual(snippets, ['cascade', 'cofactor', 'compartment', 'enzyme', 'function', 'intermediate', 'metabolite', 'modulator',
                'parameter', 'precursor', 'reaction', 'receptor', 'release', 'rule', 'scenario', 'transmitter', 'transporter']);
            const enzyme = list.items.find(item => item.label === 'enzyme' && item.kind === CompletionItemKind.Snippet)!;
            assert.match(enzyme.textEdit!.newText, /converts \$\{2:Substrate\} -> \$\{3:Product\}\n {4}vmax/);
        });

        it('offers no declaration skeleton inside a block', async () => {
            const list = await completionsAt(`${MODEL}precursor Tyrosine {\n    <|>\n}`);
            assert.deepEqual(labels(list, CompletionItemKind.Snippet), []);
        });
    });
});
