import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { expectHover } from 'langium/test';
import { Cascade, cursor, documentAt } from './lsp-services.js';

const hover = expectHover(Cascade);

const MODEL = `
compartment cytosol { volume 1 pL }
precursor Tryptophan in cytosol { initial 50 uM }
cofactor BH4 in cytosol { initial 1.2 uM fixed }
intermediate FiveHTP in cytosol
transmitter Serotonin "5-HT" in cytosol { initial 0.3 uM }
/** Rate-limiting step of serotonin synthesis (Walther 2003). */
enzyme TPH2 "Tryptophan hydroxylase 2" {
    converts Tryptophan -> FiveHTP
    vmax 2.4 uM/min
    km Tryptophan 40 uM
    requires BH4 km 20 uM
    inhibited by Serotonin ki 1000 uM
}
transporter SERT { moves Serotonin -> FiveHTP vmax 8000 uM/h km 0.17 uM }
release Exocytosis { moves FiveHTP -> Serotonin rate 0.4 /min }
receptor HT1A { binds Serotonin kd 3 nM blocked by BH4 ki 0.8 nM }
modulator Cortisol { level 12 ug/dL
    increases TPH2 activity max 40% ec50 20 ug/dL }
scenario SSRI { simulate 48 h
    inhibit SERT 80% }
`;

/** The hover text at `<|>` in the model followed by `tail`. */
async function hoverAt(tail: string): Promise<string> {
    const { text, offset } = cursor(MODEL + tail);
    const document = await documentAt('file:///hover/model.cascade', text);
    const result = await Cascade.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
    });
    return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
}

describe('hover', () => {
    it('shows kind, title and doc comment of a declaration', async () => {
        await hover({
            text: MODEL + 'rule r = TP<|>H2.x',
            index: 0,
            hover: /^\*\*enzyme\*\* `TPH2` — Tryptophan hydroxylase 2\n\nRate-limiting step of serotonin synthesis \(Walther 2003\)\./,
            disposeAfterCheck: true
        });
    });

    it('writes out the enzyme\'s rate law with its numbers', async () => {
        const text = await hoverAt('rule r = 2 * TP<|>H2');
        assert.ok(text.includes('`v = 2.4 uM/min · Tryptophan/(40 uM·(1 + Serotonin/1000 uM) + Tryptophan) · BH4/(20 uM + BH4) · A`'), text);
    });

    it('shows each value as written and in base units', async () => {
        const text = await hoverAt('scenario S { simulate 1 h  scale SE<|>RT activity 50% }');
        assert.ok(text.includes('`vmax` 8000 uM/h = 133.3 uM/min'), text);
        assert.ok(text.includes('`km` 0.17 uM'), text);
        assert.ok(text.includes('`v = 8000 uM/h · Serotonin/(0.17 uM + Serotonin) · A`'), text);
    });

    it('lists what modulates it: effect clauses and scenario actions', async () => {
        const enzyme = await hoverAt('rule r = TP<|>H2');
        assert.ok(enzyme.includes('Modulated by:\n- `Cortisol` increases TPH2 activity max 40% ec50 20 ug/dL'), enzyme);
        const transporter = await hoverAt('rule r = SE<|>RT');
        assert.ok(transporter.includes('- scenario `SSRI`: inhibit SERT 80%'), transporter);
    });

    it('writes out the reversible, cooperative and co-transport laws', async () => {
        const extra = `enzyme Iso { converts FiveHTP <-> Serotonin  vmax 3 uM/min  km 2 uM  keq 2.5 }
enzyme Coop { converts FiveHTP -> Serotonin  vmax 1 uM/min  km 4 uM  hill 2 }
transporter Sym { moves Tryptophan + BH4 -> FiveHTP  vmax 2 uM/min  km BH4 5 uM  km Tryptophan 10 uM }
reaction Bind { FiveHTP <-> Serotonin  kf 1 /min  kr 0.5 /min }
transporter Car { moves Tryptophan -> FiveHTP  vmax 2 uM/min  km 10 uM  moves Dopamine -> Serotonin  vmax 1 uM/min  km 3 uM }
`;
        assert.ok((await hoverAt(`${extra}rule r = Is<|>o.rate`)).includes('`v = 3 uM/min · (FiveHTP − Serotonin/2.5)/2 uM / (1 + FiveHTP/2 uM + Serotonin/2 uM)`'));
        assert.ok((await hoverAt(`${extra}rule r = Co<|>op.rate`)).includes('`v = 1 uM/min · FiveHTP^2/(4 uM^2 + FiveHTP^2)`'));
        assert.ok((await hoverAt(`${extra}rule r = Sy<|>m.rate`)).includes('`v = 2 uM/min · Tryptophan/(10 uM + Tryptophan) · BH4/(5 uM + BH4)`'));
        assert.ok((await hoverAt(`${extra}rule r = Bi<|>nd.rate`)).includes('`v = 1 /min·FiveHTP − 0.5 /min·Serotonin`'));
        assert.ok((await hoverAt(`${extra}rule r = Ca<|>r.rate`)).includes(
            '`v(Tryptophan) = 2 uM/min · (Tryptophan/10 uM)/(1 + Tryptophan/10 uM + Dopamine/3 uM); v(Dopamine) = 1 uM/min · (Dopamine/3 uM)/(1 + Tryptophan/10 uM + Dopamine/3 uM)`'));
    });

    it('gives a first-order law for a release and occupancy for a receptor', async () => {
        assert.ok((await hoverAt('rule r = Exo<|>cytosis')).includes('`v = 0.4 /min · FiveHTP`'));
        const receptor = await hoverAt('rule r = HT<|>1A.occupancy');
        assert.ok(receptor.includes('`θ = (Serotonin/3 nM)/(1 + (Serotonin/3 nM) + BH4/0.8 nM)`'), receptor);
        assert.ok(receptor.includes('`kd` 3 nM = 0.003 uM'), receptor);
    });

    it('names a species\' kind and compartment on its declaration', async () => {
        await hover({ text: MODEL + 'metabolite <|>HIAA in cytosol { initial 2 ug/L }', index: 0, hover: /^\*\*metabolite \(species\)\*\* `HIAA` in `cytosol`\n\n- `initial` 2 ug\/L = 0.000002 g\/L$/, disposeAfterCheck: true });
    });

    it('explains a unit: its dimension and base conversion', async () => {
        await hover({
            text: MODEL + 'modulator Estradiol { level 80 pg/<|>mL }',
            index: 0,
            hover: '`pg/mL` — mass concentration; 1 pg/mL = 1e-9 g/L\n\n`80 pg/mL` = 8e-8 g/L',
            disposeAfterCheck: true
        });
        await hover({ text: MODEL + 'parameter k = 6 /<|>h', index: 0, hover: /^`\/h` — rate constant \(per time\); 1 \/h = 0.01667 \/min/, disposeAfterCheck: true });
    });

    it('shows nothing on a number without a unit', async () => {
        await hover({ text: MODEL + 'parameter k = 6<|>', index: 0, hover: undefined, disposeAfterCheck: true });
    });
});
